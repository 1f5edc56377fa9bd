/**
 * Queries of the auth module: accounts and their grants, login failures, refresh tokens, and the
 * actor behind a token (with the unit tree walks its reach needs).
 */
import { and, count, eq, gte, inArray, isNull, min, or, sql } from 'drizzle-orm';
import { AUTHORITY_ROLES, UNIT_ROLES, type RoleGrant, type RoleName } from '@thidua/contract';
import { loginFailures, refreshTokens, units, userRoles, users } from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';
import { makeActor, type Actor } from '../../lib/actor.ts';

export async function rolesOf(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({ role: userRoles.role, unitId: userRoles.unitId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  return rows.map((r) => ({ role: r.role as RoleName, unitId: r.unitId }));
}

/**
 * The actor behind a token, or null when the account is gone, disabled or its tokens were ended.
 * Runs on every authenticated request: account and roles come in one round trip, then a walk of
 * the unit tree (a query a level) for grants held at units — what an authority grant covers below,
 * and which authorities a unit member's unit lies under.
 */
export async function loadActor(db: Executor, userId: string, tokenVersion: number): Promise<Actor | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      personId: users.personId,
      mustChangePassword: users.mustChangePassword,
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
  const fields = {
    userId: u.id,
    email: u.email,
    fullName: u.fullName,
    personId: u.personId,
    roles,
    mustChangePassword: u.mustChangePassword,
  };
  const held = (kinds: readonly RoleName[]) => [
    ...new Set(roles.filter((g) => g.unitId && kinds.includes(g.role)).map((g) => g.unitId!)),
  ];
  const authorityUnits = held(AUTHORITY_ROLES);
  const memberUnits = held(UNIT_ROLES);
  return makeActor(fields, {
    reach: authorityUnits.length ? await subtrees(db, authorityUnits) : undefined,
    above: memberUnits.length ? await ancestries(db, memberUnits) : undefined,
  });
}

/**
 * The units under each of the given units, themselves included: what an authority-wide grant held
 * there covers. One recursive query, whatever the depth (this runs on every request of such an
 * account).
 */
export async function subtrees(db: Executor, roots: string[]): Promise<Map<string, Set<string>>> {
  const { rows } = (await db.execute(sql`
    WITH RECURSIVE under(root, id) AS (
      SELECT id, id FROM ${units} WHERE ${inArray(units.id, roots)}
      UNION SELECT under.root, u.id FROM ${units} u JOIN under ON u.parent_id = under.id
    ) SELECT root, id FROM under`)) as unknown as { rows: { root: string; id: string }[] };
  const result = new Map(roots.map((r) => [r, new Set<string>()]));
  for (const r of rows) result.get(r.root)?.add(r.id);
  return result;
}

/** Each given unit with the units above it, nearest first. One recursive query, whatever the depth. */
export async function ancestries(db: Executor, unitIds: string[]): Promise<Map<string, string[]>> {
  const { rows } = (await db.execute(sql`
    WITH RECURSIVE above(start, id, parent_id, depth) AS (
      SELECT id, id, parent_id, 0 FROM ${units} WHERE ${inArray(units.id, unitIds)}
      UNION SELECT above.start, u.id, u.parent_id, above.depth + 1 FROM ${units} u JOIN above ON u.id = above.parent_id
    ) SELECT start, id FROM above ORDER BY start, depth`)) as unknown as { rows: { start: string; id: string }[] };
  const result = new Map<string, string[]>(unitIds.map((id) => [id, []]));
  for (const r of rows) result.get(r.start)?.push(r.id);
  return result;
}

// ── Accounts ────────────────────────────────────────────────────────────────────────────────────

export type UserRow = typeof users.$inferSelect;

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u ?? null;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return u ?? null;
}

export async function setLastLogin(db: Executor, userId: string): Promise<void> {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}

/** The account's own new password: whatever password others knew is gone, so the flag clears. */
export async function setOwnPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** Bumps the account's token version: access tokens issued before no longer match it. */
export async function bumpTokenVersion(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, userId));
}

// ── Login failures ──────────────────────────────────────────────────────────────────────────────

export async function insertLoginFailures(db: Executor, rows: { id: string; key: string }[]): Promise<void> {
  await db.insert(loginFailures).values(rows);
}

export async function deleteLoginFailures(db: Executor, ids: string[]): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.id, ids));
}

/** Deletes every failure recorded under `key` and the failures `ids`. */
export async function clearLoginFailures(db: Executor, key: string, ids: string[]): Promise<void> {
  await db.delete(loginFailures).where(or(eq(loginFailures.key, key), inArray(loginFailures.id, ids)));
}

/** How many failures `key` has had since `since`, and when the oldest of them was. */
export async function loginFailuresSince(db: Executor, key: string, since: Date) {
  const [row] = await db
    .select({ n: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, since)));
  return row ?? null;
}

// ── Refresh tokens ──────────────────────────────────────────────────────────────────────────────

export async function insertRefreshToken(db: Executor, row: typeof refreshTokens.$inferInsert): Promise<void> {
  await db.insert(refreshTokens).values(row);
}

/** The token with this hash, locked for the rotation (FOR UPDATE). */
export async function lockRefreshTokenByHash(db: Executor, tokenHash: string) {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for('update');
  return row ?? null;
}

export async function markRefreshTokenUsed(db: Executor, id: string): Promise<void> {
  await db.update(refreshTokens).set({ usedAt: new Date() }).where(eq(refreshTokens.id, id));
}

export async function revokeRefreshTokenFamily(db: Executor, familyId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeRefreshTokensOf(db: Executor, userId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
