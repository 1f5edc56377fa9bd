/** The dossier module's own queries (the shared loader is dossiers.repository.ts). */
import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  awards,
  criteria,
  criterionReviews,
  dossierDocuments,
  dossiers,
  people,
  submissionVersions,
  submissions,
  units,
} from '../../db/schema/index.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import type { DossierRow } from './dossiers.repository.ts';

export async function lockDossierRow(tx: Executor, id: string): Promise<DossierRow | null> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  return row ?? null;
}

export async function unitRow(tx: Executor, id: string) {
  const [row] = await tx.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function personRow(tx: Executor, id: string) {
  const [row] = await tx.select().from(people).where(eq(people.id, id));
  return row ?? null;
}

/** The dossier ids a reach may list, newest first, with the filters; and the total. */
export async function findDossierPage(
  tx: Executor,
  reach: Reach,
  filters: { campaignId?: string; status?: string; unitId?: string; personId?: string },
  page: { limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const conds: (SQL | undefined)[] = [];
  if (!reach.all) {
    const byUnit = unitWithin(reach, dossiers.unitId);
    conds.push(reach.personId ? or(byUnit, eq(dossiers.personId, reach.personId)) : byUnit);
  }
  if (filters.campaignId) conds.push(eq(dossiers.campaignId, filters.campaignId));
  if (filters.status) conds.push(eq(dossiers.status, filters.status));
  if (filters.unitId) conds.push(eq(dossiers.unitId, filters.unitId));
  if (filters.personId) conds.push(eq(dossiers.personId, filters.personId));
  const where = and(...conds);
  const rows = await tx
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(where)
    .orderBy(desc(dossiers.createdAt), asc(dossiers.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(where);
  return { ids: rows.map((r) => r.id), total: Number(count?.n ?? 0) };
}

/** Another live dossier (not rejected) of the same nominee in the campaign, other than `exceptIds`. */
export async function otherLiveDossier(
  tx: Executor,
  n: { campaignId: string; unitId: string; personId: string | null },
  exceptIds: string[] = [],
): Promise<DossierRow | null> {
  const [row] = await tx
    .select()
    .from(dossiers)
    .where(
      and(
        eq(dossiers.campaignId, n.campaignId),
        eq(dossiers.unitId, n.unitId),
        n.personId ? eq(dossiers.personId, n.personId) : isNull(dossiers.personId),
        ne(dossiers.status, 'rejected'),
        exceptIds.length
          ? sql`${dossiers.id} not in (${sql.join(
              exceptIds.map((i) => sql`${i}`),
              sql`, `,
            )})`
          : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** An award (not revoked) in the register for the nominee from this campaign. */
export async function awardOfNominee(tx: Executor, n: { campaignId: string; unitId: string; personId: string | null }) {
  const [row] = await tx
    .select({ id: awards.id })
    .from(awards)
    .where(
      and(
        eq(awards.campaignId, n.campaignId),
        eq(awards.unitId, n.unitId),
        n.personId ? eq(awards.personId, n.personId) : isNull(awards.personId),
        isNull(awards.revokedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The nominee's accepted self-assessment in the campaign. */
export async function acceptedSubmissionOf(
  tx: Executor,
  n: { campaignId: string; unitId: string; personId: string | null },
): Promise<string | null> {
  const [row] = await tx
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        eq(submissions.campaignId, n.campaignId),
        eq(submissions.status, 'accepted'),
        n.personId
          ? and(eq(submissions.personId, n.personId), eq(submissions.target, 'individual'))
          : and(eq(submissions.unitId, n.unitId), isNull(submissions.personId), eq(submissions.target, 'collective')),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

/** The latest submitted version of a self-assessment (its frozen answers and evidence), and the reviews. */
export async function assessmentOf(tx: Executor, submissionId: string) {
  const [version] = await tx
    .select()
    .from(submissionVersions)
    .where(eq(submissionVersions.submissionId, submissionId))
    .orderBy(desc(submissionVersions.number))
    .limit(1);
  const reviews = await tx
    .select({
      criterionId: criterionReviews.criterionId,
      verdict: criterionReviews.verdict,
      score: criterionReviews.score,
    })
    .from(criterionReviews)
    .where(eq(criterionReviews.submissionId, submissionId));
  const ids = (version?.answers ?? []).map((a) => a.criterionId);
  const crit = ids.length
    ? await tx.select({ id: criteria.id, position: criteria.position }).from(criteria).where(inArray(criteria.id, ids))
    : [];
  return { answers: version?.answers ?? [], reviews, positions: new Map(crit.map((c) => [c.id, c.position])) };
}

export async function documentRow(tx: Executor, dossierId: string, kind: string) {
  const [row] = await tx
    .select()
    .from(dossierDocuments)
    .where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.kind, kind)));
  return row ?? null;
}

export async function upsertDocument(
  tx: Executor,
  v: { dossierId: string; kind: string; fileId: string; source: 'uploaded' | 'drafted'; addedBy: string },
) {
  await tx
    .insert(dossierDocuments)
    .values({ ...v, addedAt: new Date() })
    .onConflictDoUpdate({
      target: [dossierDocuments.dossierId, dossierDocuments.kind],
      set: { fileId: v.fileId, source: v.source, addedBy: v.addedBy, addedAt: new Date() },
    });
}

export async function deleteDocumentRow(tx: Executor, dossierId: string, kind: string) {
  await tx
    .delete(dossierDocuments)
    .where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.kind, kind)));
}

/** A change to the dossier or its documents: version + 1. */
export async function touchDossier(tx: Executor, id: string, set: Partial<typeof dossiers.$inferInsert> = {}) {
  await tx
    .update(dossiers)
    .set({ ...set, updatedAt: new Date(), version: sql`${dossiers.version} + 1` })
    .where(eq(dossiers.id, id));
}

export async function dossierOwners(tx: Executor, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: dossiers.id, unitId: dossiers.unitId, personId: dossiers.personId })
    .from(dossiers)
    .where(inArray(dossiers.id, ids));
}
