/**
 * Passwords (QUALITY.md, issue 10 point 9): at least 8 characters, no composition rules, common
 * passwords refused, and hard to guess for this account — zxcvbn score ≥ 3 with the account's
 * e-mail, its name and the product's words counted as known — with a field error saying why;
 * stored as argon2id with m ≥ 19 MiB and t ≥ 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  // The production cost: this file checks what is stored.
  t = await createTestApp({ fastPasswordHashing: false });
});
afterAll(() => t.close());

let n = 0;
const freshEmail = () => `matkhau.${++n}.${Date.now()}@thachha.gov.vn`;

async function createUser(password: string, email = freshEmail(), fullName = 'Người dùng thử mật khẩu') {
  return t.api
    .post('/api/v1/users')
    .set('authorization', await t.auth(DEMO.admin))
    .send({ email, fullName, password, mustChangePassword: false, roles: [{ role: 'observer' }] });
}

function expectTooWeak(res: Awaited<ReturnType<typeof createUser>>, reason: string, field = '/password') {
  expectProblem(res, 422, 'password.too_weak');
  expect(res.body.errors).toEqual([expect.objectContaining({ field, code: reason })]);
  expect(res.body.detail).toMatch(/^Mật khẩu quá dễ đoán\./);
  expect(res.body.errors[0].message).toMatch(/\p{L}/u);
}

async function storedHash(email: string): Promise<string> {
  const [row] = await t.database.db.select({ h: users.passwordHash }).from(users).where(eq(users.email, email));
  return row!.h;
}

function expectStrongArgon2id(hash: string) {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  expect(m, hash).not.toBeNull();
  expect(Number(m![1])).toBeGreaterThanOrEqual(19456);
  expect(Number(m![2])).toBeGreaterThanOrEqual(2);
}

async function signIn(email: string, password: string) {
  const res = await t.api.post('/api/v1/auth/login').send({ email, password });
  expect(res.status, res.text).toBe(200);
  return `Bearer ${res.body.accessToken}`;
}

describe('an admin creating an account', () => {
  it('is refused a password shorter than 8 characters, with a field error on /password', async () => {
    const email = freshEmail();
    for (const pw of ['', 'a', 'Ab1!xyz']) {
      const res = await createUser(pw, email);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: '/password' })]));
    }
    const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(row).toBeUndefined();
  });

  it('counts characters, not bytes: 8 Vietnamese letters pass the length rule (the strength rule then judges them), 7 emoji do not', async () => {
    // 16 bytes, 8 characters: not too short, only too easy to guess.
    expectTooWeak(await createUser('đêmđôngđ'), 'password.weak.guessable');
    const res = await createUser('🔒🔒🔒🔒🔒🔒🔒');
    expectProblem(res, 400);
    expect(res.body.errors?.[0]?.field).toBe('/password');
  });

  it('is refused common passwords (any case), with code password.too_common on /password', async () => {
    for (const pw of ['password123', 'PASSWORD123', '12345678', 'qwertyuiop']) {
      const res = await createUser(pw);
      expectProblem(res, 422, 'password.too_common');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: '/password', code: 'password.too_common' })]);
      expect(res.body.detail).toMatch(/quá phổ biến/);
    }
  });

  it('imposes no composition rules: a long lowercase passphrase is accepted', async () => {
    expect((await createUser('ngay mai troi lai sang')).status).toBe(201);
  });

  it("is refused the account's own e-mail as its password, in any case", async () => {
    const email = freshEmail();
    expectTooWeak(await createUser(email, email), 'password.weak.personal');
    expectTooWeak(await createUser(email.toUpperCase(), email), 'password.weak.personal');
    const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(row).toBeUndefined();
  });

  it("is refused the product's name with a year (thidua2026, Khenthuong@2026), naming the reason in Vietnamese", async () => {
    for (const pw of ['thidua2026', 'ThiDua@2022', 'Khenthuong@2026']) {
      const res = await createUser(pw);
      expectTooWeak(res, 'password.weak.personal');
      expect(res.body.detail).toContain('Mật khẩu chứa email, tên của bạn hoặc tên hệ thống');
    }
  });

  it('is refused keyboard walks (qwertyuiop, qazwsxedcrfv, 1qaz2wsx3edc4rfv)', async () => {
    expectProblem(await createUser('qwertyuiop'), 422, 'password.too_common');
    for (const pw of ['qazwsxedcrfv', '1qaz2wsx3edc4rfv']) {
      const res = await createUser(pw);
      expectProblem(res, 422, 'password.too_weak');
      expect(res.body.errors?.[0]?.field).toBe('/password');
    }
  });

  it("is refused a password built from the person's name, with or without diacritics", async () => {
    const email = freshEmail();
    for (const pw of ['nguyenthihoa1985', 'Nguyenthihoa!', 'nguyễn thị hoa 1985']) {
      expectTooWeak(await createUser(pw, email, 'Nguyễn Thị Hoa'), 'password.weak.personal');
    }
    // The same password is fine for someone else: the rule is about this account.
    expect((await createUser('nguyenthihoa1985', freshEmail(), 'Trần Văn Bình')).status).toBe(201);
  });

  it('accepts a strong password, with or without diacritics', async () => {
    expect((await createUser('Sông Lam chảy qua bến đò xưa')).status).toBe(201);
    expect((await createUser('Hoa-ban-no-trang-rung-Tay-Bac')).status).toBe(201);
  });

  it('stores the password as argon2id with m ≥ 19 MiB and t ≥ 2, never the password itself', async () => {
    const email = freshEmail();
    const res = await createUser('Hoa-Sen-Thang-Tu', email);
    expect(res.status, res.text).toBe(201);
    expect(JSON.stringify(res.body)).not.toMatch(/Hoa-Sen|argon2|passwordHash/);
    const hash = await storedHash(email);
    expect(hash).not.toContain('Hoa-Sen-Thang-Tu');
    expectStrongArgon2id(hash);
  });

  it('demo and first-admin accounts are hashed the same way', async () => {
    expectStrongArgon2id(await storedHash(DEMO.admin));
    expectStrongArgon2id(await storedHash(DEMO.leader));
  });
});

describe('an admin resetting a password', () => {
  it('is refused a common password, and a good one is hashed as argon2id', async () => {
    const email = freshEmail();
    const created = await createUser('Mat-khau-ban-dau', email);
    const id = created.body.id as string;
    const bad = await t.api
      .patch(`/api/v1/users/${id}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', created.headers.etag!)
      .send({ password: 'password123' });
    expectProblem(bad, 422, 'password.too_common');
    expect(bad.body.errors?.[0]?.field).toBe('/password');
    // The account's own address is judged on a reset too.
    const personal = await t.api
      .patch(`/api/v1/users/${id}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', created.headers.etag!)
      .send({ password: `${email}!` });
    expectTooWeak(personal, 'password.weak.personal');
    const good = await t.api
      .patch(`/api/v1/users/${id}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', created.headers.etag!)
      .send({ password: 'Dat-lai-mat-khau' });
    expect(good.status, good.text).toBe(200);
    expectStrongArgon2id(await storedHash(email));
    await signIn(email, 'Dat-lai-mat-khau');
  });
});

describe("changing one's own password", () => {
  it('is refused a short or common new password with a field error on /newPassword, and the old password keeps working', async () => {
    const email = freshEmail();
    expect((await createUser('Mat-khau-cua-toi', email)).status).toBe(201);
    const token = await signIn(email, 'Mat-khau-cua-toi');
    const short = await t.api
      .post('/api/v1/me/password')
      .set('authorization', token)
      .send({ currentPassword: 'Mat-khau-cua-toi', newPassword: 'ngan' });
    expectProblem(short, 400);
    expect(short.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: '/newPassword' })]));
    const common = await t.api
      .post('/api/v1/me/password')
      .set('authorization', token)
      .send({ currentPassword: 'Mat-khau-cua-toi', newPassword: 'password123' });
    expectProblem(common, 422, 'password.too_common');
    expect(common.body.errors).toEqual([
      expect.objectContaining({ field: '/newPassword', code: 'password.too_common' }),
    ]);
    const ownEmail = await t.api
      .post('/api/v1/me/password')
      .set('authorization', token)
      .send({ currentPassword: 'Mat-khau-cua-toi', newPassword: email });
    expectTooWeak(ownEmail, 'password.weak.personal', '/newPassword');
    const same = await t.api
      .post('/api/v1/me/password')
      .set('authorization', token)
      .send({ currentPassword: 'Mat-khau-cua-toi', newPassword: 'Mat-khau-cua-toi' });
    expectProblem(same, 422, 'password.same_as_current');
    expect(same.body.errors).toEqual([expect.objectContaining({ field: '/newPassword' })]);
    // Nothing changed: the same session still works and the old password still signs in.
    expect((await t.api.get('/api/v1/me').set('authorization', token)).status).toBe(200);
    await signIn(email, 'Mat-khau-cua-toi');
  });

  it('stores the new password as argon2id', async () => {
    const email = freshEmail();
    expect((await createUser('Mat-khau-cu-2022', email)).status).toBe(201);
    const before = await storedHash(email);
    const token = await signIn(email, 'Mat-khau-cu-2022');
    const res = await t.api
      .post('/api/v1/me/password')
      .set('authorization', token)
      .send({ currentPassword: 'Mat-khau-cu-2022', newPassword: 'Mat-khau-moi-2024' });
    expect(res.status, res.text).toBe(200);
    const after = await storedHash(email);
    expect(after).not.toBe(before);
    expectStrongArgon2id(after);
  });
});
