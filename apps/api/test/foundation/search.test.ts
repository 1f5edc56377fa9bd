/**
 * Lists: search ignores Vietnamese diacritics, đ/Đ included ("dinh ban" finds "Đỉnh Bàn"), and
 * pagination is capped at 100 per page with exact totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { searchKey } from '@thidua/contract';
import { people, units } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.auth(DEMO.unitOfficer);
});
afterAll(() => t.close());

const list = (path: string, query: Record<string, string | number>) =>
  t.api.get(`/api/v1/${path}`).query(query).set('authorization', token);
const names = (res: { body: { items: { name?: string; fullName?: string }[] } }) =>
  res.body.items.map((i) => i.name ?? i.fullName);

describe('searching units', () => {
  it.each([
    ['thach hai', 'UBND xã Thạch Hải'],
    ['Thạch Hải', 'UBND xã Thạch Hải'],
    ['THẠCH HẢI', 'UBND xã Thạch Hải'],
    ['dinh ban', 'UBND xã Đỉnh Bàn'],
    ['ĐỈNH BÀN', 'UBND xã Đỉnh Bàn'],
    ['Dinh  Ban', 'UBND xã Đỉnh Bàn'],
    ['ban dinh', 'UBND xã Đỉnh Bàn'],
    ['tu phap', 'Phòng Tư pháp'],
    ['giao duc dao tao', 'Phòng Giáo dục và Đào tạo'],
    ['luu vinh son', 'UBND xã Lưu Vĩnh Sơn'],
    ['XA-DINHBAN', 'UBND xã Đỉnh Bàn'],
  ])('q=%s finds %s', async (q, expected) => {
    const res = await list('units', { q });
    expect(res.status, res.text).toBe(200);
    expect(names(res)).toContain(expected);
  });

  it('every word must match: "thach hai" does not return Thạch Khê', async () => {
    const res = await list('units', { q: 'thach hai' });
    expect(names(res)).not.toContain('UBND xã Thạch Khê');
    expect(res.body.total).toBe(res.body.items.length);
  });

  it('"dinh" finds Đỉnh Bàn but "đinh" typed with đ does too, and LIKE wildcards are literal', async () => {
    expect(names(await list('units', { q: 'đỉnh' }))).toContain('UBND xã Đỉnh Bàn');
    expect((await list('units', { q: '%' })).body.total).toBe(0);
    expect((await list('units', { q: '_' })).body.total).toBe(0);
  });

  it('a unit created through the API is found without its diacritics', async () => {
    const admin = await t.auth(DEMO.admin);
    const res = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .send({ parentId: await t.unitId('XA-DINHBAN'), code: 'DB-DOI', name: 'Đội văn nghệ Đồng Đức', kind: 'other' });
    expect(res.status).toBe(201);
    expect(names(await list('units', { q: 'doi van nghe dong duc' }))).toEqual(['Đội văn nghệ Đồng Đức']);
  });
});

describe('searching people and accounts', () => {
  it('finds a person by name, and by position when asked, without diacritics, đ included', async () => {
    const admin = await t.auth(DEMO.admin);
    const created = await t.api
      .post('/api/v1/people')
      .set('authorization', admin)
      .send({ unitId: await t.unitId('TP'), fullName: 'Đoàn Thị Ánh Nguyệt', position: 'Chuyên viên pháp chế' });
    expect(created.status).toBe(201);
    expect(names(await list('people', { q: 'doan thi anh nguyet' }))).toEqual(['Đoàn Thị Ánh Nguyệt']);
    expect(names(await list('people', { q: 'ĐOÀN nguyệt' }))).toEqual(['Đoàn Thị Ánh Nguyệt']);
    // The position only when asked for (searchIn=all): by default a search looks at the name.
    expect(names(await list('people', { q: 'nguyet phap che', searchIn: 'all' }))).toEqual(['Đoàn Thị Ánh Nguyệt']);
    expect(names(await list('people', { q: 'nguyet phap che' }))).toEqual([]);
  });

  it('finds demo staff whose names start with Đ', async () => {
    const res = await list('people', { q: 'dang', pageSize: 100 });
    expect(res.body.total).toBeGreaterThan(0);
    // Every match has "dang" somewhere once diacritics are gone (name or position), and Đặng is among them.
    expect(
      res.body.items.every((p: { fullName: string; position: string | null }) =>
        searchKey(`${p.fullName} ${p.position ?? ''}`).includes('dang'),
      ),
    ).toBe(true);
    expect(names(res).some((n) => n!.startsWith('Đặng'))).toBe(true);
  });

  it('finds accounts by name without diacritics (admin)', async () => {
    const res = await t.api
      .get('/api/v1/users')
      .query({ q: 'chu tich thach hai' })
      .set('authorization', await t.auth(DEMO.admin));
    expect(res.body.items.map((u: { email: string }) => u.email)).toEqual([DEMO.unitHead]);
  });
});

describe('pagination', () => {
  it('refuses pageSize over 100 and below 1 with 400', async () => {
    for (const path of ['units', 'people', 'users', 'audit-events']) {
      const auth = await t.auth(DEMO.admin);
      expectProblem(await t.api.get(`/api/v1/${path}`).query({ pageSize: 1000 }).set('authorization', auth), 400);
      expectProblem(await t.api.get(`/api/v1/${path}`).query({ pageSize: 101 }).set('authorization', auth), 400);
      expectProblem(await t.api.get(`/api/v1/${path}`).query({ pageSize: 0 }).set('authorization', auth), 400);
      expect((await t.api.get(`/api/v1/${path}`).query({ pageSize: 100 }).set('authorization', auth)).status).toBe(200);
    }
  });

  it('the total matches the database and the pages together list every unit exactly once', async () => {
    const [row] = await t.database.db.select({ n: count() }).from(units).where(eq(units.archived, false));
    const total = row!.n;
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const res = await list('units', { page, pageSize: 7 });
      expect(res.body.total).toBe(total);
      expect(res.body.page).toBe(page);
      expect(res.body.pageSize).toBe(7);
      if (!res.body.items.length) break;
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('defaults to 20 per page, and a search total counts only the matches', async () => {
    const res = await list('people', {});
    expect(res.body.pageSize).toBe(20);
    expect(res.body.items).toHaveLength(20);
    const [row] = await t.database.db.select({ n: count() }).from(people).where(eq(people.archived, false));
    expect(res.body.total).toBe(row!.n);
    const thachHai = await t.unitId('XA-THACHHAI');
    const inUnit = await list('people', { unitId: thachHai, pageSize: 100 });
    const [inDb] = await t.database.db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.unitId, thachHai), eq(people.archived, false)));
    expect(inUnit.body.total).toBe(inDb!.n);
    expect(inUnit.body.items).toHaveLength(inDb!.n);
  });
});
