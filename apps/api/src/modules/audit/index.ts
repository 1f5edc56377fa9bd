/** The audit module's front door: the only file other modules (and the app) import. The audit log: every write's record, hash-chained, keyed and anchored outside the database. */
import type { ApiModule } from '../../lib/api-module.ts';
import auditRoutes from './audit.routes.ts';
import { auditMessages } from './audit.messages.ts';
import { auditCheckpointJob, planAuditCheckpoint } from './audit.service.ts';

export {
  AUDIT_CHECKPOINT_JOB,
  checkpointOfHead,
  KEYED_PREFIX,
  recordAudit,
  verifyAuditChain,
  verifyAuditLog,
  writeAuditCheckpoint,
} from './audit.service.ts';
export { auditKeyFrom, currentAuditKey, loadAuditKey, useAuditKey, type AuditKey } from './audit-key.ts';
export {
  CHECKPOINT_DIR,
  checkpointDirOf,
  isAuthenticCheckpoint,
  signCheckpoint,
  writeCheckpointFile,
  type AuditCheckpoint,
} from './audit-checkpoints.ts';

export const auditModule: ApiModule = {
  name: 'audit',
  routes: [auditRoutes],
  messages: auditMessages,
  jobs: [auditCheckpointJob],
  planners: [planAuditCheckpoint],
};
