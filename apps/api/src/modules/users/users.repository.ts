/** Queries on accounts (users) and their role grants (user_roles). */
import { and, asc, count, eq, exists, sql, type SQL } from 'drizzle-orm';
import type { RoleGrant, RoleName } from '@thidua/contract';
import { people, units, userRoles, users } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { matchesSearch } from '../../lib/search.ts';
import { updateAtVersion } from '../../lib/versioned.ts';

export type UserRow = typeof users.$inferSelect;

export interface UserFilter {
  q?: string;
  disabled?: boolean;
  /** Accounts holding this role (at `unitId`, when given too). */
  role?: RoleName;
  /** Accounts holding a grant at this unit. */
  unitId?: string;
}

/** A page of accounts by email, and how many match in all. */
export async function findUsersPage(
  db: Executor,
  filter: UserFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const where: (SQL | undefined)[] = [matchesSearch(users.searchKey, filter.q)];
  if (filter.disabled !== undefined) where.push(eq(users.disabled, filter.disabled));
  if (filter.role || filter.unitId) {
    const grant: SQL[] = [eq(userRoles.userId, users.id)];
    if (filter.role) grant.push(eq(userRoles.role, filter.role));
    if (filter.unitId) grant.push(eq(userRoles.unitId, filter.unitId));
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(userRoles)
          .where(and(...grant)),
      ),
    );
  }
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db.select().from(users).where(cond).orderBy(asc(users.email)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(users).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findUserRow(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserIdByEmail(db: Executor, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

/** The account linked to the staff member, if any. */
export async function findUserIdByPerson(db: Executor, personId: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.personId, personId));
  return row?.id ?? null;
}

export async function unitExists(db: Executor, unitId: string): Promise<boolean> {
  const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  return !!u;
}

export async function personExists(db: Executor, personId: string): Promise<boolean> {
  const [p] = await db.select({ id: people.id }).from(people).where(eq(people.id, personId));
  return !!p;
}

export async function insertUser(tx: Tx, values: typeof users.$inferInsert): Promise<void> {
  await tx.insert(users).values(values);
}

/** Writes `set` and bumps the version if the account is still at `expectedVersion`; false otherwise. */
export async function updateUserAtVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  set: Partial<typeof users.$inferInsert>,
): Promise<boolean> {
  return (await updateAtVersion(tx, users, id, expectedVersion, set)) !== null;
}

/** Replaces the account's grants with `roles`. */
export async function replaceRoles(tx: Tx, userId: string, roles: RoleGrant[]): Promise<void> {
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length)
    await tx
      .insert(userRoles)
      .values(roles.map((g) => ({ id: newId('ur'), userId, role: g.role, unitId: g.unitId ?? null })));
}
