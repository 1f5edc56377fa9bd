import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditListQuery, AuditPage, AuditVerifyResult, errorResponses } from '@thidua/contract';
import { actorOf } from '../../lib/context.ts';
import { pickLanguage } from '../../lib/messages.ts';
import { listAuditEvents, verifyAuditChain } from './audit.service.ts';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit-events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'List audit events, newest first',
        querystring: AuditListQuery,
        response: { 200: AuditPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAuditEvents(app.database.db, actorOf(request), request.query),
  );
  app.get(
    '/audit-events/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain; names the first broken link',
        description:
          "Recomputes every event's hash in order. On a break: the event (`firstBrokenSeq`, `firstBrokenId`), a stable `reasonCode` and the `reason` in the request's language.",
        response: { 200: AuditVerifyResult, ...errorResponses(401, 403) },
      },
    },
    async (request) => verifyAuditChain(app.database.db, pickLanguage(request.headers['accept-language'])),
  );
};
export default auditRoutes;
