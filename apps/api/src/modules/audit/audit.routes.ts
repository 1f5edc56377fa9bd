import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditListQuery, AuditPage, AuditVerifyResult, errorResponses } from '@thidua/contract';
import { listAuditEvents, verifyAuditChain } from './audit.service.ts';

const READERS = ['admin', 'secretariat'] as const;

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit-events',
    {
      config: { access: READERS },
      schema: {
        tags: ['audit'],
        summary: 'List audit events, newest first',
        querystring: AuditListQuery,
        response: { 200: AuditPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listAuditEvents(app.database.db, request.query),
  );
  app.get(
    '/audit-events/verify',
    {
      config: { access: READERS },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain; names the first broken link',
        response: { 200: AuditVerifyResult, ...errorResponses(401, 403) },
      },
    },
    async () => verifyAuditChain(app.database.db),
  );
};
export default auditRoutes;
