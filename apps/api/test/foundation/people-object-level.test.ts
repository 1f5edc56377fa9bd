/**
 * Object-level authorization for staff records (QUALITY.md): a unit officer or unit head manages the
 * staff of their own unit only. Another unit's person is not theirs to change (404, as if absent),
 * and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { people } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
let thachHai: string;
let tuPhap: string;
beforeAll(async () => {
  t = await createTestApp();
  thachHai = await t.unitId('XA-THACHHAI');
  tuPhap = await t.unitId('TP');
});
afterAll(() => t.close());

async function firstPersonOf(unitId: string) {
  const [row] = await t.database.db.select().from(people).where(eq(people.unitId, unitId)).orderBy(people.id).limit(1);
  return row!;
}
async function peopleCount(unitId: string) {
  const [row] = await t.database.db.select({ n: count() }).from(people).where(eq(people.unitId, unitId));
  return row!.n;
}

describe.each([
  ['unit officer', DEMO.unitOfficer],
  ['unit head', DEMO.unitHead],
])('the %s of UBND xã Thạch Hải', (_label, email) => {
  it('cannot add a person to Phòng Tư pháp (403), and no row is created', async () => {
    const before = await peopleCount(tuPhap);
    const res = await t.api
      .post('/api/v1/people')
      .set('authorization', await t.auth(email))
      .send({ unitId: tuPhap, fullName: 'Người ngoài đơn vị' });
    expectProblem(res, 403, 'auth.forbidden');
    expect(await peopleCount(tuPhap)).toBe(before);
  });

  it('cannot change a person of Phòng Tư pháp (404), and the row is unchanged', async () => {
    const target = await firstPersonOf(tuPhap);
    const res = await t.api
      .patch(`/api/v1/people/${target.id}`)
      .set('authorization', await t.auth(email))
      .set('if-match', `"v${target.version}"`)
      .send({ fullName: 'Tên bị sửa trái phép', position: 'Không' });
    expectProblem(res, 404, 'not_found');
    expect(await t.database.db.select().from(people).where(eq(people.id, target.id))).toEqual([target]);
  });

  it('cannot archive a person of Phòng Tư pháp (404)', async () => {
    const target = await firstPersonOf(tuPhap);
    const res = await t.api
      .patch(`/api/v1/people/${target.id}`)
      .set('authorization', await t.auth(email))
      .set('if-match', `"v${target.version}"`)
      .send({ archived: true });
    expectProblem(res, 404);
    expect(await t.database.db.select().from(people).where(eq(people.id, target.id))).toEqual([target]);
  });

  it('cannot delete a person of Phòng Tư pháp (404), and the row is still there', async () => {
    const target = await firstPersonOf(tuPhap);
    const res = await t.api.delete(`/api/v1/people/${target.id}`).set('authorization', await t.auth(email));
    expectProblem(res, 404, 'not_found');
    expect(await t.database.db.select().from(people).where(eq(people.id, target.id))).toEqual([target]);
  });

  it('cannot move a person of their own unit into Phòng Tư pháp (403)', async () => {
    const own = await firstPersonOf(thachHai);
    const res = await t.api
      .patch(`/api/v1/people/${own.id}`)
      .set('authorization', await t.auth(email))
      .set('if-match', `"v${own.version}"`)
      .send({ unitId: tuPhap });
    expectProblem(res, 403, 'auth.forbidden');
    expect(await t.database.db.select().from(people).where(eq(people.id, own.id))).toEqual([own]);
  });
});

describe('within their own unit', () => {
  it('the unit officer adds, changes and deletes a person of UBND xã Thạch Hải (control)', async () => {
    const token = await t.auth(DEMO.unitOfficer);
    const created = await t.api
      .post('/api/v1/people')
      .set('authorization', token)
      .send({ unitId: thachHai, fullName: 'Phan Thị Hồng', position: 'Công chức Văn phòng - Thống kê' });
    expect(created.status, created.text).toBe(201);
    const patched = await t.api
      .patch(`/api/v1/people/${created.body.id}`)
      .set('authorization', token)
      .set('if-match', created.headers.etag!)
      .send({ position: 'Phó Chủ tịch UBND' });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.position).toBe('Phó Chủ tịch UBND');
    const deleted = await t.api.delete(`/api/v1/people/${created.body.id}`).set('authorization', token);
    expect(deleted.status, deleted.text).toBe(200);
    expect(await t.database.db.select().from(people).where(eq(people.id, created.body.id))).toEqual([]);
  });

  it('the officer of Phòng Tư pháp manages Phòng Tư pháp but not Thạch Hải', async () => {
    const token = await t.auth(DEMO.otherUnitOfficer);
    const tp = await firstPersonOf(tuPhap);
    const ok = await t.api
      .patch(`/api/v1/people/${tp.id}`)
      .set('authorization', token)
      .set('if-match', `"v${tp.version}"`)
      .send({ phone: '0239 3855 123' });
    expect(ok.status, ok.text).toBe(200);
    const th = await firstPersonOf(thachHai);
    expectProblem(await t.api.delete(`/api/v1/people/${th.id}`).set('authorization', token), 404);
  });

  it('staff, observers and leaders cannot change anyone (403 at the route)', async () => {
    const target = await firstPersonOf(thachHai);
    for (const email of [DEMO.staff, DEMO.observer, DEMO.leader]) {
      const res = await t.api.delete(`/api/v1/people/${target.id}`).set('authorization', await t.auth(email));
      expectProblem(res, 403);
    }
    expect(await t.database.db.select().from(people).where(eq(people.id, target.id))).toEqual([target]);
  });
});
