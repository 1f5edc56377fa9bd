/** Queries on the audit_events table. The chain's rules (hashing, order, locking) live in audit.service.ts. */
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Takes the transaction-scoped advisory lock under `key`: writers of the chain queue behind it. */
export async function lockAuditChain(tx: Tx, key: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${key})`);
}

/** The newest event's sequence number and hash, or null on an empty log. */
export async function lastAuditLink(tx: Tx): Promise<{ seq: number; hash: string } | null> {
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last ?? null;
}

export async function insertAuditEvent(tx: Tx, row: typeof auditEvents.$inferInsert): Promise<void> {
  await tx.insert(auditEvents).values(row);
}

export interface AuditEventFilter {
  /** Only events of actors working in these units (an authority's reach). */
  reach: Reach;
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  q?: string;
}

/** A page of events matching the filter, newest first, and how many match in all. */
export async function findAuditEventsPage(
  db: Executor,
  filter: AuditEventFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const where: SQL[] = [];
  const within = unitWithin(filter.reach, auditEvents.actorUnitId);
  if (within) where.push(within);
  if (filter.actorId) where.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.objectType) where.push(eq(auditEvents.objectType, filter.objectType));
  if (filter.objectId) where.push(eq(auditEvents.objectId, filter.objectId));
  if (filter.from) where.push(gte(auditEvents.at, filter.from));
  if (filter.to) where.push(lte(auditEvents.at, filter.to));
  if (filter.q) {
    // LIKE wildcards typed in q are taken literally.
    const pattern = '%' + filter.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    where.push(sql`(${auditEvents.action} ILIKE ${pattern} OR ${auditEvents.actorEmail} ILIKE ${pattern})`);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    db.select().from(auditEvents).where(cond).orderBy(desc(auditEvents.seq)).limit(page.limit).offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(cond),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** Up to `limit` events from sequence number `fromSeq` on, in chain order. */
export async function auditEventsFrom(db: Executor, fromSeq: number, limit: number): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).where(gte(auditEvents.seq, fromSeq)).orderBy(asc(auditEvents.seq)).limit(limit);
}
