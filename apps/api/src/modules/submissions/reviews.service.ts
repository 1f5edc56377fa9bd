/**
 * The office's review of a submitted self-assessment: per criterion a verdict (met / not met, the
 * automatic evaluation confirmed or overridden), a score from 0 to the criterion's maxScore
 * (maxScore when met and 0 when not, unless given) and a comment; autosaved with If-Match on the
 * submission's version, so a save and a return, accept or another reviewer's save never cross.
 * Four-eyes: where the campaign requires a second reviewer, someone holding
 * 'submission.confirm_review' who reviewed none of the criteria confirms the scores; any later change
 * of a verdict or score clears that confirmation. Nobody reviews or confirms their own unit's
 * (or their own) self-assessment. Every write is a lifecycle move that keeps the submission
 * `submitted` (409 otherwise) and is audited with it.
 */
import {
  defaultScore,
  isOwnRecord,
  REVIEW_TRANSITIONS,
  type CriterionReview,
  type CriterionReviewEntry,
  type SubmissionReview,
  type UpdateReviewBody,
} from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import { submissions } from '../../db/schema/index.ts';
import { assertCan, assertNotOwnUnit } from '../../lib/access.ts';
import type { Actor } from '../../lib/actor.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, Forbidden, PreconditionFailed } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { moveState } from '../../lib/lifecycle.ts';
import { listCriteriaRows, type CampaignRow } from '../campaigns/index.ts';
import { assertCriteriaBatch } from './criteria-batch.ts';
import { assertReviewComplete } from './reviews.guards.ts';
import { reviewRowsOf, upsertReview, userName, type JoinedReviewRow, type ReviewRow } from './reviews.repository.ts';
import { findSubmissionRow, type SubmissionRow } from './submissions.repository.ts';
import { buildViews, findReadable, targetOf } from './submissions.service.ts';

const toEntry = (r: JoinedReviewRow): CriterionReviewEntry => ({
  verdict: r.verdict as CriterionReviewEntry['verdict'],
  score: r.score,
  comment: r.comment,
  reviewedById: r.reviewedBy,
  reviewedByName: r.reviewedByName,
  reviewedAt: r.reviewedAt.toISOString(),
});

/** What the audit keeps of one criterion's review. */
const audited = (criterionId: string, r: Pick<ReviewRow, 'verdict' | 'score' | 'comment'> | undefined) => ({
  criterionId,
  verdict: r?.verdict ?? null,
  score: r?.score ?? null,
  comment: r?.comment ?? null,
});

/**
 * The review as `actor` may see it: the assessed unit (or person) sees verdicts, scores and comments
 * once the office has decided (returned or accepted), not while the review is under way.
 */
async function readReview(
  db: Executor,
  actor: Actor,
  row: SubmissionRow,
  campaign: CampaignRow,
): Promise<SubmissionReview> {
  const [views, crit, rows] = await Promise.all([
    buildViews(db, campaign, [row]),
    listCriteriaRows(db, campaign.id, { target: row.target as 'collective' | 'individual' }),
    reviewRowsOf(db, row.id),
  ]);
  const withheld = row.status === 'submitted' && isOwnRecord(actor, targetOf(row));
  const weights = new Map(crit.map((c) => [c.id, c.weight]));
  const byCriterion = new Map(withheld ? [] : rows.map((r) => [r.criterionId, r]));
  const criteria = views.get(row.id)!.answers.map((a): CriterionReview => {
    const r = byCriterion.get(a.criterionId);
    return {
      criterionId: a.criterionId,
      code: a.code,
      title: a.title,
      maxScore: a.maxScore,
      weight: weights.get(a.criterionId) ?? 1,
      evaluation: a.evaluation,
      review: r ? toEntry(r) : null,
    };
  });
  const held = criteria.flatMap((c) => (c.review ? [c.review] : []));
  const reviewerIds = [...new Set(held.flatMap((r) => (r.reviewedById ? [r.reviewedById] : [])))];
  const confirmation =
    !withheld && row.reviewConfirmedAt
      ? {
          confirmedById: row.reviewConfirmedBy,
          confirmedByName: await userName(db, row.reviewConfirmedBy),
          confirmedAt: row.reviewConfirmedAt.toISOString(),
        }
      : null;
  const missing = criteria.length - held.length;
  return {
    submissionId: row.id,
    status: row.status,
    version: row.version,
    withheld,
    criteria,
    reviewed: held.length,
    missing,
    met: held.filter((r) => r.verdict === 'met').length,
    totalScore: held.reduce((sum, r) => sum + r.score, 0),
    maxTotal: criteria.reduce((sum, c) => sum + c.maxScore, 0),
    reviewerIds,
    requireSecondReviewer: campaign.requireSecondReviewer,
    confirmation,
    acceptable: !withheld && missing === 0 && (!campaign.requireSecondReviewer || confirmation !== null),
  };
}

export async function getReview(db: Executor, actor: Actor, id: string): Promise<SubmissionReview> {
  const { row, campaign } = await findReadable(db, actor, id);
  return readReview(db, actor, row, campaign);
}

/** The office's own checks before any review write: the permission on the record, and never its own unit. */
function assertMayReview(
  actor: Actor,
  row: SubmissionRow,
  permission: 'submission.review' | 'submission.confirm_review',
) {
  assertCan(actor, permission, targetOf(row));
  assertNotOwnUnit(actor, row.unitId, row.personId);
}

/**
 * Autosave of the review (If-Match: the submission's version). 400 for an unknown or repeated
 * criterion or a score outside 0 … maxScore (one field error each); 409 unless submitted.
 */
export async function updateReview(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateReviewBody,
): Promise<SubmissionReview> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { row, campaign } = await findReadable(tx, actor, id);
    assertMayReview(actor, row, 'submission.review');
    const crit = new Map(
      (await listCriteriaRows(tx, campaign.id, { target: row.target as 'collective' | 'individual' })).map((c) => [
        c.id,
        c,
      ]),
    );
    const inRange = (score: number, max: number) => Number.isFinite(score) && score >= 0 && score <= max;
    assertCriteriaBatch(body.criteria, crit, { list: 'criteria', codes: 'review' }, (change, c) =>
      change.score !== undefined && !inRange(change.score, c.maxScore)
        ? { field: 'score', code: 'review.score_out_of_range' }
        : null,
    );

    let before = new Map<string, ReviewRow>();
    const after: ReturnType<typeof audited>[] = [];
    let scored = false;
    let cleared = false;
    await moveState(tx, ctx, {
      resource: 'submission',
      table: submissions,
      transitions: REVIEW_TRANSITIONS,
      action: 'review',
      id,
      guard: async (current) => {
        if (current.version !== expectedVersion) throw PreconditionFailed();
        before = new Map((await reviewRowsOf(tx, id)).map((r) => [r.criterionId, r]));
      },
      changes: async (current) => {
        const now = new Date();
        for (const change of body.criteria) {
          const c = crit.get(change.criterionId)!;
          const prev = before.get(c.id);
          const score =
            change.score ??
            (prev && prev.verdict === change.verdict ? prev.score : defaultScore(change.verdict, c.maxScore));
          const comment = change.comment !== undefined ? change.comment?.trim() || null : (prev?.comment ?? null);
          if (!prev || prev.verdict !== change.verdict || prev.score !== score) scored = true;
          await upsertReview(tx, {
            id: newId('rv'),
            submissionId: id,
            criterionId: c.id,
            verdict: change.verdict,
            score,
            comment,
            reviewedBy: actor.userId,
            reviewedAt: now,
          });
          after.push(audited(c.id, { verdict: change.verdict, score, comment }));
        }
        // A confirmed score that changes is no longer confirmed; a comment alone changes no score.
        cleared = scored && current.reviewConfirmedBy !== null;
        return scored ? { reviewConfirmedBy: null, reviewConfirmedAt: null } : {};
      },
      audit: {
        before: () => ({
          version: expectedVersion,
          criteria: body.criteria.map((ch) => audited(ch.criterionId, before.get(ch.criterionId))),
        }),
        after: (written) => ({ version: written.version, criteria: after, confirmationCleared: cleared }),
      },
    });
    return readReview(tx, actor, (await findSubmissionRow(tx, id))!, campaign);
  });
}

/**
 * The second reviewer confirms the scores (If-Match): only where the campaign asks for it (409
 * review.not_required), once every criterion is reviewed (409 review.incomplete), by someone who
 * reviewed none of them (403 review.same_reviewer), once (409 review.already_confirmed).
 */
export async function confirmReview(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
): Promise<SubmissionReview> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { row, campaign } = await findReadable(tx, actor, id);
    assertMayReview(actor, row, 'submission.confirm_review');
    await moveState(tx, ctx, {
      resource: 'submission',
      table: submissions,
      transitions: REVIEW_TRANSITIONS,
      action: 'confirm_review',
      id,
      guard: async (current) => {
        if (current.version !== expectedVersion) throw PreconditionFailed();
        if (!campaign.requireSecondReviewer) throw Conflict('review.not_required');
        if (current.reviewConfirmedBy) throw Conflict('review.already_confirmed');
        await assertReviewComplete(tx, current);
        const reviewers = new Set((await reviewRowsOf(tx, id)).map((r) => r.reviewedBy));
        if (reviewers.has(actor.userId)) throw Forbidden('review.same_reviewer');
      },
      changes: () => ({ reviewConfirmedBy: actor.userId, reviewConfirmedAt: new Date() }),
      audit: {
        before: (current) => ({ status: current.status, reviewConfirmedBy: current.reviewConfirmedBy }),
        after: (written) => ({
          status: written.status,
          version: written.version,
          reviewConfirmedBy: written.reviewConfirmedBy,
        }),
      },
    });
    return readReview(tx, actor, (await findSubmissionRow(tx, id))!, campaign);
  });
}
