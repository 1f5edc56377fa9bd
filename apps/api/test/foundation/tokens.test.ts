/**
 * Access and refresh tokens (QUALITY.md "Tokens"): only HS256 tokens the API signed for itself,
 * unexpired, for this audience and issuer are accepted; refresh tokens rotate and a replay revokes
 * the family; logout, password change, role change and disabling end every existing token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, DEMO_PASSWORD, type TestApp } from '../helpers.ts';
import { buildJwt, currentClaims, decodeJwtPayload, expectProblem, refreshCookieOf, rsaPrivateKey } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (authorization: string) => t.api.get('/api/v1/me').set('authorization', authorization);

async function loginFull(email: string, password: string) {
  const res = await t.api.post('/api/v1/auth/login').send({ email, password });
  expect(res.status, res.text).toBe(200);
  const cookie = refreshCookieOf(res);
  expect(cookie).toBeDefined();
  return { access: `Bearer ${res.body.accessToken}`, cookie: cookie!, userId: res.body.user.id as string };
}

const refresh = (cookie: string) => t.api.post('/api/v1/auth/refresh').set('cookie', cookie);

/** A fresh account of its own for each test that ends sessions, so tests do not depend on each other. */
let seq = 0;
async function newAccount(roles: { role: string; unitId?: string | null }[] = [{ role: 'observer' }]) {
  const email = `token.test.${++seq}.${Date.now()}@thachha.gov.vn`;
  const password = 'Mat-khau-rieng-2022';
  const res = await t.api
    .post('/api/v1/users')
    .set('authorization', await t.auth(DEMO.admin))
    .send({ email, fullName: 'Tài khoản thử token', password, mustChangePassword: false, roles });
  expect(res.status, res.text).toBe(201);
  return { email, password, id: res.body.id as string };
}

describe('access tokens', () => {
  it('a hand-built token with the right secret, algorithm, audience and issuer is accepted (control)', async () => {
    const token = buildJwt({ payload: await currentClaims(t, DEMO.observer), secret: t.config.jwtSecret! });
    const res = await me(`Bearer ${token}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.email).toBe(DEMO.observer);
  });

  it('access tokens live at most 15 minutes', async () => {
    const res = await t.api.post('/api/v1/auth/login').send({ email: DEMO.observer, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const claims = decodeJwtPayload(res.body.accessToken);
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(900);
    expect(res.body.expiresIn).toBeLessThanOrEqual(900);
    expect(claims.aud).toBe('thidua-api');
    expect(claims.iss).toBe('thidua');
    // Nothing but the account id and its token version: no roles or personal data in the token.
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub', 'tv']);
  });

  it('a token with a forged signature is refused with 401', async () => {
    const good = buildJwt({ payload: await currentClaims(t, DEMO.admin), secret: t.config.jwtSecret! });
    const [h, p, s] = good.split('.');
    const flipped = (s![0] === 'A' ? 'B' : 'A') + s!.slice(1);
    expectProblem(await me(`Bearer ${h}.${p}.${flipped}`), 401, 'auth.token_invalid');
    const otherSecret = buildJwt({ payload: await currentClaims(t, DEMO.admin), secret: 'x'.repeat(64) });
    expectProblem(await me(`Bearer ${otherSecret}`), 401, 'auth.token_invalid');
  });

  it('a payload edited after signing (another account) is refused with 401', async () => {
    const good = buildJwt({ payload: await currentClaims(t, DEMO.observer), secret: t.config.jwtSecret! });
    const [h, , s] = good.split('.');
    const adminPayload = Buffer.from(JSON.stringify(await currentClaims(t, DEMO.admin))).toString('base64url');
    expectProblem(await me(`Bearer ${h}.${adminPayload}.${s}`), 401);
  });

  it('an expired token is refused with 401', async () => {
    const claims = await currentClaims(t, DEMO.admin);
    const token = buildJwt({
      payload: { ...claims, iat: claims.iat - 3600, exp: claims.iat - 60 },
      secret: t.config.jwtSecret!,
    });
    expectProblem(await me(`Bearer ${token}`), 401, 'auth.token_invalid');
  });

  it('an unsigned alg:none token is refused with 401', async () => {
    const payload = await currentClaims(t, DEMO.admin);
    for (const alg of ['none', 'None', 'NONE']) {
      const token = buildJwt({ header: { alg: 'none', typ: 'JWT' }, payload, secret: 'none' }).replace(
        /^[^.]+/,
        Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url'),
      );
      expectProblem(await me(`Bearer ${token}`), 401);
    }
    // The unsigned form with the valid token's signature left on is refused too.
    const signed = buildJwt({ payload, secret: t.config.jwtSecret! });
    const [, p, s] = signed.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expectProblem(await me(`Bearer ${none}.${p}.${s}`), 401);
  });

  it('a token for another audience or from another issuer is refused with 401', async () => {
    const claims = await currentClaims(t, DEMO.admin);
    for (const payload of [
      { ...claims, aud: 'another-api' },
      { ...claims, aud: undefined },
      { ...claims, iss: 'someone-else' },
      { ...claims, iss: undefined },
    ]) {
      const token = buildJwt({ payload: JSON.parse(JSON.stringify(payload)), secret: t.config.jwtSecret! });
      expectProblem(await me(`Bearer ${token}`), 401, 'auth.token_invalid');
    }
  });

  it('algorithm confusion (HS512, HS384, RS256 with the secret as HMAC key, real RS256) is refused with 401', async () => {
    const payload = await currentClaims(t, DEMO.admin);
    const secret = t.config.jwtSecret!;
    const tokens = [
      buildJwt({ header: { alg: 'HS512', typ: 'JWT' }, payload, secret }),
      buildJwt({ header: { alg: 'HS384', typ: 'JWT' }, payload, secret }),
      // RS256 header over an HMAC-SHA256 signature made with the shared secret (the classic confusion).
      buildJwt({ header: { alg: 'HS256', typ: 'JWT' }, payload, secret }).replace(
        /^[^.]+/,
        Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url'),
      ),
      buildJwt({ header: { alg: 'RS256', typ: 'JWT' }, payload, secret: rsaPrivateKey() }),
    ];
    for (const token of tokens) expectProblem(await me(`Bearer ${token}`), 401);
  });

  it('a signed token without an expiry is refused with 401 (it would otherwise never expire)', async () => {
    const claims = await currentClaims(t, DEMO.admin);
    const token = buildJwt({ payload: { ...claims, exp: undefined }, secret: t.config.jwtSecret! });
    expectProblem(await me(`Bearer ${token}`), 401, 'auth.token_invalid');
  });

  it('a token without sub, with claims of the wrong type or with a stale token version is refused with 401', async () => {
    const claims = await currentClaims(t, DEMO.admin);
    const secret = t.config.jwtSecret!;
    for (const payload of [
      { ...claims, sub: undefined },
      { ...claims, sub: { $ne: null } },
      { ...claims, tv: String(claims.tv) },
      { ...claims, tv: undefined },
    ]) {
      expectProblem(await me(`Bearer ${buildJwt({ payload, secret })}`), 401, 'auth.token_invalid');
    }
    const staleVersion = buildJwt({ payload: { ...claims, tv: claims.tv + 1 }, secret: t.config.jwtSecret! });
    expectProblem(await me(`Bearer ${staleVersion}`), 401, 'auth.token_invalid');
  });

  it('garbage and missing Authorization headers are refused with 401', async () => {
    for (const header of [
      'Bearer',
      'Bearer ',
      'Bearer abc',
      'Bearer a.b.c',
      'Basic YWRtaW46YWRtaW4=',
      'bearer ' + 'x'.repeat(5000),
    ]) {
      expectProblem(await me(header), 401);
    }
    expectProblem(await t.api.get('/api/v1/me'), 401, 'auth.unauthorized');
  });
});

describe('refresh tokens', () => {
  it('the refresh cookie is httpOnly, SameSite=Strict and scoped to the auth routes', async () => {
    const res = await t.api.post('/api/v1/auth/login').send({ email: DEMO.observer, password: DEMO_PASSWORD });
    const cookie = ([res.headers['set-cookie']].flat() as string[]).find((c) => c.startsWith('thidua_rt='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
  });

  it('a refresh rotates the cookie and gives a working access token', async () => {
    const acc = await newAccount();
    const first = await loginFull(acc.email, acc.password);
    const res = await refresh(first.cookie);
    expect(res.status, res.text).toBe(200);
    const next = refreshCookieOf(res);
    expect(next).toBeDefined();
    expect(next).not.toBe(first.cookie);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    expect((await me(`Bearer ${res.body.accessToken}`)).status).toBe(200);
    // The rotated cookie works once more.
    expect((await refresh(next!)).status).toBe(200);
  });

  it('replaying a used refresh token is refused and revokes the whole family', async () => {
    const acc = await newAccount();
    const first = await loginFull(acc.email, acc.password);
    const second = refreshCookieOf(await refresh(first.cookie))!;
    const third = refreshCookieOf(await refresh(second))!;
    expect(third).toBeDefined();
    // The thief replays the first token: refused …
    expectProblem(await refresh(first.cookie), 401, 'auth.refresh_invalid');
    // … and the legitimate newest token of the family is dead too.
    expectProblem(await refresh(third), 401, 'auth.refresh_invalid');
    // Another sign-in starts a new family that works.
    const again = await loginFull(acc.email, acc.password);
    expect((await refresh(again.cookie)).status).toBe(200);
  });

  it('a refresh without a cookie or with an unknown token is refused with 401', async () => {
    expectProblem(await t.api.post('/api/v1/auth/refresh'), 401, 'auth.refresh_invalid');
    expectProblem(await refresh('thidua_rt=not-a-real-token'), 401, 'auth.refresh_invalid');
  });
});

describe('ending sessions', () => {
  it('after logout the access token and the refresh token no longer work', async () => {
    const acc = await newAccount();
    const s = await loginFull(acc.email, acc.password);
    expect((await me(s.access)).status).toBe(200);
    const out = await t.api.post('/api/v1/auth/logout').set('authorization', s.access).set('cookie', s.cookie);
    expect(out.status, out.text).toBe(200);
    expectProblem(await me(s.access), 401, 'auth.token_invalid');
    expectProblem(await refresh(s.cookie), 401, 'auth.refresh_invalid');
  });

  it('after changing their own password every earlier token of the account stops working', async () => {
    const acc = await newAccount();
    const a = await loginFull(acc.email, acc.password);
    const b = await loginFull(acc.email, acc.password); // a second device
    const res = await t.api
      .post('/api/v1/me/password')
      .set('authorization', a.access)
      .send({ currentPassword: acc.password, newPassword: 'Mot-mat-khau-moi-2024' });
    expect(res.status, res.text).toBe(200);
    for (const s of [a, b]) {
      expectProblem(await me(s.access), 401);
      expectProblem(await refresh(s.cookie), 401);
    }
    expectProblem(
      await t.api.post('/api/v1/auth/login').send({ email: acc.email, password: acc.password }),
      401,
      'auth.invalid_credentials',
    );
    const fresh = await loginFull(acc.email, 'Mot-mat-khau-moi-2024');
    expect((await me(fresh.access)).status).toBe(200);
  });

  it('a wrong current password does not change the password nor end sessions', async () => {
    const acc = await newAccount();
    const s = await loginFull(acc.email, acc.password);
    const res = await t.api
      .post('/api/v1/me/password')
      .set('authorization', s.access)
      .send({ currentPassword: 'not-my-password', newPassword: 'Mot-mat-khau-moi-2024' });
    expectProblem(res, 400, 'auth.wrong_password');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/currentPassword' })]);
    expect((await me(s.access)).status).toBe(200);
  });

  it('when an admin changes the roles of an account its existing tokens stop working', async () => {
    const acc = await newAccount([{ role: 'observer' }]);
    const s = await loginFull(acc.email, acc.password);
    const read = await t.api.get(`/api/v1/users/${acc.id}`).set('authorization', await t.auth(DEMO.admin));
    const res = await t.api
      .patch(`/api/v1/users/${acc.id}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', read.headers.etag!)
      .send({ roles: [{ role: 'communications' }] });
    expect(res.status, res.text).toBe(200);
    expectProblem(await me(s.access), 401, 'auth.token_invalid');
    expectProblem(await refresh(s.cookie), 401);
    // Signing in again gives the new role.
    const again = await loginFull(acc.email, acc.password);
    expect((await me(again.access)).body.roles).toEqual([{ role: 'communications', unitId: null }]);
  });

  it('an admin renaming an account (no role change) does not end its sessions', async () => {
    const acc = await newAccount();
    const s = await loginFull(acc.email, acc.password);
    const read = await t.api.get(`/api/v1/users/${acc.id}`).set('authorization', await t.auth(DEMO.admin));
    const res = await t.api
      .patch(`/api/v1/users/${acc.id}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', read.headers.etag!)
      .send({ fullName: 'Tên mới của tài khoản' });
    expect(res.status, res.text).toBe(200);
    expect((await me(s.access)).status).toBe(200);
  });

  it('a disabled account loses its tokens and cannot sign in', async () => {
    const acc = await newAccount();
    const s = await loginFull(acc.email, acc.password);
    const read = await t.api.get(`/api/v1/users/${acc.id}`).set('authorization', await t.auth(DEMO.admin));
    const res = await t.api
      .patch(`/api/v1/users/${acc.id}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', read.headers.etag!)
      .send({ disabled: true });
    expect(res.status, res.text).toBe(200);
    expect(res.body.disabled).toBe(true);
    expectProblem(await me(s.access), 401, 'auth.token_invalid');
    expectProblem(await refresh(s.cookie), 401);
    // Same answer as a wrong password: a disabled account is not revealed.
    expectProblem(
      await t.api.post('/api/v1/auth/login').send({ email: acc.email, password: acc.password }),
      401,
      'auth.invalid_credentials',
    );
  });

  it('an admin cannot disable their own account', async () => {
    const adminId = await t.userId(DEMO.admin);
    const read = await t.api.get(`/api/v1/users/${adminId}`).set('authorization', await t.auth(DEMO.admin));
    const res = await t.api
      .patch(`/api/v1/users/${adminId}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', read.headers.etag!)
      .send({ disabled: true });
    expectProblem(res, 409, 'user.cannot_disable_self');
  });
});
