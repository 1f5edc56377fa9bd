/**
 * Optimistic concurrency, written once: every record carries a `version` that each write bumps,
 * and a change made against a version that has since moved on writes nothing (the caller answers
 * 412). Repositories call this instead of each spelling the same conditional update.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.ts';

/** A table whose rows have an id, a version and an updatedAt stamp. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Writes `changes` if the row is still at `expectedVersion` (and meets `also`, e.g. a status),
 * bumping it; null when it was not.
 */
export async function updateAtVersion<T extends VersionedTable>(
  tx: Tx,
  table: T,
  id: string,
  expectedVersion: number,
  changes: Partial<T['$inferInsert']>,
  also?: SQL,
): Promise<{ id: string } | null> {
  const [row] = (await tx
    .update(table)
    .set({ ...changes, updatedAt: new Date(), version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion), also))
    .returning({ id: table.id })) as { id: string }[];
  return row ?? null;
}
