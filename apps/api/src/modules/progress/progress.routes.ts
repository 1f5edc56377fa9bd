/** HTTP for the progress dashboard. Who sees which units is decided in progress.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CampaignProgress, IdParams, ProgressQuery, errorResponses } from '@thidua/contract';
import { actorOf } from '../../lib/context.ts';
import { getCampaignProgress } from './progress.service.ts';

const progressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campaigns/:id/progress',
    {
      config: { access: 'dashboard.read' },
      schema: {
        tags: ['progress'],
        summary:
          "Progress of a campaign's units: counts by status and timing, one line per unit (paged, ?status= and ?q=), and per collective criterion how many units meet it; unit roles see their own unit only",
        params: IdParams,
        querystring: ProgressQuery,
        response: { 200: CampaignProgress, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getCampaignProgress(app.database.db, actorOf(request), request.params.id, request.query),
  );
};
export default progressRoutes;
