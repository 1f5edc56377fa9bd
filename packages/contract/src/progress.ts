/**
 * The progress dashboard of a campaign (tiến độ): how far the participating units are with their
 * collective self-assessment — counts, one line per unit, and per criterion how many units meet it.
 * The standing office and the leadership see the whole campaign; a unit's officer or head the same
 * shape for their own unit only. A draft shows only as a status: its answers stay inside the unit.
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, PageQueryProps, StringEnum } from './common.ts';
import { CampaignStatus } from './campaigns.ts';

/** Where a participating unit stands: one of these for each, so they add up to the participants. */
export const PROGRESS_STATUSES = ['not_enrolled', 'not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const ProgressStatus = StringEnum(PROGRESS_STATUSES, {
  description:
    'not_enrolled: takes part but has not enrolled; not_started: enrolled, no self-assessment yet; draft: being written; submitted: waiting for the standing office; returned: sent back for correction; accepted',
});

/**
 * What the unit table may be filtered by: a status, or `enrolled`, `on_time` / `late` (first
 * submission by / after the unit's deadline), `overdue` (never submitted and the deadline is past).
 */
export const PROGRESS_FILTERS = [...PROGRESS_STATUSES, 'enrolled', 'on_time', 'late', 'overdue'] as const;
export type ProgressFilter = (typeof PROGRESS_FILTERS)[number];
export const ProgressFilter = StringEnum(PROGRESS_FILTERS, {
  description:
    "A status, or enrolled, on_time / late (first submission by / after the unit's deadline, extension included), overdue (never submitted, deadline past)",
});

export const ProgressQuery = Type.Object(
  {
    ...PageQueryProps,
    status: Type.Optional(ProgressFilter),
  },
  { additionalProperties: false },
);
export type ProgressQuery = Static<typeof ProgressQuery>;

const count = (description: string) => Type.Integer({ minimum: 0, description });

export const ProgressCounts = Type.Object(
  {
    participants: count('Units that take part (of the participant kinds, or named)'),
    enrolled: count('Of them, enrolled with a commitment'),
    notEnrolled: count('Take part, not enrolled'),
    notStarted: count('Enrolled, no self-assessment started'),
    drafting: count('Writing their self-assessment, never submitted it'),
    submitted: count('Submitted, waiting for the standing office'),
    returned: count('Returned for correction'),
    accepted: count('Accepted'),
    submittedOnTime: count("Submitted for the first time by the unit's deadline (extension included)"),
    submittedLate: count("Submitted for the first time after the unit's deadline"),
    overdue: count('Never submitted and the deadline is past'),
  },
  { additionalProperties: false },
);
export type ProgressCounts = Static<typeof ProgressCounts>;

export const UnitProgress = Type.Object(
  {
    unitId: Id,
    unitCode: Type.String({ examples: ['XA-THACHHAI'] }),
    unitName: Type.String({ examples: ['UBND xã Thạch Hải'] }),
    unitKind: Type.String({ examples: ['commune'] }),
    enrolled: Type.Boolean(),
    status: ProgressStatus,
    submissionId: Type.Union([Id, Type.Null()], {
      description: "The self-assessment, once submitted (a draft's only for its own unit)",
    }),
    versionCount: Type.Integer({ minimum: 0, description: 'Versions submitted so far' }),
    firstSubmittedAt: Type.Union([DateTime, Type.Null()]),
    lastSubmittedAt: Type.Union([DateTime, Type.Null()]),
    lastActivityAt: Type.Union([DateTime, Type.Null()], {
      description: 'Latest of: enrolment, start or change of the self-assessment, submit, return, accept',
    }),
    deadline: DateOnly,
    deadlineExtended: Type.Boolean(),
    daysToDeadline: Type.Integer({ description: 'Days from today (Vietnam) to the deadline; negative once past' }),
    late: Type.Boolean({ description: 'First submitted after the deadline' }),
    overdue: Type.Boolean({ description: 'Never submitted and the deadline is past' }),
    criteria: Type.Integer({ minimum: 0, description: 'Collective criteria to answer' }),
    answered: Type.Integer({
      minimum: 0,
      description:
        "Criteria answered in the self-assessment as it stands, a draft's too (its answers never leave the unit); 0 before it is started",
    }),
    criteriaMet: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Criteria met in the last submitted version (null: never submitted)',
    }),
    criteriaNotMet: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type UnitProgress = Static<typeof UnitProgress>;

export const CriterionProgress = Type.Object(
  {
    criterionId: Id,
    code: Type.String({ examples: ['1.2.a.8'] }),
    title: Type.String(),
    met: count('Units whose last submitted version meets it (automatic evaluation)'),
    notMet: count('Units whose last submitted version does not meet it'),
    needsReview: count('Answered, but the evaluation is left to the reviewer (narratives, incomplete rules …)'),
    notAnswered: count('Units that have not submitted an answer to it'),
  },
  { additionalProperties: false },
);
export type CriterionProgress = Static<typeof CriterionProgress>;

export const CampaignProgress = Type.Object(
  {
    campaignId: Id,
    campaignStatus: CampaignStatus,
    today: DateOnly,
    submissionDeadline: DateOnly,
    ownUnitsOnly: Type.Boolean({ description: "The caller sees only their own unit's line (unit roles)" }),
    counts: ProgressCounts,
    criteria: Type.Array(CriterionProgress, {
      description: 'Collective criteria, those most units do not meet first',
    }),
    units: Type.Object(
      {
        items: Type.Array(UnitProgress),
        page: Type.Integer(),
        pageSize: Type.Integer(),
        total: Type.Integer({ description: 'Units matching ?status and ?q' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type CampaignProgress = Static<typeof CampaignProgress>;
