/**
 * What the findings register offers, asked of the contract's permission table (lib/permissions.ts);
 * the API stays the authority.
 */
import type { Finding, Me } from '@thidua/contract';
import { canReview, canUser } from '../../../lib/permissions.ts';

/** The standing office records findings (and so filters by unit and picks any unit). */
export function canRecordFinding(user: Me | null): boolean {
  return canUser(user, 'finding.record');
}

/** The office verifies a remedied finding — never one of a unit it also belongs to. */
export function canVerify(user: Me | null, f: Pick<Finding, 'unitId' | 'status'>): boolean {
  return f.status === 'remedied' && canReview(user, 'finding.verify', { unitId: f.unitId });
}

/** The office reopens a remedied or verified finding — never one of a unit it also belongs to. */
export function canReopen(user: Me | null, f: Pick<Finding, 'unitId' | 'status'>): boolean {
  return f.status !== 'open' && canReview(user, 'finding.reopen', { unitId: f.unitId });
}

/** The finding's own unit (its officer or head) reports the remedy. */
export function canRemedy(user: Me | null, f: Pick<Finding, 'unitId' | 'status'>): boolean {
  return f.status === 'open' && canUser(user, 'finding.remedy', { unitId: f.unitId });
}
