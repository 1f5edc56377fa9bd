/**
 * Accounts and their roles, administered by `admin`. Changing roles, disabling an account or
 * resetting its password ends the account's existing tokens. A password the administrator sets
 * (creating the account or resetting it) is known to them: by default the person must change it at
 * their next sign-in (users.must_change_password; the auth plugin refuses everything else meanwhile).
 */
import {
  AUTHORITY_ROLES,
  UNIT_ROLES,
  type CreateUserBody,
  type RoleGrant,
  type UpdateUserBody,
  type User,
  type UserListQuery,
} from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { Conflict, DomainError, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import { rolesOf, endAllSessions, checkPasswordStrength, hashPassword } from '../auth/index.ts';
import {
  findUserIdByEmail,
  findUserIdByPerson,
  findUserRow,
  findUsersPage,
  insertUser,
  personExists,
  replaceRoles,
  unitExists,
  updateUserAtVersion,
  type UserRow,
} from './users.repository.ts';
import { toUser } from './users.mapper.ts';

/** The account with its grants, as the contract has it. */
async function userOf(db: Executor, r: UserRow): Promise<User> {
  return toUser(r, await rolesOf(db, r.id));
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
      if (!(await unitExists(db, unitId)))
        throw Invalid([{ field: `/roles/${i}/unitId`, code: 'unit.parent_not_found' }], 'validation.failed');
    }
    out.set(`${g.role}:${unitId ?? ''}`, { role: g.role, unitId });
  }
  return [...out.values()];
}

export async function listUsers(db: Executor, query: UserListQuery) {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findUsersPage(db, query, { limit: pageSize, offset });
  return { items: await Promise.all(rows.map((r) => userOf(db, r))), page, pageSize, total };
}

export async function getUser(db: Executor, id: string): Promise<User> {
  const row = await findUserRow(db, id);
  if (!row) throw NotFound('user');
  return userOf(db, row);
}

/**
 * The staff record an account is linked to (its individual self-assessments are that person's):
 * it must exist and not be linked to another account already.
 */
async function assertPersonLinkable(tx: Executor, personId: string | null | undefined, accountId?: string) {
  if (!personId) return;
  if (!(await personExists(tx, personId)))
    throw Invalid([{ field: '/personId', code: 'user.person_not_found' }], 'user.person_not_found');
  const other = await findUserIdByPerson(tx, personId);
  if (other && other !== accountId)
    throw new DomainError(409, 'user.person_taken', {}, [{ field: '/personId', code: 'user.person_taken' }]);
}

/** Creates an account; used by the admin route and the first-admin bootstrap. */
export async function createUser(db: Db, ctx: Ctx, body: CreateUserBody): Promise<User> {
  const email = body.email.trim().toLowerCase();
  await checkPasswordStrength(body.password, { email, fullName: body.fullName });
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    if (await findUserIdByEmail(tx, email))
      throw new DomainError(409, 'user.email_taken', {}, [{ field: '/email', code: 'user.email_taken' }]);
    const roles = await normaliseRoles(tx, body.roles);
    await assertPersonLinkable(tx, body.personId);
    const id = newId('us');
    await insertUser(tx, {
      id,
      email,
      fullName: body.fullName,
      passwordHash,
      mustChangePassword: body.mustChangePassword ?? true,
      personId: body.personId ?? null,
      searchKey: searchKey(`${body.fullName} ${email}`),
    });
    await replaceRoles(tx, id, roles);
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
  const current = await findUserRow(db, id);
  if (!current) throw NotFound('user');
  if (body.password !== undefined)
    await checkPasswordStrength(body.password, { email: current.email, fullName: body.fullName ?? current.fullName });
  const passwordHash = body.password !== undefined ? await hashPassword(body.password) : undefined;
  // A reset password is known to the administrator: changed at the next sign-in unless they say otherwise.
  const mustChangePassword = body.mustChangePassword ?? (passwordHash ? true : undefined);
  return db.transaction(async (tx) => {
    const row = await findUserRow(tx, id);
    if (!row) throw NotFound('user');
    if (row.version !== expectedVersion) throw PreconditionFailed();
    if (body.disabled && id === ctx.actor?.userId) throw Conflict('user.cannot_disable_self');
    if (body.personId !== undefined) await assertPersonLinkable(tx, body.personId, id);
    const before = await userOf(tx, row);
    const fullName = body.fullName ?? row.fullName;
    const updated = await updateUserAtVersion(tx, id, expectedVersion, {
      ...(body.fullName !== undefined ? { fullName } : {}),
      ...(body.personId !== undefined ? { personId: body.personId } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
      ...(passwordHash ? { passwordHash } : {}),
      ...(mustChangePassword !== undefined ? { mustChangePassword } : {}),
      searchKey: searchKey(`${fullName} ${row.email}`),
      updatedAt: new Date(),
    });
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
      if (rolesChanged) await replaceRoles(tx, id, roles);
    }
    if (rolesChanged || body.disabled === true || passwordHash) await endAllSessions(tx, id);
    const after = await getUser(tx, id);
    await recordAudit(tx, ctx, { action: 'user.update', objectType: 'user', objectId: id, before, after });
    return after;
  });
}
