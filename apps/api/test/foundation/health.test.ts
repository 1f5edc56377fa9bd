/**
 * Liveness and readiness (QUALITY.md): with the database gone, /health/ready answers 503 and API
 * calls answer 503 problem+json (with Retry-After) rather than hanging or failing with a 500.
 * The outage is made by closing this file's own database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('with the database up', () => {
  it('/health/live and /health/ready answer 200', async () => {
    const live = await t.api.get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    const ready = await t.api.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', database: true });
  });
});

describe('with the database down', () => {
  // An app of its own, so that the outage does not reach the tests above, whatever the order.
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    // The harness closes the database again at the end; the second close must be harmless.
    const close = t.database.close.bind(t.database);
    let closed = false;
    t.database.close = async () => {
      if (closed) return;
      closed = true;
      await close();
    };
    token = await t.auth(DEMO.secretariat);
    expect((await t.api.get('/api/v1/units').set('authorization', token)).status).toBe(200);
    await t.database.close();
  });
  afterAll(() => t.close());

  it('/health/live still answers 200 (the process is up)', async () => {
    expect((await t.api.get('/health/live')).status).toBe(200);
  });

  it('/health/ready answers 503', async () => {
    const res = await t.api.get('/health/ready');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable', database: false });
  });

  it('an authenticated read answers 503 problem+json with Retry-After', async () => {
    const res = await t.api.get('/api/v1/units').set('authorization', token);
    expectProblem(res, 503, 'service.unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('a write and a sign-in answer 503 too', async () => {
    const write = await t.api
      .post('/api/v1/people')
      .set('authorization', token)
      .send({ unitId: 'un_x', fullName: 'Không lưu được' });
    expectProblem(write, 503, 'service.unavailable');
    const login = await t.api.post('/api/v1/auth/login').send({ email: DEMO.leader, password: 'ThiDua@2022' });
    expectProblem(login, 503, 'service.unavailable');
  });
});
