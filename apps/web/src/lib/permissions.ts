/**
 * What the signed-in user may change, mirrored from the API's rules so the UI offers only what
 * will be accepted. The API remains the authority: these only hide buttons.
 */
import type { Me } from '@thidua/contract';
import { hasAnyRole, unitsWithRole } from './auth.ts';

/** Units whose staff the user may add or edit: null = every unit (people.service manageablePeopleUnits). */
export function manageablePeopleUnits(user: Me | null): Set<string> | null {
  if (hasAnyRole(user, ['admin', 'secretariat'])) return null;
  return new Set(unitsWithRole(user, 'unit_head', 'unit_officer'));
}

/** Units are administered by admins only (units.routes MANAGERS). */
export function canManageUnits(user: Me | null): boolean {
  return hasAnyRole(user, ['admin']);
}

/** Units are imported from a sheet by admins only (imports.routes /units/import). */
export function canImportUnits(user: Me | null): boolean {
  return hasAnyRole(user, ['admin']);
}

/** Staff are imported from a sheet by admins and the standing office (imports.routes /people/import). */
export function canImportPeople(user: Me | null): boolean {
  return hasAnyRole(user, ['admin', 'secretariat']);
}
