/** Downloads of generated documents: the campaign plan as DOCX, for signed-in users and the public. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '@thidua/contract';
import type { FastifyReply } from 'fastify';
import { DOCX_MEDIA_TYPE, attachment, campaignPlanDocx } from './documents.service.ts';
import { actorOf } from '../../lib/context.ts';

const docxResponse = {
  description: 'The plan as a Word document (Decree 30/2020 layout)',
  content: { [DOCX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
};

function sendDocx(reply: FastifyReply, doc: { content: Buffer; filename: string }) {
  return reply
    .type(DOCX_MEDIA_TYPE)
    .header('content-disposition', attachment(doc.filename))
    .header('x-content-type-options', 'nosniff')
    .send(doc.content);
}

const documentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    '/campaigns/:id/plan.docx',
    {
      config: { access: 'campaign.read' },
      schema: {
        tags: ['campaigns'],
        summary: 'The campaign plan as DOCX (drafts only for their authors and leaders)',
        params: IdParams,
        response: { 200: docxResponse, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => sendDocx(reply, await campaignPlanDocx(db(), actorOf(request), request.params.id)),
  );

  app.get(
    '/public/campaigns/:id/plan.docx',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'The plan of an open, closed or finalized campaign as DOCX, without sign-in',
        params: IdParams,
        response: { 200: docxResponse, ...errorResponses(404) },
      },
    },
    async (request, reply) => sendDocx(reply, await campaignPlanDocx(db(), null, request.params.id)),
  );
};
export default documentsRoutes;
