/**
 * Who is calling, as the auth plugin resolved it. What they may do is answered by the permission
 * table of the contract (lib/access.ts); an actor only carries its grants and, for authority-wide
 * grants held at a unit, the units that unit's subtree holds.
 */
import { ROLES_BY_PRECEDENCE, type PermissionSubject, type RoleGrant } from '@thidua/contract';

export interface Actor extends PermissionSubject {
  userId: string;
  email: string;
  fullName: string;
  personId: string | null;
  roles: RoleGrant[];
  /** The account still has a password others know: the auth plugin refuses all but changing it. */
  mustChangePassword?: boolean;
  /** For each unit an authority-wide grant is held at: the units of its subtree (itself included). */
  reach: ReadonlyMap<string, ReadonlySet<string>>;
  /** For each unit a unit role is held in: that unit and the units above it (whose campaigns it joins). */
  above: ReadonlyMap<string, readonly string[]>;
  covers(grantUnitId: string, unitId: string): boolean;
}

export function makeActor(
  fields: Omit<Actor, 'reach' | 'above' | 'covers'>,
  tree: { reach?: ReadonlyMap<string, ReadonlySet<string>>; above?: ReadonlyMap<string, readonly string[]> } = {},
): Actor {
  const reach = tree.reach ?? new Map();
  return {
    ...fields,
    reach,
    above: tree.above ?? new Map(),
    covers: (grantUnitId, unitId) => reach.get(grantUnitId)?.has(unitId) ?? false,
  };
}

/** The role and unit recorded in the audit log: the most powerful grant the actor holds. */
export function primaryGrant(actor: Actor): RoleGrant | null {
  for (const role of ROLES_BY_PRECEDENCE) {
    const g = actor.roles.find((r) => r.role === role);
    if (g) return g;
  }
  return null;
}
