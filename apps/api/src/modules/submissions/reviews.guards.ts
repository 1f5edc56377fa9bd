/**
 * What accept (and the second reviewer's confirmation) asks of a review: every criterion of the
 * submission's target reviewed and, where the campaign requires a second reviewer, the scores
 * confirmed. Kept apart from reviews.service.ts so that the lifecycle moves of submissions.service.ts
 * can ask it without an import cycle.
 */
import type { Executor } from '../../db/client.ts';
import { Conflict } from '../../lib/errors.ts';
import { listCriteriaRows, type CampaignRow } from '../campaigns/index.ts';
import { reviewedCriterionIds } from './reviews.repository.ts';
import type { SubmissionRow } from './submissions.repository.ts';

/** 409 review.incomplete, naming how many criteria are still to be reviewed. */
export async function assertReviewComplete(db: Executor, row: SubmissionRow): Promise<void> {
  const crit = await listCriteriaRows(db, row.campaignId, { target: row.target as 'collective' | 'individual' });
  const reviewed = await reviewedCriterionIds(
    db,
    row.id,
    crit.map((c) => c.id),
  );
  const missing = crit.length - reviewed.size;
  if (missing > 0) throw Conflict('review.incomplete', { missing, total: crit.length });
}

/** Accept's conditions on the review: complete (409 review.incomplete), and confirmed where four-eyes applies (409 review.not_confirmed). */
export async function assertReviewAcceptable(db: Executor, campaign: CampaignRow, row: SubmissionRow): Promise<void> {
  await assertReviewComplete(db, row);
  if (campaign.requireSecondReviewer && !row.reviewConfirmedBy) throw Conflict('review.not_confirmed');
}
