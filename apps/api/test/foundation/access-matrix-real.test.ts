/**
 * The access matrix with real calls (QUALITY.md, function-level authorization): for every route of
 * `app.routeAccess` and every role of the contract (and no token), a recipe (access-recipes.ts)
 * builds the data a legitimate call needs and the request with a valid body and real ids.
 *  - a role holding the route's access (`rolesWith`, any role for 'authenticated', anyone for
 *    'public'), with its target inside its scope, gets the route's documented 2xx;
 *  - any other caller gets 403 (401 without a token) and nothing is written: no new audit event,
 *    and for creates no new row in the target table.
 * A route without a recipe fails the test: a new route adds its recipe.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { ROLES, rolesWith, type RoleName } from '@thidua/contract';
import { auditEvents } from '../../src/db/schema/index.ts';
import type { Access } from '../../src/plugins/auth.ts';
import { createTestApp } from '../helpers.ts';
import { makeRecipes, type Call, type Method } from './access-recipes.ts';
import { mintAccessToken, ROLE_ACCOUNTS } from './support.ts';

const t = await createTestApp();
afterAll(() => t.close());

const { recipes } = await makeRecipes(t);
const openapi = (await t.api.get('/api/v1/openapi.json')).body as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};

/**
 * Calls a role may make but the domain refuses whatever the data, each with the answer it gets and
 * why. Keep this short.
 */
const EXCEPTIONS: Record<string, Partial<Record<RoleName, [number, string]>>> = {
  'GET /api/v1/files/:id': { observer: [404, 'holds neither file.upload nor file.read: no file is ever its to read'] },
  'GET /api/v1/files/:id/content': {
    observer: [404, 'holds neither file.upload nor file.read: no file is ever its to read'],
  },
  'DELETE /api/v1/files/:id': { observer: [404, 'holds no file.upload: it never uploaded a file it could delete'] },
};

function allows(access: Access, role: RoleName | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || rolesWith(access).includes(role);
}

/** The role the data of a call is chosen for: the caller if it holds the access, else one that does. */
function dataRole(access: Access, role: RoleName | null): RoleName {
  if (role && allows(access, role)) return role;
  if (access === 'public' || access === 'authenticated') return 'admin';
  const holders = rolesWith(access);
  return holders.includes('admin') ? 'admin' : holders[0]!;
}

/** The 2xx the OpenAPI document lists for the operation (200 for the undocumented document itself). */
function documented2xx(method: string, url: string): number {
  const path = url.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');
  const op = openapi.paths[path]?.[method.toLowerCase()];
  const codes = op ? Object.keys(op.responses).filter((c) => /^2\d\d$/.test(c)) : ['200'];
  expect(codes, `${method} ${url}: one documented 2xx`).toHaveLength(1);
  return Number(codes[0]);
}

async function rows(table: PgTable): Promise<number> {
  const [r] = (await t.database.db.select({ n: count() }).from(table)) as [{ n: number }];
  return Number(r.n);
}

async function perform(method: Method, call: Call, email: string | null) {
  const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const req = t.api[m](call.url).set('accept-language', 'en');
  if (email) req.set('authorization', await mintAccessToken(t, email));
  for (const [k, v] of Object.entries(call.headers ?? {})) req.set(k, v);
  if (call.multipart) {
    for (const [k, v] of Object.entries(call.multipart.fields ?? {})) req.field(k, v);
    const f = call.multipart.file;
    req.attach(f.field, f.content, { filename: f.name, contentType: f.type });
  } else if (call.body !== undefined) req.send(call.body as object);
  return req;
}

const routes = [...t.app.routeAccess].sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
const columns: (RoleName | null)[] = [...ROLES, null];

describe('the recipes', () => {
  it('cover every route of the route table', () => {
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !recipes[k]);
    expect(missing).toEqual([]);
  });
  it('every role of the contract has a demo account to call with', () => {
    expect(Object.keys(ROLE_ACCOUNTS).sort()).toEqual([...ROLES].sort());
  });
  it('name only routes that exist, and the exceptions only routes and roles that hold the access', () => {
    const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(recipes).filter((k) => !keys.has(k))).toEqual([]);
    for (const [k, byRole] of Object.entries(EXCEPTIONS)) {
      const route = routes.find((r) => `${r.method} ${r.url}` === k);
      expect(route, k).toBeDefined();
      for (const role of Object.keys(byRole))
        expect(allows(route!.access, role as RoleName), `${k} ${role}`).toBe(true);
    }
  });
});

describe.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', (key, route) => {
  it(`answers each role as its access ${String(route.access)} says, with real data`, async () => {
    const recipe = recipes[key];
    if (!recipe) return expect.fail(`no recipe for ${key}`);
    const success = documented2xx(route.method, route.url);
    const wrong: string[] = [];
    // Refused calls share one build: each is checked to have changed nothing, so the next finds the data as built.
    let refusedCall: Promise<Call> | undefined;
    for (const role of columns) {
      const who = role ?? 'no token';
      const allowed = allows(route.access, role);
      const build = async () => ({ method: route.method as Method, ...(await recipe(dataRole(route.access, role))) });
      let call: Call;
      try {
        call = await (allowed ? build() : (refusedCall ??= build()));
      } catch (err) {
        wrong.push(`${who}: recipe failed: ${(err as Error).message}`);
        continue;
      }
      if (allowed) {
        const res = await perform(call.method, call, role ? (call.account ?? ROLE_ACCOUNTS[role]) : null);
        const exception = role ? EXCEPTIONS[key]?.[role] : undefined;
        const expected = exception ? exception[0] : success;
        if (res.status !== expected)
          wrong.push(
            `${who}: allowed, expected ${expected}, got ${res.status} ${res.body?.code ?? ''} ${res.text.slice(0, 300)}`,
          );
      } else {
        const auditBefore = await rows(auditEvents);
        const tableBefore = call.table ? await rows(call.table) : 0;
        const res = await perform(call.method, call, role ? ROLE_ACCOUNTS[role] : null);
        const expected = role ? 403 : 401;
        if (res.status !== expected)
          wrong.push(`${who}: refused, expected ${expected}, got ${res.status} ${res.body?.code ?? ''}`);
        if ((await rows(auditEvents)) !== auditBefore) wrong.push(`${who}: refused, yet an audit event was written`);
        if (call.table && (await rows(call.table)) !== tableBefore)
          wrong.push(`${who}: refused, yet a row was created`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
