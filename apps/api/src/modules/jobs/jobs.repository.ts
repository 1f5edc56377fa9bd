/** Job rows for the administrator: a filtered page, newest first, and the retry of a failed one. */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { JobListQuery } from '@thidua/contract';
import { jobs } from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';

export type JobRow = typeof jobs.$inferSelect;

export async function findJobPage(
  db: Executor,
  query: Pick<JobListQuery, 'status' | 'kind'>,
  page: { limit: number; offset: number },
): Promise<{ rows: JobRow[]; total: number }> {
  const filters: SQL[] = [];
  if (query.status) filters.push(eq(jobs.status, query.status));
  if (query.kind) filters.push(eq(jobs.kind, query.kind));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(jobs)
      .where(where)
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(jobs).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

export async function findJobRow(db: Executor, id: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

/** A failed job, pending again at `now` with a fresh count of attempts; null when it is not failed (any more). */
export async function retryFailedJobRow(db: Executor, id: string, now: Date): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'pending', runAt: now, attempts: 0, finishedAt: null, lockedBy: null, lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'failed')))
    .returning();
  return row ?? null;
}
