/**
 * The tree of units. Any depth; a unit's level follows from its parent and level names come from
 * settings, so nothing assumes a "district". A referenced unit is archived, never deleted.
 */
import type { CreateUnitBody, Unit, UnitListQuery, UpdateUnitBody } from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { Conflict, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { reachesUnit, reachOf } from '../../lib/access.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import { getLevelNames } from '../settings/index.ts';
import {
  allUnitFields,
  childUnitIds,
  countChildUnits,
  countUnitMembers,
  deleteUnitRow,
  findUnitIdByCode,
  findUnitRow,
  findUnitsPage,
  insertUnit,
  setUnitsLevel,
  updateUnitAtVersion,
  type UnitFields,
  type UnitRow,
} from './units.repository.ts';
import { toUnit } from './units.mapper.ts';

export async function getUnit(db: Executor, actor: Actor, id: string): Promise<Unit> {
  const row = await findUnitRow(db, id);
  if (!row || !reachesUnit(reachOf(actor, 'unit.read'), row.id)) throw NotFound('unit');
  return toUnit(row, await getLevelNames(db));
}

export async function listUnits(db: Executor, actor: Actor, query: UnitListQuery) {
  const { page, pageSize, offset } = pageParams(query);
  const [{ rows, total }, names] = await Promise.all([
    findUnitsPage(db, { ...query, reach: reachOf(actor, 'unit.read') }, { limit: pageSize, offset }),
    getLevelNames(db),
  ]);
  return { items: rows.map((r) => toUnit(r, names)), page, pageSize, total };
}

/**
 * All units depth-first, siblings in display order: the tree as a flat list. Without archived units,
 * an archived unit's whole subtree is left out with it (its descendants would otherwise float up as
 * roots whose level no longer matches their place in the list).
 */
export async function unitTree(db: Executor, actor: Actor, includeArchived = false): Promise<Unit[]> {
  const reach = reachOf(actor, 'unit.read');
  const [all, names] = await Promise.all([allUnitFields(db, includeArchived), getLevelNames(db)]);
  // An authority's own subtree: its top unit (whose parent is out of reach) stands as a root.
  const within = reach.all ? null : new Set(reach.unitIds);
  const rows = within ? all.filter((r) => within.has(r.id)) : all;
  const byParent = new Map<string | null, UnitFields[]>();
  for (const r of rows) {
    const key = within && r.parentId !== null && !within.has(r.parentId) ? null : r.parentId;
    const list = byParent.get(key) ?? [];
    list.push(r);
    byParent.set(key, list);
  }
  const out: Unit[] = [];
  const walk = (parent: string | null) => {
    for (const r of byParent.get(parent) ?? []) {
      out.push(toUnit(r, names));
      walk(r.id);
    }
  };
  walk(null);
  return out;
}

/** The search key of a unit: its name and code, diacritics removed (the import writes it too). */
export function unitSearchKey(u: { name: string; code: string }): string {
  return searchKey(`${u.name} ${u.code}`);
}

async function assertCodeFree(db: Executor, code: string, exceptId?: string) {
  const id = await findUnitIdByCode(db, code);
  if (id && id !== exceptId) throw Conflict('unit.code_taken', { code });
}

export async function createUnit(db: Db, ctx: Ctx, body: CreateUnitBody): Promise<Unit> {
  return db.transaction(async (tx) => {
    const parent = body.parentId ? await findUnitRow(tx, body.parentId) : null;
    if (body.parentId && !parent)
      throw Invalid([{ field: '/parentId', code: 'unit.parent_not_found' }], 'unit.parent_not_found');
    await assertCodeFree(tx, body.code);
    const row = await insertUnit(tx, {
      id: newId('un'),
      parentId: body.parentId,
      code: body.code,
      name: body.name,
      kind: body.kind,
      level: parent ? parent.level + 1 : 0,
      displayOrder: body.displayOrder ?? 0,
      address: body.address ?? null,
      phone: body.phone ?? null,
      email: body.email ?? null,
      searchKey: unitSearchKey(body),
    });
    const unit = toUnit(row, await getLevelNames(tx));
    await recordAudit(tx, ctx, { action: 'unit.create', objectType: 'unit', objectId: unit.id, after: unit });
    return unit;
  });
}

/** Re-levels a moved subtree: the root gets `level`, each generation below one more. */
export async function relevel(tx: Tx, rootId: string, level: number): Promise<void> {
  let frontier = [rootId];
  let depth = level;
  while (frontier.length) {
    await setUnitsLevel(tx, frontier, depth);
    frontier = await childUnitIds(tx, frontier);
    depth++;
  }
}

async function isDescendant(tx: Tx, candidateId: string, ancestorId: string): Promise<boolean> {
  let current: string | null = candidateId;
  for (let guard = 0; current && guard < 1000; guard++) {
    if (current === ancestorId) return true;
    const row: UnitRow | null = await findUnitRow(tx, current);
    current = row?.parentId ?? null;
  }
  return false;
}

export async function updateUnit(
  db: Db,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  body: UpdateUnitBody,
): Promise<Unit> {
  return db.transaction(async (tx) => {
    const before = await findUnitRow(tx, id);
    if (!before) throw NotFound('unit');
    if (before.version !== expectedVersion) throw PreconditionFailed();
    if (body.code && body.code !== before.code) await assertCodeFree(tx, body.code, id);
    let level = before.level;
    if (body.parentId !== undefined && body.parentId !== before.parentId) {
      if (body.parentId) {
        const parent = await findUnitRow(tx, body.parentId);
        if (!parent) throw Invalid([{ field: '/parentId', code: 'unit.parent_not_found' }], 'unit.parent_not_found');
        if (await isDescendant(tx, body.parentId, id))
          throw Invalid([{ field: '/parentId', code: 'unit.parent_cycle' }], 'unit.parent_cycle');
        level = parent.level + 1;
      } else level = 0;
    }
    const name = body.name ?? before.name;
    const code = body.code ?? before.code;
    const row = await updateUnitAtVersion(tx, id, expectedVersion, {
      ...body,
      searchKey: unitSearchKey({ name, code }),
      updatedAt: new Date(),
    });
    if (!row) throw PreconditionFailed();
    if (level !== before.level) await relevel(tx, id, level);
    const names = await getLevelNames(tx);
    const after = toUnit((await findUnitRow(tx, id))!, names);
    await recordAudit(tx, ctx, {
      action: 'unit.update',
      objectType: 'unit',
      objectId: id,
      before: toUnit(before, names),
      after,
    });
    return after;
  });
}

/** Deletes a unit nothing refers to; anything referenced must be archived instead (409). */
export async function deleteUnit(db: Db, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findUnitRow(tx, id);
    if (!before) throw NotFound('unit');
    if ((await countChildUnits(tx, id)) > 0) throw Conflict('unit.has_children');
    if ((await countUnitMembers(tx, id)) > 0) throw Conflict('unit.in_use');
    // Rows of other modules that still refer to the unit make this fail with 23503 → 409.
    await deleteUnitRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'unit.delete',
      objectType: 'unit',
      objectId: id,
      before: toUnit(before, await getLevelNames(tx)),
    });
  });
}
