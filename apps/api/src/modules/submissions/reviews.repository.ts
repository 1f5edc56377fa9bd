/**
 * Queries on the office's review of a self-assessment: one row per submission × criterion (verdict,
 * score, comment, reviewer), and the confirmer's name. Who may review, and when, is decided in
 * reviews.service.ts.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { criterionReviews, users } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';

export type ReviewRow = typeof criterionReviews.$inferSelect;
/** A criterion's review with its reviewer's name. */
export type JoinedReviewRow = ReviewRow & { reviewedByName: string | null };

/** The submission's reviews, one per criterion reviewed. */
export async function reviewRowsOf(db: Executor, submissionId: string): Promise<JoinedReviewRow[]> {
  const rows = await db
    .select({ review: criterionReviews, reviewedByName: users.fullName })
    .from(criterionReviews)
    .leftJoin(users, eq(users.id, criterionReviews.reviewedBy))
    .where(eq(criterionReviews.submissionId, submissionId));
  return rows.map((r) => ({ ...r.review, reviewedByName: r.reviewedByName }));
}

/** The criteria among `criterionIds` that the submission has a review for. */
export async function reviewedCriterionIds(
  db: Executor,
  submissionId: string,
  criterionIds: readonly string[],
): Promise<Set<string>> {
  if (!criterionIds.length) return new Set();
  const rows = await db
    .select({ criterionId: criterionReviews.criterionId })
    .from(criterionReviews)
    .where(
      and(eq(criterionReviews.submissionId, submissionId), inArray(criterionReviews.criterionId, [...criterionIds])),
    );
  return new Set(rows.map((r) => r.criterionId));
}

/** Writes one criterion's review, replacing the one before (the pair submission × criterion is unique). */
export async function upsertReview(tx: Tx, row: typeof criterionReviews.$inferInsert): Promise<void> {
  const { verdict, score, comment, reviewedBy, reviewedAt } = row;
  await tx
    .insert(criterionReviews)
    .values(row)
    .onConflictDoUpdate({
      target: [criterionReviews.submissionId, criterionReviews.criterionId],
      set: { verdict, score, comment, reviewedBy, reviewedAt },
    });
}

export async function userName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, id));
  return row?.fullName ?? null;
}
