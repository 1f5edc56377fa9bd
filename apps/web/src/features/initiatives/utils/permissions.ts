/**
 * What the initiatives register offers, asked of the contract's permission table
 * (lib/permissions.ts); the API stays the authority.
 */
import type { Me } from '@thidua/contract';
import { canReview, canUser, reachOn, unitsFor } from '../../../lib/permissions.ts';

/** The standing office recognises initiatives (and so filters the register by unit). */
export function canRecogniseAny(user: Me | null): boolean {
  return canUser(user, 'initiative.recognise');
}

/** The office recognises, never for a unit it also belongs to. */
export function canRecognise(user: Me | null, unitId: string): boolean {
  return canReview(user, 'initiative.recognise', { unitId });
}

/** Units the user records initiatives for: every unit (null), or their own. */
export function recordingUnits(user: Me | null): string[] | null {
  const units = unitsFor(user, 'initiative.write');
  return units && [...units];
}

/** Recording only as a staff member (not for the unit as a whole): one must be among the authors. */
export function recordsAsAuthor(user: Me | null, unitId: string): boolean {
  return reachOn(user, 'initiative.write', unitId) === 'own_person';
}

export function canRecord(user: Me | null): boolean {
  return canUser(user, 'initiative.write');
}
