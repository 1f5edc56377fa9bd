/** Queries on the people table; a person is read with the name of their unit. */
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import { people, units } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { folded, matchesSearch, searchRank } from '../../lib/search.ts';
import { updateAtVersion } from '../../lib/versioned.ts';

export type PersonRow = typeof people.$inferSelect;
/** A person's row with the name of the unit they work in. */
export interface PersonWithUnit {
  person: PersonRow;
  unitName: string;
}

const columns = { person: people, unitName: units.name };

export interface PersonFilter {
  q?: string;
  /** The name alone (the default), or the position and e-mail too (search_key). */
  searchIn?: 'name' | 'all';
  /** The units whose staff the reader may see. */
  reach: Reach;
  unitId?: string;
  includeArchived?: boolean;
}

/** The full name as search_key folds it (search_key itself holds the position and e-mail too). */
const foldedName = folded(people.fullName);

/**
 * A page of people, and how many match in all: by name, or with q the best matches of the name
 * first (searchRank). search_key's trigram index narrows the rows; a name-only search then keeps
 * those whose name holds every word.
 */
export async function findPeoplePage(
  db: Executor,
  filter: PersonFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: PersonWithUnit[]; total: number }> {
  const where: (SQL | undefined)[] = [
    matchesSearch(people.searchKey, filter.q),
    filter.searchIn === 'all' ? undefined : matchesSearch(foldedName, filter.q),
    unitWithin(filter.reach, people.unitId),
  ];
  if (filter.unitId) where.push(eq(people.unitId, filter.unitId));
  if (!filter.includeArchived) where.push(eq(people.archived, false));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(cond)
      .orderBy(...searchRank(foldedName, filter.q), asc(people.fullName), asc(people.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(people).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findPerson(db: Executor, id: string): Promise<PersonWithUnit | null> {
  const [row] = await db
    .select(columns)
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.id, id));
  return row ?? null;
}

export async function unitExists(db: Executor, unitId: string): Promise<boolean> {
  const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  return !!u;
}

export async function insertPerson(tx: Tx, values: typeof people.$inferInsert): Promise<void> {
  await tx.insert(people).values(values);
}

/** Writes `set` and bumps the version if the person is still at `expectedVersion`; false otherwise. */
export async function updatePersonAtVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  set: Partial<typeof people.$inferInsert>,
): Promise<boolean> {
  return (await updateAtVersion(tx, people, id, expectedVersion, set)) !== null;
}

export async function deletePersonRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(people).where(eq(people.id, id));
}

/** How many staff members each of the units has (units without any are left out). */
export async function countPeopleByUnit(db: Executor, unitIds: string[]) {
  if (!unitIds.length) return new Map<string, number>();
  const rows = await db
    .select({ unitId: people.unitId, n: count() })
    .from(people)
    .where(inArray(people.unitId, unitIds))
    .groupBy(people.unitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}
