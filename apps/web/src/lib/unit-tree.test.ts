import { describe, expect, it } from 'vitest';
import type { Unit } from '@thidua/contract';
import { ancestorIds, buildUnitTree, filterUnits, subtreeIds } from './unit-tree.ts';

function unit(id: string, parentId: string | null, name: string, code = id.toUpperCase()): Unit {
  return {
    id,
    parentId,
    code,
    name,
    kind: 'office',
    level: 0,
    levelName: '',
    displayOrder: 0,
    address: null,
    phone: null,
    email: null,
    archived: false,
    createdAt: '2022-01-01T00:00:00.000Z',
    updatedAt: '2022-01-01T00:00:00.000Z',
    version: 1,
  };
}

// Depth-first, as GET /units/tree returns it.
const units = [
  unit('h', null, 'UBND huyện Thạch Hà'),
  unit('nv', 'h', 'Phòng Nội vụ'),
  unit('th', 'h', 'UBND xã Thạch Hải'),
  unit('th-bh', 'th', 'Thôn Bắc Hải'),
  unit('db', 'h', 'UBND xã Đỉnh Bàn'),
];

describe('the unit tree', () => {
  it('nests units under their parents in the order the server gave', () => {
    const [root] = buildUnitTree(units);
    expect(root?.unit.id).toBe('h');
    expect(root?.children.map((c) => c.unit.id)).toEqual(['nv', 'th', 'db']);
    expect(root?.children[1]?.children.map((c) => c.unit.id)).toEqual(['th-bh']);
  });

  it('shows a unit whose parent is not in the list (e.g. archived) as a root', () => {
    expect(buildUnitTree([unit('th-bh', 'th', 'Thôn Bắc Hải')]).map((n) => n.unit.id)).toEqual(['th-bh']);
  });

  it('finds "UBND xã Thạch Hải" when typed without accents, and keeps its district above it', () => {
    const found = filterUnits(units, 'thach hai');
    expect([...(found?.matches ?? [])]).toEqual(['th']);
    expect(found?.visible).toEqual(new Set(['h', 'th']));
  });

  it('treats đ as d, which Unicode does not decompose', () => {
    expect([...(filterUnits(units, 'dinh ban')?.matches ?? [])]).toEqual(['db']);
    expect([...(filterUnits(units, 'ĐỈNH')?.matches ?? [])]).toEqual(['db']);
  });

  it('matches unit codes too, and an empty search filters nothing', () => {
    expect([...(filterUnits(units, 'nv')?.matches ?? [])]).toEqual(['nv']);
    expect(filterUnits(units, '   ')).toBeNull();
  });

  it("knows a unit's subtree (where it may not be moved) and its path from the root", () => {
    expect(subtreeIds(units, 'th')).toEqual(new Set(['th', 'th-bh']));
    expect(ancestorIds(units, 'th-bh')).toEqual(['h', 'th']);
    expect(ancestorIds(units, 'h')).toEqual([]);
  });
});
