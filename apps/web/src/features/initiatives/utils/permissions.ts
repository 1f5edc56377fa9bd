/**
 * Who may do what in the initiatives register, mirrored from initiatives.service so the screens
 * offer only what the API accepts (the API stays the authority).
 */
import type { Me } from '@thidua/contract';
import { hasAnyRole, unitsWithRole } from '../../../lib/auth.ts';

export function isOffice(user: Me | null): boolean {
  return hasAnyRole(user, ['admin', 'secretariat']);
}

/** Units the user records initiatives for: every unit for the office (null), else their own. */
export function recordingUnits(user: Me | null): string[] | null {
  if (isOffice(user)) return null;
  return [...new Set(unitsWithRole(user, 'unit_officer', 'unit_head', 'staff'))];
}

/** Recording only as a staff member (not an officer or head of that unit): one must be among the authors. */
export function recordsAsAuthor(user: Me | null, unitId: string): boolean {
  return !isOffice(user) && !unitsWithRole(user, 'unit_officer', 'unit_head').includes(unitId);
}

/** The office recognises, never for a unit it also belongs to. */
export function canRecognise(user: Me | null, unitId: string): boolean {
  return isOffice(user) && !unitsWithRole(user, 'unit_officer', 'unit_head', 'staff').includes(unitId);
}

export function canRecord(user: Me | null): boolean {
  return isOffice(user) || (recordingUnits(user) ?? []).length > 0;
}
