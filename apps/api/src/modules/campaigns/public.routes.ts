/**
 * The public face of campaigns, without sign-in: open, closed and finalized campaigns with their
 * criteria. The response schemas (PublicCampaign…) leave out the internal fields.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  PublicCampaign,
  PublicCampaignListQuery,
  PublicCampaignPage,
  errorResponses,
} from '@thidua/contract';
import { getCampaign, listCampaigns } from './campaigns.service.ts';
import { listCriteria } from './criteria.service.ts';

const publicCampaignsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/public/campaigns',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Open, closed and finalized campaigns, without sign-in',
        querystring: PublicCampaignListQuery,
        response: { 200: PublicCampaignPage, ...errorResponses(400) },
      },
    },
    async (request) => listCampaigns(db(), null, request.query),
  );

  app.get(
    '/public/campaigns/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'A published campaign with its criteria, without sign-in (drafts and archived campaigns are 404)',
        params: IdParams,
        response: { 200: PublicCampaign, ...errorResponses(404) },
      },
    },
    async (request) => {
      const campaign = await getCampaign(db(), null, request.params.id);
      return { ...campaign, criteria: await listCriteria(db(), null, request.params.id) };
    },
  );
};
export default publicCampaignsRoutes;
