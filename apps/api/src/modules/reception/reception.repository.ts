/**
 * Queries of the reception desk: the queue's candidates (only what ordering and search need; the
 * dossiers themselves come from the dossiers module's loader), the locked row of one dossier, and
 * the writes the desk makes outside a state move (the checklist).
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { awardTypes, campaigns, dossiers, people, units, users } from '../../db/schema/index.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';

export type DeskRow = typeof dossiers.$inferSelect;

export interface QueueCandidate {
  id: string;
  campaignTitle: string;
  unitName: string;
  personName: string | null;
  awardTypeName: string;
  receiptNumber: string | null;
}

/** The dossiers of the queue in its order: waiting ones oldest first, received and returned ones latest first. */
export async function queueCandidates(
  tx: Executor,
  filter: { reach: Reach; status: 'submitted' | 'received' | 'returned'; campaignId?: string | undefined },
): Promise<QueueCandidate[]> {
  const where: (SQL | undefined)[] = [
    eq(dossiers.status, filter.status),
    unitWithin(filter.reach, dossiers.authorityUnitId),
    filter.campaignId ? eq(dossiers.campaignId, filter.campaignId) : undefined,
  ];
  const order =
    filter.status === 'submitted'
      ? [asc(dossiers.submittedAt), asc(dossiers.id)]
      : filter.status === 'received'
        ? [desc(dossiers.receivedAt), asc(dossiers.id)]
        : [desc(dossiers.updatedAt), asc(dossiers.id)];
  return tx
    .select({
      id: dossiers.id,
      campaignTitle: campaigns.title,
      unitName: units.name,
      personName: people.fullName,
      awardTypeName: awardTypes.name,
      receiptNumber: dossiers.receiptNumber,
    })
    .from(dossiers)
    .innerJoin(campaigns, eq(campaigns.id, dossiers.campaignId))
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .leftJoin(people, eq(people.id, dossiers.personId))
    .innerJoin(awardTypes, eq(awardTypes.id, dossiers.awardTypeId))
    .where(and(...where))
    .orderBy(...order);
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
