/** Queries on the units table (and the counts of what refers to a unit before it is deleted). */
import { and, asc, count, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { UnitKind } from '@thidua/contract';
import { people, units, userRoles } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { matchesSearch } from '../../lib/search.ts';

export type UnitRow = typeof units.$inferSelect;
/** A unit as answers need it: search_key serves the database's search only. */
export type UnitFields = Omit<UnitRow, 'searchKey'>;
const { searchKey: _searchKey, ...unitFields } = getTableColumns(units);

export async function findUnitRow(db: Executor, id: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

export interface UnitFilter {
  q?: string;
  /** The units the reader may see. */
  reach: Reach;
  parentId?: string;
  kind?: UnitKind;
  includeArchived?: boolean;
}

/** A page of units by level, display order and name, and how many match in all. */
export async function findUnitsPage(
  db: Executor,
  filter: UnitFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: UnitRow[]; total: number }> {
  const where: (SQL | undefined)[] = [matchesSearch(units.searchKey, filter.q), unitWithin(filter.reach, units.id)];
  if (filter.parentId) where.push(eq(units.parentId, filter.parentId));
  if (filter.kind) where.push(eq(units.kind, filter.kind));
  if (!filter.includeArchived) where.push(eq(units.archived, false));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(units)
      .where(cond)
      .orderBy(asc(units.level), asc(units.displayOrder), asc(units.name), asc(units.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(units).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every unit (archived ones too, if asked) in display order, without the search key. */
export async function allUnitFields(db: Executor, includeArchived: boolean): Promise<UnitFields[]> {
  // Only the answer's columns: with a thousand units, reading and mapping search_key too is measurable.
  return db
    .select(unitFields)
    .from(units)
    .where(includeArchived ? undefined : eq(units.archived, false))
    .orderBy(asc(units.displayOrder), asc(units.name));
}

export async function findUnitIdByCode(db: Executor, code: string): Promise<string | null> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return row?.id ?? null;
}

export async function insertUnit(tx: Tx, values: typeof units.$inferInsert): Promise<UnitRow> {
  const [row] = await tx.insert(units).values(values).returning();
  return row!;
}

/** Writes `set` and bumps the version if the unit is still at `expectedVersion`; null otherwise. */
export async function updateUnitAtVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  set: Partial<typeof units.$inferInsert>,
): Promise<UnitRow | null> {
  const [row] = await tx
    .update(units)
    .set({ ...set, version: sql`${units.version} + 1` })
    .where(and(eq(units.id, id), eq(units.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function setUnitsLevel(tx: Tx, ids: string[], level: number): Promise<void> {
  await tx.update(units).set({ level }).where(inArray(units.id, ids));
}

export async function childUnitIds(tx: Tx, parentIds: string[]): Promise<string[]> {
  const children = await tx.select({ id: units.id }).from(units).where(inArray(units.parentId, parentIds));
  return children.map((c) => c.id);
}

export async function countChildUnits(tx: Tx, id: string): Promise<number> {
  const [children] = await tx.select({ n: count() }).from(units).where(eq(units.parentId, id));
  return children?.n ?? 0;
}

/** How many staff members work in the unit and role grants are held there. */
export async function countUnitMembers(tx: Tx, id: string): Promise<number> {
  const [staff] = await tx.select({ n: count() }).from(people).where(eq(people.unitId, id));
  const [grants] = await tx.select({ n: count() }).from(userRoles).where(eq(userRoles.unitId, id));
  return (staff?.n ?? 0) + (grants?.n ?? 0);
}

export async function deleteUnitRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(units).where(eq(units.id, id));
}
