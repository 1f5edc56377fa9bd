/**
 * Sign-in throttling behind a reverse proxy (issue 10, points 6 and 8): the client is the address
 * the trusted proxy hops report, not what the client writes first in X-Forwarded-For; and an
 * account is throttled per client, so a stranger's wrong guesses do not lock its owner out.
 * Every request comes through `app.inject()` from 127.0.0.1: that is the proxy in front.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig, parseTrustProxy } from '../../src/config.ts';
import { createTestApp, DEMO, DEMO_PASSWORD, type TestApp } from '../helpers.ts';
import { expectProblem } from '../foundation/support.ts';

/** A sign-in as the proxy forwards it: `forwardedFor` is the whole X-Forwarded-For it sends on. */
function signIn(t: TestApp, email: string, password: string, forwardedFor: string) {
  return t.api.post('/api/v1/auth/login').set('x-forwarded-for', forwardedFor).send({ email, password });
}

describe('TRUST_PROXY', () => {
  it('takes a hop count, true as one hop, or a list of addresses and CIDRs; off by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1, ::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
  });

  for (const setting of ['true', '1', '127.0.0.1/32']) {
    it(`TRUST_PROXY=${setting}: 30 failures with a rotating first X-Forwarded-For entry from one client still get 429`, async () => {
      const t = await createTestApp({ trustProxy: loadConfig({ TRUST_PROXY: setting }).trustProxy });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 30; i++) {
          // A different account each time, so that only the per-client limit (20) can apply.
          const res = await signIn(t, `khong.ton.tai.${i}@thachha.gov.vn`, 'sai-mat-khau', `10.9.${i}.1, 203.0.113.7`);
          statuses.push(res.status);
        }
        expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
        expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
        // Another client behind the same proxy is not affected.
        expect((await signIn(t, DEMO.leader, DEMO_PASSWORD, '203.0.113.8')).status).toBe(200);
      } finally {
        await t.close();
      }
    });
  }
});

describe('per account and client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: 1 });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.database.db.execute(sql`DELETE FROM login_failures`);
  });
  const clientA = '198.51.100.1';
  const clientB = '198.51.100.2';

  it('5 wrong passwords from client A do not lock the owner out: the right password from client B signs in, A still gets 429', async () => {
    for (let i = 0; i < 5; i++)
      expectProblem(await signIn(t, DEMO.admin, `sai-mat-khau-${i}`, clientA), 401, 'auth.invalid_credentials');
    expectProblem(await signIn(t, DEMO.admin, 'Quantri@Thidua2022', clientA), 429, 'auth.too_many_attempts');
    expect((await signIn(t, DEMO.admin, 'Quantri@Thidua2022', clientB)).status).toBe(200);
    const stillLocked = await signIn(t, DEMO.admin, 'Quantri@Thidua2022', clientA);
    expectProblem(stillLocked, 429, 'auth.too_many_attempts');
    expect(Number(stillLocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('guesses spread over many clients meet the slower account-wide limit (10 × 5)', async () => {
    for (let i = 0; i < 50; i++)
      expect((await signIn(t, DEMO.leader, `sai-${i}`, `192.0.2.${i + 1}`)).status).toBe(401);
    expectProblem(await signIn(t, DEMO.leader, DEMO_PASSWORD, '192.0.2.200'), 429, 'auth.too_many_attempts');
  });
});
