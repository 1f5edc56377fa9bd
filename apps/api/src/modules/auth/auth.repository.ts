import { and, eq } from 'drizzle-orm';
import type { RoleGrant, RoleName } from '@thidua/contract';
import { userRoles, users } from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';

export async function rolesOf(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({ role: userRoles.role, unitId: userRoles.unitId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return rows.map((r) => ({ role: r.role as RoleName, unitId: r.unitId }));
}

/**
 * The actor behind a token, or null when the account is gone, disabled or its tokens were ended.
 * Runs on every authenticated request, so account and roles come in one round trip.
 */
export async function loadActor(db: Executor, userId: string, tokenVersion: number): Promise<Actor | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      personId: users.personId,
      role: userRoles.role,
      unitId: userRoles.unitId,
    })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.tokenVersion, tokenVersion), eq(users.disabled, false)));
  const u = rows[0];
  if (!u) return null;
  const roles: RoleGrant[] = rows
    .filter((r) => r.role !== null)
    .map((r) => ({ role: r.role as RoleName, unitId: r.unitId }));
  return { userId: u.id, email: u.email, fullName: u.fullName, personId: u.personId, roles };
}
