/**
 * Queries of the reception desk: the queue's candidates (only what ordering and search need; the
 * dossiers themselves come from the dossiers module's loader), the locked row of one dossier, and
 * the writes the desk makes outside a state move (the checklist).
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { awardTypes, campaigns, dossiers, people, units, users } from '../../db/schema/index.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { folded, matchesSearch } from '../../lib/search.ts';

export type DeskRow = typeof dossiers.$inferSelect;

/** A select over the dossiers with the tables the queue shows and searches. */
function joined<Q extends ReturnType<Executor['select']>>(select: Q) {
  return select
    .from(dossiers)
    .innerJoin(campaigns, eq(campaigns.id, dossiers.campaignId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .leftJoin(people, eq(people.id, dossiers.personId))
    .innerJoin(awardTypes, eq(awardTypes.id, dossiers.awardTypeId));
}

/**
 * One page of the queue's dossier ids in its order (waiting ones oldest first, received and returned
 * ones latest first) and the count of all that match: the search runs in the query, over the
 * nominee's, unit's, campaign's and award type's names and the receipt number, diacritics ignored.
 */
export async function queuePage(
  tx: Executor,
  filter: {
    reach: Reach;
    status: 'submitted' | 'received' | 'returned';
    campaignId?: string | undefined;
    q?: string | undefined;
  },
  page: { limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const searched = sql`concat_ws(' ', ${people.fullName}, ${units.name}, ${campaigns.title}, ${awardTypes.name}, ${dossiers.receiptNumber})`;
  const where = and(
    eq(dossiers.status, filter.status),
    unitWithin(filter.reach, dossiers.authorityUnitId),
    filter.campaignId ? eq(dossiers.campaignId, filter.campaignId) : undefined,
    matchesSearch(folded(searched), filter.q),
  );
  const order =
    filter.status === 'submitted'
      ? [asc(dossiers.submittedAt), asc(dossiers.id)]
      : filter.status === 'received'
        ? [desc(dossiers.receivedAt), asc(dossiers.id)]
        : [desc(dossiers.updatedAt), asc(dossiers.id)];
  // The helper's generic select loses the row type; the fields selected are these.
  const rows = (await joined(tx.select({ id: dossiers.id }))
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)) as { id: string }[];
  const [all] = (await joined(tx.select({ n: count() })).where(where)) as { n: number }[];
  return { ids: rows.map((r) => r.id), total: all?.n ?? 0 };
}

export async function deskRow(tx: Executor, id: string, lock = false): Promise<DeskRow | null> {
  const q = tx.select().from(dossiers).where(eq(dossiers.id, id));
  const [row] = lock ? await q.for('no key update') : await q;
  return row ?? null;
}

export async function updateChecklistAt(
  tx: Executor,
  id: string,
  version: number,
  checklist: Record<string, boolean>,
): Promise<DeskRow | null> {
  const [row] = await tx
    .update(dossiers)
    .set({ checklist, updatedAt: new Date(), version: sql`${dossiers.version} + 1` })
    .where(and(eq(dossiers.id, id), eq(dossiers.version, version)))
    .returning();
  return row ?? null;
}

export async function userName(tx: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await tx.select({ name: users.fullName }).from(users).where(eq(users.id, id));
  return u?.name ?? null;
}
