/** The audit module's front door: the only file other modules (and the app) import. The audit log: every write's record, hash-chained. */
export { recordAudit, verifyAuditChain } from './audit.service.ts';
export { default as auditRoutes } from './audit.routes.ts';
