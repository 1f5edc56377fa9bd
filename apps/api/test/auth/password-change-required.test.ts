/**
 * A password others know must be changed before anything else (issue 10, point 7): an account the
 * administrator created or whose password they reset — and the demo accounts outside the embedded
 * database — signs in, reads itself, changes its password and signs out; every other route answers
 * 403 auth.password_change_required and writes nothing. The change clears the flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { people, users } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from '../foundation/support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const GIVEN = 'Cay-phuong-do-truoc-cong-truong';
const CHOSEN = 'Mua-ha-ve-tren-song-Nghen';
let n = 0;

/** An account the administrator creates as a full administrator: any refusal is the flag's, not the role's. */
async function givenAccount(extra: Record<string, unknown> = {}) {
  const email = `doi.mat.khau.${++n}.${Date.now()}@thachha.gov.vn`;
  const res = await t.api
    .post('/api/v1/users')
    .set('authorization', await t.auth(DEMO.admin))
    .send({ email, fullName: 'Tài khoản được cấp', password: GIVEN, roles: [{ role: 'admin' }], ...extra });
  expect(res.status, res.text).toBe(201);
  return { email, id: res.body.id as string, etag: res.headers.etag as string, body: res.body };
}

async function signIn(email: string, password: string) {
  const res = await t.api.post('/api/v1/auth/login').send({ email, password });
  expect(res.status, res.text).toBe(200);
  return { token: `Bearer ${res.body.accessToken}`, user: res.body.user };
}

const flagOf = async (email: string) =>
  (await t.database.db.select({ f: users.mustChangePassword }).from(users).where(eq(users.email, email)))[0]?.f;

describe('an account whose password the administrator set', () => {
  it('must change it: sign-in and /me say so, every other route answers 403 in Vietnamese and writes nothing', async () => {
    const acc = await givenAccount();
    expect(acc.body.mustChangePassword).toBe(true);
    const { token, user } = await signIn(acc.email, GIVEN);
    expect(user.mustChangePassword).toBe(true);
    const me = await t.api.get('/api/v1/me').set('authorization', token);
    expect(me.status, me.text).toBe(200);
    expect(me.body.mustChangePassword).toBe(true);

    const read = await t.api.get('/api/v1/campaigns').set('authorization', token);
    expectProblem(read, 403, 'auth.password_change_required');
    expect(read.body.detail).toBe(
      'Tài khoản của bạn đang dùng mật khẩu được cấp sẵn: hãy đổi mật khẩu trước khi tiếp tục.',
    );
    expectProblem(await t.api.get('/api/v1/users').set('authorization', token), 403, 'auth.password_change_required');

    const before = await t.database.db.select({ n: count() }).from(people);
    const write = await t.api
      .post('/api/v1/people')
      .set('authorization', token)
      .send({ unitId: await t.unitId('XA-THACHHAI'), fullName: 'Người không được tạo' });
    expectProblem(write, 403, 'auth.password_change_required');
    const rename = await t.api
      .patch(`/api/v1/users/${acc.id}`)
      .set('authorization', token)
      .set('if-match', acc.etag)
      .send({ fullName: 'Tên không được đổi', mustChangePassword: false });
    expectProblem(rename, 403, 'auth.password_change_required');
    expect(await t.database.db.select({ n: count() }).from(people)).toEqual(before);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, acc.id));
    expect(row?.fullName).toBe('Tài khoản được cấp');
    expect(row?.mustChangePassword).toBe(true);
  });

  it('changing the password clears the flag: the old sessions end, the next sign-in reaches everything', async () => {
    const acc = await givenAccount();
    const { token } = await signIn(acc.email, GIVEN);
    // Keeping the given password is not a change.
    const same = await t.api
      .post('/api/v1/me/password')
      .set('authorization', token)
      .send({ currentPassword: GIVEN, newPassword: GIVEN });
    expectProblem(same, 422, 'password.same_as_current');
    expect(await flagOf(acc.email)).toBe(true);
    // A weak one is refused like any other.
    const weak = await t.api
      .post('/api/v1/me/password')
      .set('authorization', token)
      .send({ currentPassword: GIVEN, newPassword: 'thidua2026' });
    expectProblem(weak, 422, 'password.too_weak');
    expect(await flagOf(acc.email)).toBe(true);

    const changed = await t.api
      .post('/api/v1/me/password')
      .set('authorization', token)
      .send({ currentPassword: GIVEN, newPassword: CHOSEN });
    expect(changed.status, changed.text).toBe(200);
    expect(await flagOf(acc.email)).toBe(false);
    expectProblem(await t.api.get('/api/v1/me').set('authorization', token), 401, 'auth.token_invalid');

    const again = await signIn(acc.email, CHOSEN);
    expect(again.user.mustChangePassword).toBe(false);
    expect((await t.api.get('/api/v1/campaigns').set('authorization', again.token)).status).toBe(200);
  });

  it('may sign out before changing it', async () => {
    const acc = await givenAccount();
    const { token } = await signIn(acc.email, GIVEN);
    expect((await t.api.post('/api/v1/auth/logout').set('authorization', token)).status).toBe(200);
    expectProblem(await t.api.get('/api/v1/me').set('authorization', token), 401);
  });

  it('a password reset by the administrator sets the flag again; mustChangePassword: false leaves it off', async () => {
    const acc = await givenAccount({ mustChangePassword: false });
    expect(acc.body.mustChangePassword).toBe(false);
    const admin = await t.auth(DEMO.admin);
    const reset = await t.api
      .patch(`/api/v1/users/${acc.id}`)
      .set('authorization', admin)
      .set('if-match', acc.etag)
      .send({ password: 'Den-long-sang-pho-co-Hoi-An' });
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    const { token } = await signIn(acc.email, 'Den-long-sang-pho-co-Hoi-An');
    expectProblem(
      await t.api.get('/api/v1/campaigns').set('authorization', token),
      403,
      'auth.password_change_required',
    );

    const quiet = await t.api
      .patch(`/api/v1/users/${acc.id}`)
      .set('authorization', admin)
      .set('if-match', reset.headers.etag!)
      .send({ password: 'Mot-nguoi-giu-mat-khau-rieng', mustChangePassword: false });
    expect(quiet.status, quiet.text).toBe(200);
    expect(quiet.body.mustChangePassword).toBe(false);
    expect(await flagOf(acc.email)).toBe(false);
  });

  it('the administrator may require a change without setting a password; it applies at once', async () => {
    const acc = await givenAccount({ mustChangePassword: false });
    const { token } = await signIn(acc.email, GIVEN);
    expect((await t.api.get('/api/v1/campaigns').set('authorization', token)).status).toBe(200);
    const flagged = await t.api
      .patch(`/api/v1/users/${acc.id}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', acc.etag)
      .send({ mustChangePassword: true });
    expect(flagged.status, flagged.text).toBe(200);
    expectProblem(
      await t.api.get('/api/v1/campaigns').set('authorization', token),
      403,
      'auth.password_change_required',
    );
  });
});
