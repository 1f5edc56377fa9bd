/**
 * The unit tree: any depth, listed depth-first with levels; a unit cannot be moved under itself or a
 * descendant; a unit with staff is archived, not deleted; level names are configurable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { units } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';

let t: TestApp;
let admin: string;
let root: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.auth(DEMO.admin);
  root = await t.unitId('UBND-TH');
});
afterAll(() => t.close());

interface UnitDto {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: number;
  levelName: string;
  version: number;
  archived: boolean;
}

let n = 0;
async function create(parentId: string | null, name = `Đơn vị ${n + 1}`): Promise<UnitDto> {
  const res = await t.api
    .post('/api/v1/units')
    .set('authorization', admin)
    .send({ parentId, code: `CAY-${++n}`, name, kind: 'other' });
  expect(res.status, res.text).toBe(201);
  return res.body;
}
const read = async (id: string): Promise<UnitDto> =>
  (await t.api.get(`/api/v1/units/${id}`).set('authorization', admin)).body;
const patch = async (id: string, body: Record<string, unknown>) => {
  const current = await read(id);
  return t.api
    .patch(`/api/v1/units/${id}`)
    .set('authorization', admin)
    .set('if-match', `"v${current.version}"`)
    .send(body);
};
const tree = async (query: Record<string, string> = {}): Promise<UnitDto[]> => {
  const res = await t.api
    .get('/api/v1/units/tree')
    .query(query)
    .set('authorization', await t.auth(DEMO.staff));
  expect(res.status).toBe(200);
  return res.body.items;
};

/** Depth-first order: each unit's parent is on the path of units open above it; levels count that path. */
function expectDepthFirst(items: UnitDto[]) {
  const path: UnitDto[] = [];
  for (const u of items) {
    while (path.length && path[path.length - 1]!.id !== u.parentId) path.pop();
    if (u.parentId !== null) expect(path.length, `${u.name}: parent not open above it`).toBeGreaterThan(0);
    expect(u.level, `${u.name} level`).toBe(path.length);
    path.push(u);
  }
}

describe('the tree', () => {
  it('is listed depth-first with levels, to any depth', async () => {
    const a = await create(await t.unitId('XA-THACHHAI'), 'Thôn Bắc');
    const b = await create(a.id, 'Xóm 1 thôn Bắc');
    const c = await create(b.id, 'Tổ 1 xóm 1');
    expect([a.level, b.level, c.level]).toEqual([2, 3, 4]);
    const items = await tree();
    expectDepthFirst(items);
    const ids = items.map((u) => u.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(ids.indexOf(b.id)).toBe(ids.indexOf(a.id) + 1);
    expect(ids.indexOf(c.id)).toBe(ids.indexOf(b.id) + 1);
    expect(items[0]!.id).toBe(root);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('moving a unit re-levels its whole subtree', async () => {
    const a = await create(await t.unitId('TP'), 'Tổ hòa giải');
    const b = await create(a.id, 'Nhóm hòa giải 1');
    const res = await patch(a.id, { parentId: root });
    expect(res.status, res.text).toBe(200);
    expect(res.body.level).toBe(1);
    expect((await read(b.id)).level).toBe(2);
    expectDepthFirst(await tree());
  });

  it('a unit cannot be moved under itself (400 unit.parent_cycle)', async () => {
    const a = await create(root);
    const res = await patch(a.id, { parentId: a.id });
    expectProblem(res, 400, 'unit.parent_cycle');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/parentId', code: 'unit.parent_cycle' })]);
    expect((await read(a.id)).parentId).toBe(root);
  });

  it('a unit cannot be moved under its own descendant (400 unit.parent_cycle), and nothing moves', async () => {
    const a = await create(root, 'Khối A');
    const b = await create(a.id, 'Khối A - B');
    const c = await create(b.id, 'Khối A - B - C');
    const res = await patch(a.id, { parentId: c.id });
    expectProblem(res, 400, 'unit.parent_cycle');
    expect((await read(a.id)).parentId).toBe(root);
    expect((await read(c.id)).parentId).toBe(b.id);
    expectDepthFirst(await tree());
  });

  it('the root cannot be moved under any unit of the tree', async () => {
    const res = await patch(root, { parentId: await t.unitId('XA-DINHBAN') });
    expectProblem(res, 400, 'unit.parent_cycle');
  });

  it('a parent that does not exist is refused with 400', async () => {
    const a = await create(root);
    expectProblem(await patch(a.id, { parentId: 'un_khong_ton_tai' }), 400, 'unit.parent_not_found');
    const res = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .send({ parentId: 'un_khong_ton_tai', code: 'MO-COI', name: 'Mồ côi', kind: 'other' });
    expectProblem(res, 400, 'unit.parent_not_found');
  });

  it('a unit code is unique (409 unit.code_taken), on create and on rename', async () => {
    const a = await create(root);
    const dup = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .send({ parentId: root, code: a.code, name: 'Trùng', kind: 'other' });
    expectProblem(dup, 409, 'unit.code_taken');
    expect(dup.body.detail).toContain(a.code);
    const b = await create(root);
    expectProblem(await patch(b.id, { code: a.code }), 409, 'unit.code_taken');
  });
});

describe('deleting and archiving', () => {
  it('a unit with staff cannot be deleted (409 unit.in_use) and stays', async () => {
    const id = await t.unitId('XA-THACHKHE');
    const res = await t.api.delete(`/api/v1/units/${id}`).set('authorization', admin);
    expectProblem(res, 409, 'unit.in_use');
    expect(res.body.detail).toMatch(/lưu trữ/);
    expect((await t.database.db.select().from(units).where(eq(units.id, id))).length).toBe(1);
  });

  it('a unit with child units cannot be deleted (409 unit.has_children)', async () => {
    const a = await create(root);
    await create(a.id);
    expectProblem(await t.api.delete(`/api/v1/units/${a.id}`).set('authorization', admin), 409, 'unit.has_children');
  });

  it('an unreferenced unit is deleted', async () => {
    const a = await create(root);
    expect((await t.api.delete(`/api/v1/units/${a.id}`).set('authorization', admin)).status).toBe(200);
    expectProblem(await t.api.get(`/api/v1/units/${a.id}`).set('authorization', admin), 404);
  });

  it('archiving hides a unit (and its subtree) from lists and the tree, but keeps it readable and restorable', async () => {
    const id = await t.unitId('XA-THACHKHE');
    const child = await create(id, 'Thôn Khê Thượng');
    const res = await patch(id, { archived: true });
    expect(res.status, res.text).toBe(200);
    expect(res.body.archived).toBe(true);
    const list = await t.api.get('/api/v1/units').query({ q: 'thach khe', pageSize: 100 }).set('authorization', admin);
    expect(list.body.items.map((u: UnitDto) => u.id)).not.toContain(id);
    const withArchived = await t.api
      .get('/api/v1/units')
      .query({ q: 'thach khe', includeArchived: 'true' })
      .set('authorization', admin);
    expect(withArchived.body.items.map((u: UnitDto) => u.id)).toContain(id);
    const visible = await tree();
    expect(visible.map((u) => u.id)).not.toContain(id);
    expect(visible.map((u) => u.id)).not.toContain(child.id);
    expectDepthFirst(visible);
    const all = await tree({ includeArchived: 'true' });
    expect(all.map((u) => u.id)).toContain(id);
    expectDepthFirst(all);
    expect((await read(id)).archived).toBe(true);
    const restored = await patch(id, { archived: false });
    expect(restored.body.archived).toBe(false);
    expect((await tree()).map((u) => u.id)).toContain(child.id);
  });
});

describe('level names', () => {
  it("are configurable and name each unit's level; the deepest name covers deeper levels", async () => {
    const before = (await t.api.get('/api/v1/units/level-names').set('authorization', admin)).body.levels as string[];
    try {
      const names = ['Cấp huyện', 'Cấp phòng, xã', 'Cấp thôn, tổ'];
      const put = await t.api.put('/api/v1/units/level-names').set('authorization', admin).send({ levels: names });
      expect(put.status, put.text).toBe(200);
      expect(put.body.levels).toEqual(names);
      expect(
        (await t.api.get('/api/v1/units/level-names').set('authorization', await t.auth(DEMO.staff))).body.levels,
      ).toEqual(names);
      expect((await read(root)).levelName).toBe('Cấp huyện');
      expect((await read(await t.unitId('XA-THACHHAI'))).levelName).toBe('Cấp phòng, xã');
      const a = await create(await t.unitId('XA-THACHHAI'));
      const deep = await create(a.id);
      expect((await read(a.id)).levelName).toBe('Cấp thôn, tổ');
      expect(deep.level).toBe(3);
      expect((await read(deep.id)).levelName).toBe('Cấp thôn, tổ');
      const inTree = (await tree()).find((u) => u.id === a.id)!;
      expect(inTree.levelName).toBe('Cấp thôn, tổ');
    } finally {
      await t.api.put('/api/v1/units/level-names').set('authorization', admin).send({ levels: before });
    }
  });

  it('renaming levels is audited and refused to non-admins', async () => {
    const current = (await t.api.get('/api/v1/units/level-names').set('authorization', admin)).body.levels as string[];
    expectProblem(
      await t.api
        .put('/api/v1/units/level-names')
        .set('authorization', await t.auth(DEMO.secretariat))
        .send({ levels: ['X'] }),
      403,
    );
    const put = await t.api
      .put('/api/v1/units/level-names')
      .set('authorization', admin)
      .set('x-request-id', 'req-level-names')
      .send({ levels: current });
    expect(put.status).toBe(200);
    const audit = await t.api
      .get('/api/v1/audit-events')
      .query({ action: 'setting.update', objectId: 'unit.levelNames' })
      .set('authorization', admin);
    expect(audit.body.items[0]).toMatchObject({ requestId: 'req-level-names', after: current });
  });

  it('an empty name or more than 10 levels is refused with 400', async () => {
    expectProblem(
      await t.api
        .put('/api/v1/units/level-names')
        .set('authorization', admin)
        .send({ levels: ['Cấp 1', ''] }),
      400,
    );
    expectProblem(
      await t.api
        .put('/api/v1/units/level-names')
        .set('authorization', admin)
        .send({ levels: Array.from({ length: 11 }, (_, i) => `Cấp ${i}`) }),
      400,
    );
  });
});
