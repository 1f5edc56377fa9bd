/**
 * Logs never carry secrets (QUALITY.md): with every request logged at the most verbose level, no
 * line holds a password (on sign-in, on a refused sign-in, on a password change, on a body refused
 * for an unknown field), an access token or a refresh cookie — while the lines themselves are there,
 * with the request ids an operator needs to follow a request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { refreshCookieOf } from './support.ts';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logLevel: 'trace', logStream: { write: (line: string) => void lines.push(line) } });
});
afterAll(() => t.close());

describe('the logs', () => {
  it('hold no password, access token or refresh cookie, but do hold each request with its id', async () => {
    const email = `log.redaction.${Date.now()}@thachha.gov.vn`;
    const password = 'Bi-mat-Thach-Ha-2022';
    const newPassword = 'Bi-mat-moi-Thach-Ha-2023';
    const created = await t.api
      .post('/api/v1/users')
      .set('authorization', await t.auth(DEMO.admin))
      .send({
        email,
        fullName: 'Tài khoản thử nhật ký',
        password,
        mustChangePassword: false,
        roles: [{ role: 'observer' }],
      });
    expect(created.status, created.text).toBe(201);

    const refused = await t.api.post('/api/v1/auth/login').send({ email, password: `${password}-sai` });
    expect(refused.status).toBe(401);
    const unknownField = await t.api.post('/api/v1/auth/login').send({ email, password, remember: true });
    expect(unknownField.status).toBe(400);

    const login = await t.api
      .post('/api/v1/auth/login')
      .set('x-request-id', 'log-redaction-login')
      .send({ email, password });
    expect(login.status, login.text).toBe(200);
    const accessToken = login.body.accessToken as string;
    const cookie = refreshCookieOf(login)!;
    expect(cookie).toBeDefined();

    const me = await t.api.get('/api/v1/me').set('authorization', `Bearer ${accessToken}`);
    expect(me.status).toBe(200);
    const refreshed = await t.api.post('/api/v1/auth/refresh').set('cookie', cookie);
    expect(refreshed.status, refreshed.text).toBe(200);
    const newCookie = refreshCookieOf(refreshed)!;
    const changed = await t.api
      .post('/api/v1/me/password')
      .set('authorization', `Bearer ${refreshed.body.accessToken as string}`)
      .send({ currentPassword: password, newPassword });
    expect(changed.status, changed.text).toBe(200);

    const log = lines.join('');
    // Not vacuous: the requests were logged, with their ids.
    expect(log).toContain('log-redaction-login');
    expect(log).toContain('/api/v1/auth/refresh');
    expect(log).toContain('/api/v1/me/password');
    for (const secret of [
      password,
      newPassword,
      accessToken,
      refreshed.body.accessToken as string,
      cookie.split('=')[1]!,
      newCookie.split('=')[1]!,
    ]) {
      expect(log.includes(secret), `a log line holds ${secret.slice(0, 12)}…`).toBe(false);
    }
  });
});
