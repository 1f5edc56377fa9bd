/** Audit rows as the contract's AuditEvent. */
import type { AuditEvent } from '@thidua/contract';
import type { AuditEventRow } from './audit.repository.ts';

export function toAuditEvent(r: AuditEventRow): AuditEvent {
  return { ...r, at: new Date(r.at).toISOString() };
}
