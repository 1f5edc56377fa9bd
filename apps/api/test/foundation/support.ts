/**
 * Shared pieces of the foundation tests: the demo account of each role, hand-built JWTs (so token
 * attacks are built byte by byte rather than through the library under test) and problem+json checks.
 */
import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RoleName } from '@thidua/contract';
import { users } from '../../src/db/schema/index.ts';
import { DEMO, type TestApp } from '../helpers.ts';

/** One demo account per role (the unit roles belong to UBND xã Thạch Hải). */
export const ROLE_ACCOUNTS: Record<RoleName, string> = {
  admin: DEMO.admin,
  leader: DEMO.leader,
  secretariat: DEMO.secretariat,
  reception: DEMO.reception,
  communications: DEMO.communications,
  unit_officer: DEMO.unitOfficer,
  unit_head: DEMO.unitHead,
  staff: DEMO.staff,
  observer: DEMO.observer,
};

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export interface JwtParts {
  header?: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** HMAC secret (HS*), or 'none' for an unsigned token, or an RSA private key in PEM (RS256). */
  secret: string;
}

/** Builds a compact JWS by hand. The algorithm of the signature follows header.alg. */
export function buildJwt({ header = { alg: 'HS256', typ: 'JWT' }, payload, secret }: JwtParts): string {
  const signingInput = `${b64url(header)}.${b64url(payload)}`;
  const alg = String(header.alg);
  let signature = '';
  if (alg === 'none') signature = '';
  else if (alg.startsWith('HS'))
    signature = createHmac(`sha${alg.slice(2)}`, secret)
      .update(signingInput)
      .digest('base64url');
  else if (alg === 'RS256')
    signature = createSign('RSA-SHA256').update(signingInput).sign(secret).toString('base64url');
  else throw new Error(`buildJwt: unsupported alg ${alg}`);
  return `${signingInput}.${signature}`;
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

export function rsaPrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** The claims the API issues for an account right now (its current token version). */
export async function currentClaims(t: TestApp, email: string) {
  const [u] = await t.database.db
    .select({ id: users.id, tv: users.tokenVersion })
    .from(users)
    .where(eq(users.email, email));
  if (!u) throw new Error(`no user ${email}`);
  const now = Math.floor(Date.now() / 1000);
  return { sub: u.id, tv: u.tv, aud: 'thidua-api', iss: 'thidua', iat: now, exp: now + 600 };
}

/**
 * A valid access token for an account without going through the password check (argon2 would make
 * the role × route matrix slow). Minted with the app's own signer and the account's current token
 * version, exactly as POST /auth/login does.
 */
export async function mintAccessToken(t: TestApp, email: string): Promise<string> {
  const { sub, tv } = await currentClaims(t, email);
  return `Bearer ${t.app.jwt.sign({ sub, tv })}`;
}

/** The response is RFC 9457 problem+json with the given status (and code, when given), with no internals. */
export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown>; text: string },
  status: number,
  code?: string,
) {
  expect(res.status, `${res.status} ${res.text}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  expect(typeof res.body.title).toBe('string');
  expect(typeof res.body.code).toBe('string');
  if (code) expect(res.body.code).toBe(code);
  expectNoInternals(res.text);
}

/** No stack trace, file path or SQL in an answer body. */
export function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\.ts:\d+|\bSELECT\b|\bINSERT INTO\b|\bUPDATE\b.*\bSET\b/);
}

/** Cookie header value for the refresh cookie of a response (undefined when none was set). */
export function refreshCookieOf(res: { headers: Record<string, unknown> }): string | undefined {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  for (const c of list as string[]) {
    const m = /^thidua_rt=([^;]*)/.exec(c);
    if (m && m[1]) return `thidua_rt=${m[1]}`;
  }
  return undefined;
}

export const ADMIN_EMAIL = DEMO.admin;
