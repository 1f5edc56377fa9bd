/**
 * Accounts and their roles, administered by `admin`. Changing roles, disabling an account or
 * resetting its password ends the account's existing tokens.
 */
import { and, asc, count, eq, exists, sql, type SQL } from 'drizzle-orm';
import {
  AUTHORITY_ROLES,
  UNIT_ROLES,
  type CreateUserBody,
  type RoleGrant,
  type UpdateUserBody,
  type User,
  type UserListQuery,
} from '@thidua/contract';
import { people, units, userRoles, users } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { Conflict, DomainError, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { matchesSearch, searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import { rolesOf, endAllSessions, assertAcceptablePassword, hashPassword } from '../auth/index.ts';

type Row = typeof users.$inferSelect;

async function toUser(db: Executor, r: Row): Promise<User> {
  return {
    id: r.id,
    email: r.email,
    fullName: r.fullName,
    personId: r.personId,
    roles: await rolesOf(db, r.id),
    disabled: r.disabled,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** Unit roles need a unit that exists; other roles carry none. Duplicates are folded. */
async function normaliseRoles(db: Executor, roles: RoleGrant[]): Promise<RoleGrant[]> {
  const out = new Map<string, RoleGrant>();
  for (const [i, g] of roles.entries()) {
    const isUnitRole = UNIT_ROLES.includes(g.role);
    if (isUnitRole && !g.unitId)
      throw Invalid([{ field: `/roles/${i}/unitId`, code: 'user.unit_required' }], 'user.unit_required');
    // A unit role is held in its unit; an authority-wide role may be held at an authority unit
    // (it then covers that authority's units only) or without one (everything); admin covers all.
    const unitId = isUnitRole || AUTHORITY_ROLES.includes(g.role) ? (g.unitId ?? null) : null;
    if (unitId) {
      const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
      if (!u) throw Invalid([{ field: `/roles/${i}/unitId`, code: 'unit.parent_not_found' }], 'validation.failed');
    }
    out.set(`${g.role}:${unitId ?? ''}`, { role: g.role, unitId });
  }
  return [...out.values()];
}

async function writeRoles(tx: Tx, userId: string, roles: RoleGrant[]) {
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length)
    await tx
      .insert(userRoles)
      .values(roles.map((g) => ({ id: newId('ur'), userId, role: g.role, unitId: g.unitId ?? null })));
}

export async function listUsers(db: Executor, query: UserListQuery) {
  const { page, pageSize, offset } = pageParams(query);
  const where: (SQL | undefined)[] = [matchesSearch(users.searchKey, query.q)];
  if (query.disabled !== undefined) where.push(eq(users.disabled, query.disabled));
  if (query.role || query.unitId) {
    const grant: SQL[] = [eq(userRoles.userId, users.id)];
    if (query.role) grant.push(eq(userRoles.role, query.role));
    if (query.unitId) grant.push(eq(userRoles.unitId, query.unitId));
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
    db.select().from(users).where(cond).orderBy(asc(users.email)).limit(pageSize).offset(offset),
    db.select({ n: count() }).from(users).where(cond),
  ]);
  return { items: await Promise.all(rows.map((r) => toUser(db, r))), page, pageSize, total: total?.n ?? 0 };
}

export async function getUser(db: Executor, id: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw NotFound('user');
  return toUser(db, row);
}

/**
 * The staff record an account is linked to (its individual self-assessments are that person's):
 * it must exist and not be linked to another account already.
 */
async function assertPersonLinkable(tx: Executor, personId: string | null | undefined, accountId?: string) {
  if (!personId) return;
  const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
  if (!person) throw Invalid([{ field: '/personId', code: 'user.person_not_found' }], 'user.person_not_found');
  const [other] = await tx.select({ id: users.id }).from(users).where(eq(users.personId, personId));
  if (other && other.id !== accountId)
    throw new DomainError(409, 'user.person_taken', {}, [{ field: '/personId', code: 'user.person_taken' }]);
}

/** Creates an account; used by the admin route, the first-admin bootstrap and the demo data. */
export async function createUser(db: Db, ctx: Ctx, body: CreateUserBody): Promise<User> {
  assertAcceptablePassword(body.password);
  const email = body.email.trim().toLowerCase();
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken) throw new DomainError(409, 'user.email_taken', {}, [{ field: '/email', code: 'user.email_taken' }]);
    const roles = await normaliseRoles(tx, body.roles);
    await assertPersonLinkable(tx, body.personId);
    const id = newId('us');
    await tx.insert(users).values({
      id,
      email,
      fullName: body.fullName,
      passwordHash,
      personId: body.personId ?? null,
      searchKey: searchKey(`${body.fullName} ${email}`),
    });
    await writeRoles(tx, id, roles);
    const user = await getUser(tx, id);
    await recordAudit(tx, ctx, { action: 'user.create', objectType: 'user', objectId: id, after: user });
    return user;
  });
}

export async function updateUser(
  db: Db,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  body: UpdateUserBody,
): Promise<User> {
  if (body.password !== undefined) assertAcceptablePassword(body.password);
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, id));
    if (!row) throw NotFound('user');
    if (row.version !== expectedVersion) throw PreconditionFailed();
    if (body.disabled && id === ctx.actor?.userId) throw Conflict('user.cannot_disable_self');
    if (body.personId !== undefined) await assertPersonLinkable(tx, body.personId, id);
    const before = await toUser(tx, row);
    const fullName = body.fullName ?? row.fullName;
    const [updated] = await tx
      .update(users)
      .set({
        ...(body.fullName !== undefined ? { fullName } : {}),
        ...(body.personId !== undefined ? { personId: body.personId } : {}),
        ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        searchKey: searchKey(`${fullName} ${row.email}`),
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .returning({ id: users.id });
    if (!updated) throw PreconditionFailed();
    let rolesChanged = false;
    if (body.roles) {
      const roles = await normaliseRoles(tx, body.roles);
      const key = (rs: RoleGrant[]) =>
        rs
          .map((g) => `${g.role}:${g.unitId ?? ''}`)
          .sort()
          .join('|');
      rolesChanged = key(roles) !== key(before.roles);
      if (rolesChanged) await writeRoles(tx, id, roles);
    }
    if (rolesChanged || body.disabled === true || passwordHash) await endAllSessions(tx, id);
    const after = await getUser(tx, id);
    await recordAudit(tx, ctx, { action: 'user.update', objectType: 'user', objectId: id, before, after });
    return after;
  });
}
