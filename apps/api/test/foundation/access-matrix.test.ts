/**
 * Function-level authorization (QUALITY.md): the role × route matrix, generated from the route table
 * the auth plugin records (`app.routeAccess`), so routes added later are covered without editing
 * this file. For every route and every role (and no token at all):
 *  - not allowed by the route's `access` → exactly 403 (401 without a token), before any handler runs;
 *  - allowed → anything but 401/403 (path ids are dummies and bodies `{}`, so 400/404/428 are normal).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { ROLES, rolesWith, type RoleName } from '@thidua/contract';
import { units, users } from '../../src/db/schema/index.ts';
import type { Access } from '../../src/plugins/auth.ts';
import { createTestApp, DEMO } from '../helpers.ts';
import { mintAccessToken, ROLE_ACCOUNTS } from './support.ts';

// Top-level await: the route table is only known once the app is built, and each route gets its own test.
const t = await createTestApp();
afterAll(() => t.close());

const DUMMY_ID = 'zz_matrix_dummy_0000';
/** `/units/:id` → `/units/zz_…`; also `:id(regex)` and a trailing wildcard. */
const fillPath = (url: string) => url.replace(/:(\w+)(\([^)]*\))?/g, DUMMY_ID).replace(/\*$/, 'x');

function allows(access: Access, role: RoleName | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || rolesWith(access).includes(role);
}

/** The 401s that come from the authentication layer (a public route may answer 401 for its own reasons, e.g. refresh without a cookie). */
const AUTH_LAYER_401 = ['auth.unauthorized', 'auth.token_invalid'];

async function call(method: string, url: string, role: RoleName | null) {
  const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options';
  const req = t.api[m](fillPath(url)).set('accept-language', 'en');
  // A fresh token per request: an earlier request of the matrix (logout, …) may have ended the previous one.
  if (role) req.set('authorization', await mintAccessToken(t, ROLE_ACCOUNTS[role]));
  if (m === 'post' || m === 'put' || m === 'patch') req.send({});
  return req;
}

const routes = [...t.app.routeAccess].sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
const columns: (RoleName | null)[] = [...ROLES, null];

describe('the route table', () => {
  it('is recorded, with the foundation routes in it', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    for (const k of [
      'POST /api/v1/auth/login',
      'GET /api/v1/users',
      'PATCH /api/v1/units/:id',
      'DELETE /api/v1/people/:id',
      'GET /api/v1/audit-events/verify',
    ])
      expect(keys).toContain(k);
  });

  it('every role of the contract has a demo account here', () => {
    expect(Object.keys(ROLE_ACCOUNTS).sort()).toEqual([...ROLES].sort());
  });
});

describe.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (_name, route) => {
  const label = String(route.access);
  it(`answers each role as its access ${label} says`, async () => {
    const answers = await Promise.all(
      columns.map(async (role) => {
        const res = await call(route.method, route.url, role);
        return {
          role: role ?? 'no token',
          allowed: allows(route.access, role),
          status: res.status,
          code: res.body?.code as string | undefined,
        };
      }),
    );
    const wrong: string[] = [];
    for (const a of answers) {
      if (a.status >= 500) wrong.push(`${a.role}: ${a.status} ${a.code}`);
      else if (!a.allowed) {
        const expected = a.role === 'no token' ? 401 : 403;
        if (a.status !== expected) wrong.push(`${a.role}: expected ${expected}, got ${a.status} ${a.code}`);
      } else if (
        a.status === 403 ||
        (a.status === 401 && (route.access !== 'public' || AUTH_LAYER_401.includes(a.code ?? '')))
      ) {
        wrong.push(`${a.role}: allowed by access but got ${a.status} ${a.code}`);
      }
    }
    expect(wrong).toEqual([]);
    // Ten requests each, some of which build files (templates, exports): more than one request's time.
  }, 120_000);
});

describe('a unit officer', () => {
  const officer = () => mintAccessToken(t, DEMO.unitOfficer);

  it('is refused (403) every account route, even with real ids, and nothing changes', async () => {
    const leaderId = await t.userId(DEMO.leader);
    const before = await t.database.db.select().from(users).where(eq(users.id, leaderId));
    const reqs = [
      t.api.get('/api/v1/users'),
      t.api.get(`/api/v1/users/${leaderId}`),
      t.api.post('/api/v1/users').send({
        email: 'lau@thachha.gov.vn',
        fullName: 'Lậu',
        password: 'Mat-khau-dai-du',
        roles: [{ role: 'admin' }],
      }),
      t.api.patch(`/api/v1/users/${leaderId}`).set('if-match', '"v1"').send({ disabled: true }),
    ];
    for (const req of reqs) {
      const res = await req.set('authorization', await officer());
      expect(res.status, res.text).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
    }
    expect(await t.database.db.select().from(users).where(eq(users.id, leaderId))).toEqual(before);
    expect(await t.database.db.select().from(users).where(eq(users.email, 'lau@thachha.gov.vn'))).toEqual([]);
  });

  it('is refused (403) creating, changing, deleting units and renaming levels, even its own unit; nothing changes', async () => {
    const own = await t.unitId('XA-THACHHAI');
    const [{ n: unitsBefore }] = (await t.database.db.select({ n: count() }).from(units)) as [{ n: number }];
    const ownBefore = await t.database.db.select().from(units).where(eq(units.id, own));
    const reqs = [
      t.api.post('/api/v1/units').send({ parentId: own, code: 'TO-1', name: 'Tổ 1', kind: 'other' }),
      t.api.patch(`/api/v1/units/${own}`).set('if-match', `"v${ownBefore[0]!.version}"`).send({ name: 'Đổi tên' }),
      t.api.delete(`/api/v1/units/${own}`),
      t.api.put('/api/v1/units/level-names').send({ levels: ['A', 'B'] }),
    ];
    for (const req of reqs) {
      const res = await req.set('authorization', await officer());
      expect(res.status, res.text).toBe(403);
    }
    const [{ n: unitsAfter }] = (await t.database.db.select({ n: count() }).from(units)) as [{ n: number }];
    expect(unitsAfter).toBe(unitsBefore);
    expect(await t.database.db.select().from(units).where(eq(units.id, own))).toEqual(ownBefore);
  });

  it('may still read units (control: the 403s above are about the action, not the account)', async () => {
    const res = await t.api.get(`/api/v1/units/${await t.unitId('XA-THACHHAI')}`).set('authorization', await officer());
    expect(res.status).toBe(200);
  });
});
