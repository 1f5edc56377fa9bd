/**
 * Response headers (QUALITY.md): a CSP without inline script and with frame-ancestors 'none', HSTS
 * (over TLS only), nosniff, Cache-Control: no-store on authenticated answers; CORS only for configured
 * origins (https://portal.example.gov.vn in the test configuration), with the methods and headers
 * the API uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.auth(DEMO.secretariat);
});
afterAll(() => t.close());

const ALLOWED = 'https://portal.example.gov.vn';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe('security headers', () => {
  // This app trusts its proxy (inject's peer, 127.0.0.1), which reports the request came over TLS.
  let behindTls: TestApp;
  beforeAll(async () => {
    behindTls = await createTestApp({ trustProxy: ['127.0.0.1'] });
  });
  afterAll(() => behindTls.close());

  it.each([
    ['an authenticated read', () => behindTls.api.get('/api/v1/me').set('authorization', token)],
    ['a public route', () => behindTls.api.get('/health/live')],
    ['an error', () => behindTls.api.get('/api/v1/units')],
  ])('%s carries CSP (no inline script, no framing), HSTS and nosniff', async (_label, request) => {
    const res = await request().set('x-forwarded-proto', 'https');
    const csp = directives(res.headers['content-security-policy'] ?? '');
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(res.headers['strict-transport-security']!)![1])).toBeGreaterThanOrEqual(
      15_552_000,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('HSTS is not sent over plain HTTP, nor when an untrusted client claims https', async () => {
    expect((await t.api.get('/health/live')).headers['strict-transport-security']).toBeUndefined();
    const claimed = await t.api.get('/health/live').set('x-forwarded-proto', 'https');
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
    const plainBehindProxy = await behindTls.api.get('/health/live').set('x-forwarded-proto', 'http');
    expect(plainBehindProxy.headers['strict-transport-security']).toBeUndefined();
  });

  it('authenticated answers are never cached, errors of authenticated calls included', async () => {
    const unitId = await t.unitId('XA-THACHHAI');
    for (const req of [
      t.api.get('/api/v1/me'),
      t.api.get('/api/v1/units'),
      t.api.get(`/api/v1/units/${unitId}`),
      t.api.get('/api/v1/units/khong-co'),
      t.api.get('/api/v1/users'), // 403 for the secretariat
    ]) {
      const res = await req.set('authorization', token);
      expect(
        res.headers['cache-control'],
        `${res.status} ${(res as unknown as { req: { path: string } }).req.path}`,
      ).toMatch(/no-store/);
    }
  });

  it('the sign-in answer (tokens) is not cached either', async () => {
    const res = await t.api.post('/api/v1/auth/login').send({ email: DEMO.observer, password: 'ThiDua@2022' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/no-store/);
  });
});

describe('CORS', () => {
  it('a preflight from the configured origin is allowed, with credentials', async () => {
    const res = await t.api
      .options('/api/v1/units')
      .set('origin', ALLOWED)
      .set('access-control-request-method', 'PATCH')
      .set('access-control-request-headers', 'authorization,content-type,if-match');
    expect(res.status).toBeLessThan(300);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    expect(res.headers.vary).toMatch(/origin/i);
  });

  it.each(['PATCH', 'PUT', 'DELETE', 'POST'])(
    'a preflight for %s from the configured origin allows it, with the headers the API reads',
    async (method) => {
      const res = await t.api
        .options('/api/v1/units/x')
        .set('origin', ALLOWED)
        .set('access-control-request-method', method)
        .set('access-control-request-headers', 'authorization,content-type,if-match,idempotency-key');
      expect(res.status).toBeLessThan(300);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      const methods = (res.headers['access-control-allow-methods'] ?? '').split(/,\s*/);
      expect(methods).toEqual(expect.arrayContaining(['PATCH', 'PUT', 'DELETE']));
      const allowed = (res.headers['access-control-allow-headers'] ?? '').toLowerCase().split(/,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'if-match', 'idempotency-key']));
      const exposed = (res.headers['access-control-expose-headers'] ?? '').toLowerCase().split(/,\s*/);
      expect(exposed).toEqual(expect.arrayContaining(['etag', 'location', 'retry-after']));
    },
  );

  it('a read from the configured origin is allowed and exposes ETag', async () => {
    const res = await t.api.get('/api/v1/me').set('origin', ALLOWED).set('authorization', token);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-expose-headers']).toMatch(/etag/i);
  });

  it.each([
    'https://evil.example.com',
    'https://portal.example.gov.vn.evil.com',
    'http://portal.example.gov.vn',
    'null',
  ])('the origin %s gets no CORS grant', async (origin) => {
    const preflight = await t.api
      .options('/api/v1/units')
      .set('origin', origin)
      .set('access-control-request-method', 'DELETE');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const read = await t.api.get('/api/v1/me').set('origin', origin).set('authorization', token);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });
});
