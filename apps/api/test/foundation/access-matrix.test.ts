/**
 * Function-level authorization (QUALITY.md): the route table the auth plugin records
 * (`app.routeAccess`) and a unit officer refused the account and unit routes on its own unit. The
 * role × route matrix itself, with real data for every call, is access-matrix-real.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { ROLES } from '@thidua/contract';
import { units, users } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO } from '../helpers.ts';
import { mintAccessToken, ROLE_ACCOUNTS } from './support.ts';

const t = await createTestApp();
afterAll(() => t.close());

const routes = [...t.app.routeAccess].sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));

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
