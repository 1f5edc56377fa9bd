/**
 * The audit key of every test run: the demo database is built once (global-setup.ts) and copied per
 * file, so its events and every test app's must be keyed alike. A constant of the tests, never a
 * deployment's key.
 */
export const TEST_AUDIT_KEY = 'thidua-test-audit-key-not-a-secret-0123456789';
