/**
 * Brute force (QUALITY.md): sign-in is throttled per account and per client, answering 429 with
 * Retry-After — even to the right password while the lock lasts. Every request here comes from one
 * client, so "the account" is the account from that client; other clients of the same account, and
 * the slower account-wide limit, are in test/auth/sign-in-throttle.test.ts.
 * Limits are lowered through config: 3 failures per account, 5 per client.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, DEMO, DEMO_PASSWORD, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    loginMaxFailuresPerAccount: 3,
    loginMaxFailuresPerClient: 5,
    loginThrottleWindowSeconds: 600,
  });
});
afterAll(() => t.close());
// Every request here comes from the same client address: each test starts with no failures on record.
beforeEach(async () => {
  await t.database.db.execute(sql`DELETE FROM login_failures`);
});

const login = (email: string, password: string, lang?: string) => {
  const req = t.api.post('/api/v1/auth/login');
  if (lang) req.set('accept-language', lang);
  return req.send({ email, password });
};

function expectRetryAfter(res: { headers: Record<string, string> }) {
  const retry = Number(res.headers['retry-after']);
  expect(Number.isInteger(retry)).toBe(true);
  expect(retry).toBeGreaterThan(0);
  expect(retry).toBeLessThanOrEqual(600);
}

describe('per-account throttle', () => {
  it('after 3 wrong passwords the account answers 429 with Retry-After to that client, even to the right password', async () => {
    for (let i = 0; i < 3; i++)
      expectProblem(await login(DEMO.leader, `sai-mat-khau-${i}`), 401, 'auth.invalid_credentials');
    const locked = await login(DEMO.leader, 'sai-mat-khau-x');
    expectProblem(locked, 429, 'auth.too_many_attempts');
    expectRetryAfter(locked);
    expect(locked.body.detail).toContain(locked.headers['retry-after']);
    const rightPassword = await login(DEMO.leader, DEMO_PASSWORD);
    expectProblem(rightPassword, 429, 'auth.too_many_attempts');
    expectRetryAfter(rightPassword);
    expect(rightPassword.body.accessToken).toBeUndefined();
  });

  it('the lock is per account: another account from the same client still signs in', async () => {
    for (let i = 0; i < 3; i++) await login(DEMO.reception, `sai-${i}`);
    expect((await login(DEMO.reception, DEMO_PASSWORD)).status).toBe(429);
    expect((await login(DEMO.communications, DEMO_PASSWORD)).status).toBe(200);
  });

  it('the account is matched case-insensitively, so changing the case of the email does not escape the lock', async () => {
    for (let i = 0; i < 3; i++) await login(DEMO.observer, `sai-${i}`);
    expect((await login(DEMO.observer.toUpperCase(), DEMO_PASSWORD)).status).toBe(429);
  });

  it('a successful sign-in clears the failures of the account', async () => {
    for (let i = 0; i < 2; i++) await login(DEMO.secretariat, `sai-${i}`);
    expect((await login(DEMO.secretariat, DEMO_PASSWORD)).status).toBe(200);
    // Two more failures would have locked it had the first two still counted.
    for (let i = 0; i < 2; i++) expect((await login(DEMO.secretariat, `sai-lai-${i}`)).status).toBe(401);
    // The client has 4 failures on record now, under its limit of 5.
    expect((await login(DEMO.secretariat, DEMO_PASSWORD)).status).toBe(200);
  });

  it('an unknown account is throttled like a real one (the answer does not reveal which exists)', async () => {
    for (let i = 0; i < 3; i++)
      expectProblem(await login('khong.ton.tai@thachha.gov.vn', `sai-${i}`), 401, 'auth.invalid_credentials');
    expectProblem(await login('khong.ton.tai@thachha.gov.vn', 'sai'), 429, 'auth.too_many_attempts');
  });

  it('a burst of parallel guesses gets no more password checks than the limit', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(DEMO.staff, `doan-song-song-${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(3);
    // However the burst interleaved, the account is locked after exactly 3 wrong passwords in all.
    let more = 0;
    while (more < 10 && (await login(DEMO.staff, `sau-doan-${more}`)).status === 401) more++;
    expect(checked + more).toBe(3);
    expect((await login(DEMO.staff, DEMO_PASSWORD)).status).toBe(429);
  });

  it('the 429 message follows Accept-Language', async () => {
    for (let i = 0; i < 3; i++) await login(DEMO.unitHead, `sai-${i}`);
    const vi = await login(DEMO.unitHead, DEMO_PASSWORD);
    const en = await login(DEMO.unitHead, DEMO_PASSWORD, 'en');
    expect(vi.body.detail).toMatch(/Đăng nhập sai quá nhiều lần/);
    expect(en.body.detail).toMatch(/Too many failed sign-ins/);
  });
});

describe('per-client throttle', () => {
  it('5 failures spread over different accounts lock the client out of every account, with Retry-After', async () => {
    const accounts = [DEMO.leader, DEMO.secretariat, DEMO.reception, DEMO.communications, DEMO.observer];
    // One failure per account: no account reaches its own limit of 3.
    for (const email of accounts) expectProblem(await login(email, 'sai-mat-khau'), 401, 'auth.invalid_credentials');
    const res = await login(DEMO.unitOfficer, DEMO_PASSWORD);
    expectProblem(res, 429, 'auth.too_many_attempts');
    expectRetryAfter(res);
    expect((await login(DEMO.admin, 'Quantri@Thidua2022')).status).toBe(429);
  });
});
