import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Job, JobListQuery, JobPage, errorResponses } from '@thidua/contract';
import { ctxOf } from '../../lib/context.ts';
import { listJobs, retryJob } from './jobs.service.ts';

const jobsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/jobs',
    {
      config: { access: 'job.manage' },
      schema: {
        tags: ['jobs'],
        summary: 'List background jobs, newest first',
        description:
          'What the system does by itself (e.g. `campaign.open` on a start date, `campaign.close` after the deadline): status, attempts, next run and the last error. Filter by `status` and `kind`.',
        querystring: JobListQuery,
        response: { 200: JobPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listJobs(app.database.db, request.query),
  );
  app.post(
    '/jobs/:id/retry',
    {
      config: { access: 'job.manage' },
      schema: {
        tags: ['jobs'],
        summary: 'Retry a failed job now',
        description:
          'A failed job becomes pending, due at once, with its attempts counted afresh. 409 `job.not_failed` otherwise.',
        params: IdParams,
        response: { 200: Job, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => retryJob(app.database.db, ctxOf(request), request.params.id),
  );
};
export default jobsRoutes;
