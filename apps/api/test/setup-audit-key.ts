/**
 * Before each test file: the process's audit key is the tests' (test/audit-key.ts), also for files
 * that write audit events without building the app (the first start's bootstrap, for one).
 */
import { auditKeyFrom, useAuditKey } from '../src/modules/audit/index.ts';
import { TEST_AUDIT_KEY } from './audit-key.ts';

useAuditKey(auditKeyFrom(TEST_AUDIT_KEY));
