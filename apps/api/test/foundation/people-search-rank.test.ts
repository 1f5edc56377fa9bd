/**
 * People search (issue 11, bug 6): the name is searched unless the caller asks for the position and
 * e-mail too (searchIn=all), and the exact name comes first, then names starting with the words
 * typed, then names with a word starting with them — on PGlite and PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
let admin: string;
let unitId: string;

const STAFF = [
  { fullName: 'Đặng Thu Lan', position: 'Chuyên viên' },
  { fullName: 'Lê Đặng Thu Yến', position: 'Chuyên viên' },
  { fullName: 'Đặng Thu Yến', position: 'Chuyên viên' },
  { fullName: 'Nguyễn Văn Nam', position: 'Cán sự' },
  { fullName: 'Nguyễn Hải Yến', position: 'Phó Trưởng phòng' },
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.auth(DEMO.admin);
  // A unit of the test's own, so that the demo's staff do not blur what is asserted.
  const unit = await t.api
    .post('/api/v1/units')
    .set('authorization', admin)
    .send({
      parentId: await t.unitId('TP'),
      code: `TP-${randomBytes(3).toString('hex')}`,
      name: 'Tổ pháp chế',
      kind: 'other',
    });
  expect(unit.status, unit.text).toBe(201);
  unitId = unit.body.id;
  for (const person of STAFF) {
    const res = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .send({ unitId, ...person });
    expect(res.status, res.text).toBe(201);
  }
});
afterAll(() => t.close());

async function search(q: string, extra: Record<string, string> = {}): Promise<string[]> {
  const res = await t.api
    .get('/api/v1/people')
    .query({ unitId, q, pageSize: 100, ...extra })
    .set('authorization', admin);
  expect(res.status, res.text).toBe(200);
  expect(res.body.total).toBe(res.body.items.length);
  return res.body.items.map((p: { fullName: string }) => p.fullName);
}

describe('searching people by name', () => {
  it('the exact name finds that person, and not a namesake whose position holds one of the words', async () => {
    for (const q of ['Đặng Thu Yến', 'dang thu yen', 'ĐẶNG THU YẾN']) {
      const found = await search(q);
      expect(found[0], q).toBe('Đặng Thu Yến');
      expect(found, q).not.toContain('Đặng Thu Lan');
    }
  });

  it('"yen" does not match "Chuyên viên": only names, and the names with a word "Yến" before "Nguyễn"', async () => {
    const found = await search('yen');
    expect(found).not.toContain('Đặng Thu Lan');
    expect(found.slice(0, 3).sort()).toEqual(['Lê Đặng Thu Yến', 'Nguyễn Hải Yến', 'Đặng Thu Yến'].sort());
    expect(found.at(-1)).toBe('Nguyễn Văn Nam');
  });

  it('names starting with the words typed come before names that hold them further in', async () => {
    const found = await search('dang thu');
    expect(found.slice(0, 2).sort()).toEqual(['Đặng Thu Lan', 'Đặng Thu Yến'].sort());
    expect(found[2]).toBe('Lê Đặng Thu Yến');
  });

  it('searchIn=all looks in the position too, still with the exact name first', async () => {
    expect(await search('chuyen vien')).toEqual([]);
    expect((await search('chuyen vien', { searchIn: 'all' })).sort()).toEqual(
      ['Lê Đặng Thu Yến', 'Đặng Thu Lan', 'Đặng Thu Yến'].sort(),
    );
    const all = await search('Đặng Thu Yến', { searchIn: 'all' });
    expect(all).toEqual(['Đặng Thu Yến', 'Lê Đặng Thu Yến', 'Đặng Thu Lan']);
  });

  it('an unknown searchIn is refused with 400', async () => {
    expectProblem(
      await t.api.get('/api/v1/people').query({ q: 'yen', searchIn: 'phone' }).set('authorization', admin),
      400,
    );
  });
});
