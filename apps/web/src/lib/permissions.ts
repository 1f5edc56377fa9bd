/**
 * The web's questions to the contract's permission table (@thidua/contract permissions.ts), so the
 * screens offer only what the API will accept. No role is named here or anywhere else in the app
 * (role labels for display aside): ask `canUser(user, 'finding.remedy', { unitId })` instead.
 *
 * The browser does not know the authority tree, so a grant scoped to an authority is taken to reach
 * every unit it is asked about; the API narrows it (and stays the authority on every check). A grant
 * scoped to its own unit or to one's own records is narrowed here exactly as on the server.
 *
 * This module imports runtime values from the contract: keep it out of the start-up bundle (the
 * router loads it lazily; see app/router.tsx).
 */
import { useCallback } from 'react';
import {
  can,
  grantsOf,
  isOwnRecord,
  scopeOf,
  SCOPES,
  type Me,
  type Permission,
  type PermissionSubject,
  type PermissionTarget,
  type Scope,
} from '@thidua/contract';
import { useSession } from './auth.ts';

export { isOwnRecord };

function subjectOf(user: Me): PermissionSubject {
  return { personId: user.personId, roles: user.roles, covers: () => true };
}

/**
 * May the user use the permission (on the target)? Without a target: do they hold it at all (a menu
 * or a page guard asks that). A target `{ unitId }` is a unit's record; `{ personId }` a person's.
 */
export function canUser(user: Me | null, permission: Permission, target?: PermissionTarget): boolean {
  return user !== null && can(subjectOf(user), permission, target);
}

/** `canUser` for the signed-in user. */
export function useCan(): (permission: Permission, target?: PermissionTarget) => boolean {
  const { user } = useSession();
  return useCallback((permission, target) => canUser(user, permission, target), [user]);
}

/**
 * Whether the user holds the permission beyond their own unit and records: everywhere, or over an
 * authority (the standing office, a leader) — the screens then offer every unit (the API narrows).
 */
export function holdsWidely(user: Me | null, permission: Permission): boolean {
  const scope = scopeOf(user, permission);
  return scope === 'any' || scope === 'authority';
}

/**
 * Units the user may use the permission on: null = any unit (held widely, see `holdsWidely`),
 * otherwise the units their own-unit grants (and own-record grants, which act within the unit the
 * role is held in) reach.
 */
export function unitsFor(user: Me | null, permission: Permission): Set<string> | null {
  if (holdsWidely(user, permission)) return null;
  const units = (user?.roles ?? []).flatMap((g) => (g.unitId ? [g.unitId] : []));
  return new Set(units.filter((unitId) => canUser(user, permission, { unitId })));
}

/**
 * The widest reach among the user's grants of the permission that reach this unit: 'own_person'
 * means they act on the unit's records only as themselves (e.g. as an initiative's author).
 */
export function reachOn(user: Me | null, permission: Permission, unitId: string): Scope | null {
  if (!user) return null;
  const grants = grantsOf(permission);
  // SCOPES runs from the widest to the narrowest.
  return (
    SCOPES.find((scope) => {
      const roles = user.roles.filter((g) => grants[g.role] === scope);
      return roles.length > 0 && can({ ...subjectOf(user), roles }, permission, { unitId });
    }) ?? null
  );
}

/**
 * Reviewing (returning, accepting, verifying, recognising): the permission on the record, and never
 * on a record of one's own unit or of oneself ("reviewers may not review their own unit").
 */
export function canReview(user: Me | null, permission: Permission, target: PermissionTarget): boolean {
  return canUser(user, permission, target) && !isOwnRecord(user, target);
}

/**
 * Who may open a page (app/pages.tsx): the holders of a permission, or with `widely` only those
 * who hold it beyond their own unit and records (see `holdsWidely`).
 */
export interface PageAccess {
  permission: Permission;
  widely?: boolean;
}

export function mayOpen(user: Me | null, access: PageAccess | undefined): boolean {
  if (!user) return false;
  if (!access) return true;
  return access.widely ? holdsWidely(user, access.permission) : canUser(user, access.permission);
}
