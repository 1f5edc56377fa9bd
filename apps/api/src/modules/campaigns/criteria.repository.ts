/** Criterion rows of a campaign: reading, writing and ordering them. Queries only: the rules live in criteria.service.ts. */
import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import type { CriterionListQuery } from '@thidua/contract';
import { criteria } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';

export type CriterionRow = typeof criteria.$inferSelect;

/** A campaign's criteria in their order, optionally of one target or group. */
export async function listCriteriaRows(
  db: Executor,
  campaignId: string,
  query: CriterionListQuery = {},
): Promise<CriterionRow[]> {
  const where = [eq(criteria.campaignId, campaignId)];
  if (query.target) where.push(eq(criteria.target, query.target));
  if (query.group) where.push(eq(criteria.group, query.group));
  return db
    .select()
    .from(criteria)
    .where(and(...where))
    .orderBy(asc(criteria.position), asc(criteria.id));
}

export async function findCriterionRow(
  db: Executor,
  campaignId: string,
  criterionId: string,
): Promise<CriterionRow | null> {
  const [row] = await db
    .select()
    .from(criteria)
    .where(and(eq(criteria.id, criterionId), eq(criteria.campaignId, campaignId)));
  return row ?? null;
}

/** The id of the campaign's criterion with this code for this target, or null. */
export async function findCriterionIdByCode(
  db: Executor,
  campaignId: string,
  target: string,
  code: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: criteria.id })
    .from(criteria)
    .where(and(eq(criteria.campaignId, campaignId), eq(criteria.target, target), eq(criteria.code, code)));
  return row?.id ?? null;
}

export async function countCriteria(db: Executor, campaignId: string): Promise<number> {
  const [n] = await db.select({ n: count() }).from(criteria).where(eq(criteria.campaignId, campaignId));
  return n?.n ?? 0;
}

/** The highest position among the campaign's criteria, or null when it has none. */
export async function findLastCriterionPosition(db: Executor, campaignId: string): Promise<number | null> {
  const [last] = await db
    .select({ n: max(criteria.position) })
    .from(criteria)
    .where(eq(criteria.campaignId, campaignId));
  return last?.n ?? null;
}

export async function insertCriterionRows(tx: Tx, values: (typeof criteria.$inferInsert)[]): Promise<void> {
  await tx.insert(criteria).values(values);
}

export async function insertCriterionRow(tx: Tx, values: typeof criteria.$inferInsert): Promise<CriterionRow> {
  const [row] = await tx.insert(criteria).values(values).returning();
  return row!;
}

/** Writes the changes if the row is still at `expectedVersion` (and bumps it); null when it is not. */
export async function updateCriterionRow(
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof criteria.$inferInsert>,
): Promise<CriterionRow | null> {
  const [row] = await tx
    .update(criteria)
    .set({ ...changes, updatedAt: new Date(), version: sql`${criteria.version} + 1` })
    .where(and(eq(criteria.id, id), eq(criteria.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function deleteCriterionRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(criteria).where(eq(criteria.id, id));
}

/** Moves a criterion to a position (and stamps it, when `updatedAt` is given). */
export async function setCriterionPosition(
  tx: Tx,
  id: string,
  changes: { position: number; updatedAt?: Date },
): Promise<void> {
  await tx.update(criteria).set(changes).where(eq(criteria.id, id));
}
