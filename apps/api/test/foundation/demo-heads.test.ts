/**
 * Demo data (issue 11, bug 8): a unit officer prepares the unit's self-assessment but only its head
 * submits it, so every demo unit with an officer has a head who can sign in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { RoleName } from '@thidua/contract';
import { units, userRoles, users } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function grants(role: RoleName) {
  return t.database.db
    .select({ unitCode: units.code, email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.role, role));
}

describe('demo data', () => {
  it('every demo unit with an officer has a head', async () => {
    const officers = await grants('unit_officer');
    const heads = new Map((await grants('unit_head')).map((h) => [h.unitCode, h.email]));
    expect(officers.length).toBeGreaterThan(0);
    const headless = officers.filter((o) => !heads.has(o.unitCode)).map((o) => o.unitCode);
    expect(headless).toEqual([]);
  });

  it('the head of Phòng Tư pháp signs in with the demo password and is the head of that unit', async () => {
    const [head] = (await grants('unit_head')).filter((h) => h.unitCode === 'TP');
    expect(head).toBeDefined();
    const token = await t.login(head!.email, DEMO_PASSWORD);
    const me = await t.api.get('/api/v1/me').set('authorization', `Bearer ${token}`);
    expect(me.status, me.text).toBe(200);
    expect(JSON.stringify(me.body)).toContain(await t.unitId('TP'));
  });
});
