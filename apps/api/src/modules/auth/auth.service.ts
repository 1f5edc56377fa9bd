/**
 * Sign-in, token refresh with rotation and replay detection, logout, and password change.
 * Access tokens carry the account's token version: bumping it ends every token issued before.
 */
import { makeActor } from '../../lib/actor.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { Me } from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { DomainError, TooManyRequests, Unauthorized } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import {
  bumpTokenVersion,
  clearLoginFailures,
  deleteLoginFailures,
  findUserByEmail,
  findUserById,
  insertLoginFailures,
  insertRefreshToken,
  lockRefreshTokenByHash,
  loginFailuresSince,
  markRefreshTokenUsed,
  revokeRefreshTokenFamily,
  revokeRefreshTokensOf,
  rolesOf,
  setLastLogin,
  setOwnPasswordHash,
} from './auth.repository.ts';
import { toMe } from './auth.mapper.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-policy.ts';
import { checkPasswordStrength } from './password-strength.ts';

export interface AuthSettings {
  refreshTokenTtlDays: number;
  maxFailuresPerAccount: number;
  maxFailuresPerClient: number;
  throttleWindowSeconds: number;
}

export interface SignedIn {
  userId: string;
  tokenVersion: number;
  refreshToken: string;
  me: Me;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function meOf(db: Executor, userId: string): Promise<Me | null> {
  const u = await findUserById(db, userId);
  if (!u) return null;
  return toMe(u, await rolesOf(db, u.id));
}

async function issueRefreshToken(tx: Executor, userId: string, familyId: string, ttlDays: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertRefreshToken(tx, {
    id: newId('rt'),
    userId,
    familyId,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + ttlDays * 86_400_000),
  });
  return token;
}

/**
 * 429 when the account or the client has failed too often within the window. The attempt being
 * checked is already on record (see login), so the limit is exceeded when there are more than max.
 */
async function assertNotThrottled(
  db: Executor,
  keys: { key: string; max: number }[],
  windowSeconds: number,
): Promise<void> {
  const since = new Date(Date.now() - windowSeconds * 1000);
  for (const { key, max } of keys) {
    const row = await loginFailuresSince(db, key, since);
    if (row && row.n > max) {
      const oldest = row.oldest ? new Date(row.oldest).getTime() : Date.now();
      const retryAfter = Math.max(1, Math.ceil((oldest + windowSeconds * 1000 - Date.now()) / 1000));
      throw TooManyRequests(retryAfter);
    }
  }
}

/**
 * The throttle keys of one attempt. An account is locked per client (account × client), so that a
 * stranger's wrong guesses do not lock its owner out; across all clients it has a higher limit, a
 * slower back-off against guesses spread over many addresses. A client failing over many accounts
 * is locked on its own.
 */
function throttleKeys(settings: AuthSettings, email: string, clientIp: string) {
  return [
    { key: `account:${email}|client:${clientIp}`, max: settings.maxFailuresPerAccount },
    { key: `account:${email}`, max: settings.maxFailuresPerAccount * ACCOUNT_WIDE_FACTOR },
    { key: `client:${clientIp}`, max: settings.maxFailuresPerClient },
  ];
}

/** How many more failures an account takes across all its clients than from one client. */
export const ACCOUNT_WIDE_FACTOR = 10;

export async function login(
  db: Db,
  ctx: Ctx,
  settings: AuthSettings,
  input: { email: string; password: string; clientIp: string },
): Promise<SignedIn> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(settings, email, input.clientIp);
  // The attempt is recorded as a failure before the password is checked: were it recorded after,
  // a burst of parallel guesses would all pass the throttle before the first failure is written.
  // A refused attempt takes its records back; a successful one clears the failures of the account
  // from this client.
  const attempt = keys.map((k) => ({ id: newId('lf'), key: k.key }));
  const attemptIds = attempt.map((a) => a.id);
  await insertLoginFailures(db, attempt);
  try {
    await assertNotThrottled(db, keys, settings.throttleWindowSeconds);
  } catch (err) {
    await deleteLoginFailures(db, attemptIds);
    throw err;
  }
  const user = await findUserByEmail(db, email);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  if (!user || !ok || user.disabled) {
    // Unknown account, wrong password and disabled account answer the same.
    throw Unauthorized('auth.invalid_credentials');
  }
  return db.transaction(async (tx) => {
    await clearLoginFailures(tx, keys[0]!.key, attemptIds);
    await setLastLogin(tx, user.id);
    const refreshToken = await issueRefreshToken(tx, user.id, newId('rf'), settings.refreshTokenTtlDays);
    await recordAudit(
      tx,
      {
        ...ctx,
        actor: makeActor({
          userId: user.id,
          email: user.email,
          fullName: user.fullName,
          personId: user.personId,
          roles: await rolesOf(tx, user.id),
        }),
      },
      {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
      },
    );
    const me = (await meOf(tx, user.id)) as Me;
    return { userId: user.id, tokenVersion: user.tokenVersion, refreshToken, me };
  });
}

/** Rotates a refresh token. A token used twice means it was stolen: the whole family is revoked. */
export async function refresh(db: Db, settings: AuthSettings, presented: string | undefined): Promise<SignedIn> {
  if (!presented) throw Unauthorized('auth.refresh_invalid');
  const outcome = await db.transaction(async (tx) => {
    const row = await lockRefreshTokenByHash(tx, sha256(presented));
    if (!row) return { error: true as const };
    if (row.usedAt || row.revokedAt) {
      await revokeRefreshTokenFamily(tx, row.familyId);
      return { error: true as const };
    }
    if (row.expiresAt.getTime() < Date.now()) return { error: true as const };
    const user = await findUserById(tx, row.userId);
    if (!user || user.disabled) return { error: true as const };
    await markRefreshTokenUsed(tx, row.id);
    const refreshToken = await issueRefreshToken(tx, user.id, row.familyId, settings.refreshTokenTtlDays);
    const me = (await meOf(tx, user.id)) as Me;
    return { error: false as const, signedIn: { userId: user.id, tokenVersion: user.tokenVersion, refreshToken, me } };
  });
  // The revocation above must commit, so the refusal is thrown only after the transaction.
  if (outcome.error) throw Unauthorized('auth.refresh_invalid');
  return outcome.signedIn;
}

/** Ends every token of the account: access tokens by version, refresh tokens by revocation. */
export async function endAllSessions(tx: Executor, userId: string): Promise<void> {
  await bumpTokenVersion(tx, userId);
  await revokeRefreshTokensOf(tx, userId);
}

export async function logout(db: Db, ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw Unauthorized();
  await db.transaction(async (tx: Tx) => {
    await endAllSessions(tx, actor.userId);
    await recordAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: actor.userId });
  });
}

export async function changeOwnPassword(
  db: Db,
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw Unauthorized();
  const user = await findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError(400, 'auth.wrong_password', {}, [{ field: '/currentPassword', code: 'auth.wrong_password' }]);
  }
  // Keeping the password one was given would keep it known to whoever gave it.
  if (input.newPassword === input.currentPassword)
    throw new DomainError(422, 'password.same_as_current', {}, [
      { field: '/newPassword', code: 'password.same_as_current' },
    ]);
  await checkPasswordStrength(input.newPassword, user, '/newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setOwnPasswordHash(tx, actor.userId, passwordHash);
    await endAllSessions(tx, actor.userId);
    await recordAudit(tx, ctx, { action: 'auth.password_change', objectType: 'user', objectId: actor.userId });
  });
}
