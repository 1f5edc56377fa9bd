/**
 * Who is calling, as the auth plugin resolved it, and the questions services ask about them.
 * Unit roles are scoped: a unit_officer of unit A holds no power over unit B.
 */
import type { RoleGrant, RoleName } from '@thidua/contract';

export interface Actor {
  userId: string;
  email: string;
  fullName: string;
  personId: string | null;
  roles: RoleGrant[];
}

/** Roles that see and act across all units. */
export const AUTHORITY_WIDE: readonly RoleName[] = [
  'admin',
  'leader',
  'secretariat',
  'reception',
  'communications',
  'observer',
];

export function hasRole(actor: Actor, ...roles: RoleName[]): boolean {
  return actor.roles.some((r) => roles.includes(r.role));
}

/** Units on which the actor holds one of the given unit roles. */
export function unitsWithRole(actor: Actor, ...roles: RoleName[]): string[] {
  return actor.roles.filter((r) => roles.includes(r.role) && r.unitId).map((r) => r.unitId as string);
}

/** The role and unit recorded in the audit log: the most powerful grant the actor holds. */
export function primaryGrant(actor: Actor): RoleGrant | null {
  const order: RoleName[] = [
    'admin',
    'secretariat',
    'leader',
    'reception',
    'communications',
    'unit_head',
    'unit_officer',
    'staff',
    'observer',
  ];
  for (const role of order) {
    const g = actor.roles.find((r) => r.role === role);
    if (g) return g;
  }
  return null;
}
