/** The audit module's front door: the only file other modules (and the app) import. The audit log: every write's record, hash-chained. */
import type { ApiModule } from '../../lib/api-module.ts';
import auditRoutes from './audit.routes.ts';
import { auditMessages } from './audit.messages.ts';

export { recordAudit, verifyAuditChain } from './audit.service.ts';

export const auditModule: ApiModule = { name: 'audit', routes: [auditRoutes], messages: auditMessages };
