/**
 * Tampering with the audit log as its table's owner could: the append-only trigger (migration 0007)
 * refuses the app's own connection, so the tamper tests switch it off for one transaction, as an
 * owner (or a superuser) can — which is what the keyed chain and the checkpoints must still catch.
 */
import { asc, gte, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../src/db/client.ts';
import { auditEvents } from '../../src/db/schema/index.ts';
import { hashOf, keyedHashOf } from '../../src/modules/audit/audit.service.ts';
import type { AuditKey } from '../../src/modules/audit/audit-key.ts';

export async function asTableOwner(db: Db, change: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await change(tx);
    await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  });
}

/**
 * Rewrites the events from `fromSeq` on with fresh hashes (`edit` first applied to the event at
 * `fromSeq`): unkeyed, as anyone knowing the algorithm could, or keyed with `key`.
 */
export async function recomputeChain(
  db: Db,
  fromSeq: number,
  opts: { key?: AuditKey; edit?: Partial<typeof auditEvents.$inferSelect> } = {},
): Promise<void> {
  await asTableOwner(db, async (tx) => {
    const rows = await tx.select().from(auditEvents).where(gte(auditEvents.seq, fromSeq)).orderBy(asc(auditEvents.seq));
    let prevHash = fromSeq === 1 ? '0'.repeat(64) : await hashAt(tx, fromSeq - 1);
    for (const row of rows) {
      const { hash: _old, ...content } = { ...row, ...(row.seq === fromSeq ? opts.edit : {}), prevHash };
      const hash = opts.key ? keyedHashOf(content, opts.key) : hashOf(content);
      await tx
        .update(auditEvents)
        .set({ ...content, hash })
        .where(sql`${auditEvents.seq} = ${row.seq}`);
      prevHash = hash;
    }
  });
}

async function hashAt(db: Executor, seq: number): Promise<string> {
  const [row] = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(sql`${auditEvents.seq} = ${seq}`);
  return row!.hash;
}
