/**
 * Who may do what in the findings register, mirrored from findings.service so the screens offer
 * only what the API accepts (the API stays the authority).
 */
import type { Finding, Me } from '@thidua/contract';
import { hasAnyRole, unitsWithRole } from '../../../lib/auth.ts';

/** The standing office records, verifies and reopens — never for a unit it also belongs to. */
export function canReviewFinding(user: Me | null, unitId?: string): boolean {
  if (!hasAnyRole(user, ['admin', 'secretariat'])) return false;
  return unitId === undefined || !unitsWithRole(user, 'unit_officer', 'unit_head', 'staff').includes(unitId);
}

/** The finding's own unit (its officer or head) reports the remedy. */
export function canRemedy(user: Me | null, f: Pick<Finding, 'unitId' | 'status'>): boolean {
  return f.status === 'open' && unitsWithRole(user, 'unit_officer', 'unit_head').includes(f.unitId);
}
