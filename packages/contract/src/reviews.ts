/**
 * The standing office's review of a submitted self-assessment (thẩm định, chấm điểm): per criterion a
 * verdict (the automatic evaluation confirmed or overridden), a score from 0 to the criterion's
 * maxScore and a comment. Accept needs every criterion reviewed and, where the campaign asks for a
 * second reviewer (four-eyes), the scores confirmed by someone who reviewed none of them. A return
 * keeps the review for the next version, and the unit then sees the verdicts and comments.
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id, StringEnum } from './common.ts';
import { CriterionEvaluation } from './criteria.ts';
import type { SubmissionStatus } from './submissions.ts';

export const REVIEW_VERDICTS = ['met', 'not_met'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];
export const ReviewVerdict = StringEnum(REVIEW_VERDICTS, {
  description: 'met / not_met: what the reviewer holds, confirming or overriding the automatic evaluation',
});

/**
 * Review moves of a submission, run by the lifecycle engine: they keep the submission `submitted`
 * (so a review of a draft, a returned or an accepted one is 409 submission.illegal_transition).
 */
export const REVIEW_TRANSITIONS: Record<
  'review' | 'confirm_review',
  { from: readonly SubmissionStatus[]; to: SubmissionStatus }
> = {
  review: { from: ['submitted'], to: 'submitted' },
  confirm_review: { from: ['submitted'], to: 'submitted' },
};

/** The score a verdict gets when the reviewer gives none: the criterion's maxScore when met, 0 when not. */
export function defaultScore(verdict: ReviewVerdict, maxScore: number): number {
  return verdict === 'met' ? maxScore : 0;
}

/** One criterion's review as recorded. */
export const CriterionReviewEntry = Type.Object(
  {
    verdict: ReviewVerdict,
    score: Type.Number({ minimum: 0 }),
    comment: Type.Union([Type.String(), Type.Null()]),
    reviewedById: Type.Union([Id, Type.Null()]),
    reviewedByName: Type.Union([Type.String(), Type.Null()]),
    reviewedAt: DateTime,
  },
  { additionalProperties: false },
);
export type CriterionReviewEntry = Static<typeof CriterionReviewEntry>;

/** A criterion of the submission with its automatic evaluation and its review (null: not reviewed yet). */
export const CriterionReview = Type.Object(
  {
    criterionId: Id,
    code: Type.String({ examples: ['1.2.a.8'] }),
    title: Type.String(),
    maxScore: Type.Number({ examples: [10] }),
    weight: Type.Number({ description: 'What the score counts for in the total of the scoreboard (score × weight)' }),
    evaluation: CriterionEvaluation,
    review: Type.Union([CriterionReviewEntry, Type.Null()]),
  },
  { additionalProperties: false },
);
export type CriterionReview = Static<typeof CriterionReview>;

export const ReviewConfirmation = Type.Object(
  {
    confirmedById: Type.Union([Id, Type.Null()]),
    confirmedByName: Type.Union([Type.String(), Type.Null()]),
    confirmedAt: DateTime,
  },
  { additionalProperties: false },
);
export type ReviewConfirmation = Static<typeof ReviewConfirmation>;

export const SubmissionReview = Type.Object(
  {
    submissionId: Id,
    status: Type.String({ description: "The submission's status; the review is written only while submitted" }),
    version: Type.Integer({ description: "The submission's version (its ETag)" }),
    withheld: Type.Boolean({
      description:
        'true for the assessed unit (or person) while the review is under way: it sees the verdicts and comments once the submission is returned or accepted',
    }),
    criteria: Type.Array(CriterionReview, { description: "One per criterion of the target, in the campaign's order" }),
    reviewed: Type.Integer({ description: 'Criteria reviewed' }),
    missing: Type.Integer({ description: 'Criteria not reviewed yet (accept needs 0)' }),
    met: Type.Integer({ description: 'Criteria with the verdict met' }),
    totalScore: Type.Number({ description: 'Sum of the scores given' }),
    maxTotal: Type.Number({ description: 'Sum of the maxScore of the criteria' }),
    reviewerIds: Type.Array(Id, { description: 'Accounts that recorded a verdict or score still held' }),
    requireSecondReviewer: Type.Boolean({
      description: 'The campaign asks a second reviewer to confirm the scores before accept (four-eyes)',
    }),
    confirmation: Type.Union([ReviewConfirmation, Type.Null()], {
      description: 'The second reviewer’s confirmation; cleared by any later change of a verdict or score',
    }),
    acceptable: Type.Boolean({ description: 'Complete, and confirmed where four-eyes applies' }),
  },
  { additionalProperties: false },
);
export type SubmissionReview = Static<typeof SubmissionReview>;

/** One criterion's change: the verdict, the score (default by the verdict) and the comment (null clears it). */
export const ReviewChange = Type.Object(
  {
    criterionId: Id,
    verdict: ReviewVerdict,
    score: Type.Optional(
      Type.Number({
        description:
          "0 … the criterion's maxScore (400 review.score_out_of_range otherwise). Left out: kept if the verdict is unchanged, else maxScore when met and 0 when not",
      }),
    ),
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type ReviewChange = Static<typeof ReviewChange>;

/** Autosave of the review (PATCH with If-Match, the submission's ETag): the criteria that changed. */
export const UpdateReviewBody = Type.Object(
  { criteria: Type.Array(ReviewChange, { minItems: 1, maxItems: 200 }) },
  {
    additionalProperties: false,
    examples: [
      {
        criteria: [
          { criterionId: 'cr_01jd8w3k9qa', verdict: 'met', score: 8, comment: 'Số liệu khớp Cổng dịch vụ công.' },
          { criterionId: 'cr_01jd8w3k9qb', verdict: 'not_met', comment: 'Chưa có minh chứng niêm yết.' },
        ],
      },
    ],
  },
);
export type UpdateReviewBody = Static<typeof UpdateReviewBody>;
