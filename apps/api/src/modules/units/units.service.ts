/**
 * The tree of units. Any depth; a unit's level follows from its parent and level names come from
 * settings, so nothing assumes a "district". A referenced unit is archived, never deleted.
 */
import { and, asc, count, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { CreateUnitBody, Unit, UnitListQuery, UpdateUnitBody } from '@thidua/contract';
import { people, units, userRoles } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { Conflict, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { reachesUnit, reachOf, unitWithin } from '../../lib/access.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { matchesSearch, searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import { getLevelNames, levelName } from '../settings/index.ts';

type Row = typeof units.$inferSelect;
/** A unit as answers need it: search_key serves the database's search only. */
type UnitFields = Omit<Row, 'searchKey'>;
const { searchKey: _searchKey, ...unitFields } = getTableColumns(units);

export function toUnit(r: UnitFields, names: string[]): Unit {
  return {
    id: r.id,
    parentId: r.parentId,
    code: r.code,
    name: r.name,
    kind: r.kind as Unit['kind'],
    level: r.level,
    levelName: levelName(names, r.level),
    displayOrder: r.displayOrder,
    address: r.address,
    phone: r.phone,
    email: r.email,
    archived: r.archived,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export async function findUnitRow(db: Executor, id: string): Promise<Row | null> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function getUnit(db: Executor, actor: Actor, id: string): Promise<Unit> {
  const row = await findUnitRow(db, id);
  if (!row || !reachesUnit(reachOf(actor, 'unit.read'), row.id)) throw NotFound('unit');
  return toUnit(row, await getLevelNames(db));
}

export async function listUnits(db: Executor, actor: Actor, query: UnitListQuery) {
  const { page, pageSize, offset } = pageParams(query);
  const where: (SQL | undefined)[] = [
    matchesSearch(units.searchKey, query.q),
    unitWithin(reachOf(actor, 'unit.read'), units.id),
  ];
  if (query.parentId) where.push(eq(units.parentId, query.parentId));
  if (query.kind) where.push(eq(units.kind, query.kind));
  if (!query.includeArchived) where.push(eq(units.archived, false));
  const cond = and(...where);
  const [rows, [total], names] = await Promise.all([
    db
      .select()
      .from(units)
      .where(cond)
      .orderBy(asc(units.level), asc(units.displayOrder), asc(units.name), asc(units.id))
      .limit(pageSize)
      .offset(offset),
    db.select({ n: count() }).from(units).where(cond),
    getLevelNames(db),
  ]);
  return { items: rows.map((r) => toUnit(r, names)), page, pageSize, total: total?.n ?? 0 };
}

/**
 * All units depth-first, siblings in display order: the tree as a flat list. Without archived units,
 * an archived unit's whole subtree is left out with it (its descendants would otherwise float up as
 * roots whose level no longer matches their place in the list).
 */
export async function unitTree(db: Executor, actor: Actor, includeArchived = false): Promise<Unit[]> {
  const reach = reachOf(actor, 'unit.read');
  const [all, names] = await Promise.all([
    // Only the answer's columns: with a thousand units, reading and mapping search_key too is measurable.
    db
      .select(unitFields)
      .from(units)
      .where(includeArchived ? undefined : eq(units.archived, false))
      .orderBy(asc(units.displayOrder), asc(units.name)),
    getLevelNames(db),
  ]);
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
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (row && row.id !== exceptId) throw Conflict('unit.code_taken', { code });
}

export async function createUnit(db: Db, ctx: Ctx, body: CreateUnitBody): Promise<Unit> {
  return db.transaction(async (tx) => {
    const parent = body.parentId ? await findUnitRow(tx, body.parentId) : null;
    if (body.parentId && !parent)
      throw Invalid([{ field: '/parentId', code: 'unit.parent_not_found' }], 'unit.parent_not_found');
    await assertCodeFree(tx, body.code);
    const [row] = await tx
      .insert(units)
      .values({
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
      })
      .returning();
    const unit = toUnit(row!, await getLevelNames(tx));
    await recordAudit(tx, ctx, { action: 'unit.create', objectType: 'unit', objectId: unit.id, after: unit });
    return unit;
  });
}

/** Re-levels a moved subtree: the root gets `level`, each generation below one more. */
export async function relevel(tx: Tx, rootId: string, level: number): Promise<void> {
  let frontier = [rootId];
  let depth = level;
  while (frontier.length) {
    await tx.update(units).set({ level: depth }).where(inArray(units.id, frontier));
    const children = await tx.select({ id: units.id }).from(units).where(inArray(units.parentId, frontier));
    frontier = children.map((c) => c.id);
    depth++;
  }
}

async function isDescendant(tx: Tx, candidateId: string, ancestorId: string): Promise<boolean> {
  let current: string | null = candidateId;
  for (let guard = 0; current && guard < 1000; guard++) {
    if (current === ancestorId) return true;
    const row: Row | null = await findUnitRow(tx, current);
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
    const [row] = await tx
      .update(units)
      .set({
        ...body,
        searchKey: unitSearchKey({ name, code }),
        updatedAt: new Date(),
        version: sql`${units.version} + 1`,
      })
      .where(and(eq(units.id, id), eq(units.version, expectedVersion)))
      .returning();
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
    const [children] = await tx.select({ n: count() }).from(units).where(eq(units.parentId, id));
    if (children && children.n > 0) throw Conflict('unit.has_children');
    const [staff] = await tx.select({ n: count() }).from(people).where(eq(people.unitId, id));
    const [grants] = await tx.select({ n: count() }).from(userRoles).where(eq(userRoles.unitId, id));
    if ((staff?.n ?? 0) + (grants?.n ?? 0) > 0) throw Conflict('unit.in_use');
    // Rows of other modules that still refer to the unit make this fail with 23503 → 409.
    await tx.delete(units).where(eq(units.id, id));
    await recordAudit(tx, ctx, {
      action: 'unit.delete',
      objectType: 'unit',
      objectId: id,
      before: toUnit(before, await getLevelNames(tx)),
    });
  });
}
