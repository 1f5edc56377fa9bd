import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditListQuery, AuditPage, AuditVerifyResult, errorResponses } from '@thidua/contract';
import { actorOf } from '../../lib/context.ts';
import { pickLanguage } from '../../lib/messages.ts';
import type { Config } from '../../config.ts';
import { listAuditEvents, verifyAuditLog } from './audit.service.ts';

const auditRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
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
        summary: 'Verify the hash chain against its checkpoints; names the first broken link',
        description:
          "Recomputes every event's (keyed) hash in order and compares the chain with the signed checkpoints kept outside the database (DATA_DIR/audit-checkpoints): a deleted tail or a recomputed chain is a break too. On a break: the event (`firstBrokenSeq`, `firstBrokenId`), a stable `reasonCode` and the `reason` in the request's language; `checkpoint` names the newest checkpoint compared against.",
        response: { 200: AuditVerifyResult, ...errorResponses(401, 403) },
      },
    },
    async (request) =>
      verifyAuditLog(app.database.db, config.dataDir, pickLanguage(request.headers['accept-language'])),
  );
};
export default auditRoutes;
