/** HTTP for campaign templates: the bundled ones and imported (saved) ones. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CampaignTemplate,
  CampaignTemplateList,
  CampaignTemplateRecord,
  IdParams,
  Ok,
  errorResponses,
} from '@thidua/contract';
import { ctxOf } from '../../lib/context.ts';
import { deleteTemplate, getTemplate, importTemplate, listTemplates } from './templates.service.ts';

const templatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/campaign-templates',
    {
      config: { access: 'campaign.read_draft' },
      schema: {
        tags: ['campaign-templates'],
        summary: 'Bundled and saved campaign templates',
        response: { 200: CampaignTemplateList, ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: await listTemplates(db()) }),
  );

  app.get(
    '/campaign-templates/:id',
    {
      config: { access: 'campaign.read_draft' },
      schema: {
        tags: ['campaign-templates'],
        summary: 'A template with its whole document',
        params: IdParams,
        response: { 200: CampaignTemplateRecord, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => getTemplate(db(), request.params.id),
  );

  app.post(
    '/campaign-templates',
    {
      config: { access: 'campaign.author', idempotent: true },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['campaign-templates'],
        summary:
          'Import a template document (thidua.campaign-template, version 1); errors point at the field, e.g. /criteria/3/threshold',
        body: CampaignTemplate,
        response: { 201: CampaignTemplateRecord, ...errorResponses(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const record = await importTemplate(db(), ctxOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/campaign-templates/${record.id}`).send(record);
    },
  );

  app.delete(
    '/campaign-templates/:id',
    {
      config: { access: 'campaign.author' },
      schema: {
        tags: ['campaign-templates'],
        summary: 'Delete a saved template (bundled ones are read-only: 409)',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await deleteTemplate(db(), ctxOf(request), request.params.id);
      return { ok: true };
    },
  );
};
export default templatesRoutes;
