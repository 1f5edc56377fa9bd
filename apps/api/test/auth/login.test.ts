import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('a demo account signs in and reads its own profile', async () => {
    const res = await t.api.post('/api/v1/auth/login').send({ email: DEMO.secretariat, password: 'ThiDua@2022' });
    expect(res.status).toBe(200);
    expect(res.body.tokenType).toBe('Bearer');
    expect(res.body.expiresIn).toBeLessThanOrEqual(900);
    expect(res.headers['set-cookie']?.[0]).toMatch(/thidua_rt=.*HttpOnly/i);
    const me = await t.api.get('/api/v1/me').set('authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    // The demo's Thạch Hà office is held at its People's Committee: it covers that authority only.
    expect(me.body.roles).toEqual([{ role: 'secretariat', unitId: await t.unitId('UBND-TH') }]);
  });

  it('a wrong password and an unknown account get the same answer', async () => {
    const wrong = await t.api.post('/api/v1/auth/login').send({ email: DEMO.leader, password: 'not-the-password' });
    const unknown = await t.api
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@thachha.gov.vn', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
