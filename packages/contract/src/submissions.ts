/**
 * Self-assessments (tự đánh giá, báo cáo kết quả): one per campaign × unit (collective criteria) and
 * one per campaign × person (individual criteria). An answer per criterion, evaluated at once;
 * lifecycle draft → submitted → returned → submitted … → accepted; every submit keeps a version.
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, Page, PageQueryProps, StringEnum } from './common.ts';
import { CriterionAnswer, CriterionEvaluation, CriterionKind, CriterionTarget, DerivedSource } from './criteria.ts';
import { FileInfo } from './files.ts';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SubmissionStatus = StringEnum(SUBMISSION_STATUSES, {
  description:
    'draft: being written by the unit (never shown outside it); submitted: waiting for the standing office; returned: sent back for correction; accepted',
});
/** Statuses in which the unit (or the person) may change answers. */
export const SUBMISSION_EDITABLE_STATUSES: readonly SubmissionStatus[] = ['draft', 'returned'];

/** Lifecycle actions, each `POST /api/v1/submissions/{id}/<action>`. */
export const SUBMISSION_ACTIONS = ['submit', 'return', 'accept'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];
export const SUBMISSION_TRANSITIONS: Record<
  SubmissionAction,
  { from: readonly SubmissionStatus[]; to: SubmissionStatus }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['submitted'], to: 'accepted' },
};

/** What a derived answer was computed from (the registers), so a reviewer can check it. */
export const DerivedAnswerSource = Type.Object(
  {
    source: DerivedSource,
    recordIds: Type.Array(Id, {
      description: "The findings (all of the unit's in the campaign) or the recognised initiatives counted",
    }),
    computedAt: DateTime,
  },
  { additionalProperties: false },
);
export type DerivedAnswerSource = Static<typeof DerivedAnswerSource>;

/** One criterion of a submission: the criterion as asked, the answer as given, and its evaluation. */
export const SubmissionAnswer = Type.Object(
  {
    criterionId: Id,
    code: Type.String({ examples: ['1.2.a.8'] }),
    title: Type.String({ examples: ['Trên 30 % thủ tục hành chính mức độ 3, mức độ 4 có phát sinh hồ sơ'] }),
    group: Type.String({ examples: ['specific'] }),
    kind: CriterionKind,
    comparator: Type.Union([Type.String(), Type.Null()], { examples: ['gt'] }),
    threshold: Type.Union([Type.Number(), Type.Null()], { examples: [30] }),
    maxScore: Type.Number({ examples: [10] }),
    evidenceRequired: Type.Boolean(),
    answer: Type.Union([CriterionAnswer, Type.Null()], {
      description:
        'As typed (boolean {value}, ratio {numerator, denominator}, count {value}, text {text}); for a derived criterion computed from the registers, never typed',
    }),
    derived: Type.Union([DerivedAnswerSource, Type.Null()], {
      description: 'Set for derived criteria: where the answer came from',
    }),
    note: Type.Union([Type.String(), Type.Null()], { description: "The unit's explanation for the reviewer" }),
    files: Type.Array(FileInfo, { description: 'Evidence attached to this answer' }),
    evaluation: CriterionEvaluation,
    evidenceMissing: Type.Boolean({
      description: 'Evidence is required and none is attached (a negative answer needs none)',
    }),
    updatedAt: Type.Union([DateTime, Type.Null()], {
      description: 'Last change of this answer (null: never answered)',
    }),
  },
  { additionalProperties: false },
);
export type SubmissionAnswer = Static<typeof SubmissionAnswer>;

/** Counts over the answers: what the progress bar and the "what is missing" summary show. */
export const SubmissionProgress = Type.Object(
  {
    criteria: Type.Integer({ description: 'Criteria to answer' }),
    answered: Type.Integer({
      description: 'Criteria with an answer (derived ones count when a value could be computed)',
    }),
    met: Type.Integer(),
    notMet: Type.Integer(),
    needsReview: Type.Integer(),
    withEvidence: Type.Integer({ description: 'Criteria with at least one evidence file' }),
    evidenceMissing: Type.Array(Type.String(), {
      description: 'Codes of criteria whose required evidence is missing; submit refuses while any remain',
      examples: [['1.2.a.1', '1.2.a.8']],
    }),
  },
  { additionalProperties: false },
);
export type SubmissionProgress = Static<typeof SubmissionProgress>;

const summaryProps = {
  id: Id,
  campaignId: Id,
  campaignTitle: Type.String(),
  target: CriterionTarget,
  unitId: Id,
  unitCode: Type.String({ examples: ['XA-THACHHAI'] }),
  unitName: Type.String({ examples: ['UBND xã Thạch Hải'] }),
  personId: Type.Union([Id, Type.Null()], { description: 'For an individual self-assessment: the staff member' }),
  personName: Type.Union([Type.String(), Type.Null()]),
  status: SubmissionStatus,
  deadline: Type.String({
    format: 'date',
    description: "Last day to submit: the campaign's submissionDeadline, or the unit's extended deadline",
  }),
  deadlineExtended: Type.Boolean(),
  versionCount: Type.Integer({ description: 'Submitted versions kept so far' }),
  submittedAt: Type.Union([DateTime, Type.Null()], { description: 'Last submit' }),
  submittedById: Type.Union([Id, Type.Null()]),
  submittedByName: Type.Union([Type.String(), Type.Null()]),
  returnedAt: Type.Union([DateTime, Type.Null()]),
  returnReason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the standing office returned it (kept until the next submit)',
  }),
  acceptedAt: Type.Union([DateTime, Type.Null()]),
  reviewComment: Type.Union([Type.String(), Type.Null()], { description: 'The comment given on accept' }),
  progress: SubmissionProgress,
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
};

/** A submission in a list: everything but the answers. */
export const SubmissionSummary = Type.Object(summaryProps, { additionalProperties: false });
export type SubmissionSummary = Static<typeof SubmissionSummary>;

export const Submission = Type.Object(
  {
    ...summaryProps,
    answers: Type.Array(SubmissionAnswer, { description: "One per criterion of the target, in the campaign's order" }),
  },
  { additionalProperties: false },
);
export type Submission = Static<typeof Submission>;

export const SubmissionPage = Page(SubmissionSummary);
export type SubmissionPage = Static<typeof SubmissionPage>;

export const SubmissionListQuery = Type.Object(
  {
    ...PageQueryProps,
    status: Type.Optional(SubmissionStatus),
    target: Type.Optional(CriterionTarget),
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type SubmissionListQuery = Static<typeof SubmissionListQuery>;

/**
 * Starts the caller's self-assessment. `collective` (default): for the caller's unit (unit_officer
 * or unit_head; `unitId` may be left out by someone of exactly one unit), which must be enrolled.
 * `individual`: for the caller as a person, when the campaign assesses individuals.
 */
export const CreateSubmissionBody = Type.Object(
  {
    target: Type.Optional(CriterionTarget),
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false, examples: [{ target: 'collective' }, { target: 'individual' }] },
);
export type CreateSubmissionBody = Static<typeof CreateSubmissionBody>;

/**
 * One criterion's change in an autosave. Only the fields present change: `answer` (null clears it),
 * `note`, `fileIds` (the complete list of evidence files for that answer, uploaded first through
 * POST /api/v1/files).
 */
export const AnswerChange = Type.Object(
  {
    criterionId: Id,
    answer: Type.Optional(Type.Union([CriterionAnswer, Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 10000 }), Type.Null()])),
    fileIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type AnswerChange = Static<typeof AnswerChange>;

/** Autosave (PATCH with If-Match): the answers that changed since the last save. */
export const UpdateSubmissionBody = Type.Object(
  { answers: Type.Array(AnswerChange, { minItems: 1, maxItems: 200 }) },
  {
    additionalProperties: false,
    examples: [
      {
        answers: [
          {
            criterionId: 'cr_01jd8w3k9qa',
            answer: { numerator: 35, denominator: 100 },
            note: '35/100 thủ tục mức độ 3, 4 có phát sinh hồ sơ trực tuyến.',
            fileIds: ['fi_01jd8w3k9qz'],
          },
          { criterionId: 'cr_01jd8w3k9qb', answer: { value: true } },
        ],
      },
    ],
  },
);
export type UpdateSubmissionBody = Static<typeof UpdateSubmissionBody>;

export const ReturnSubmissionBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 5000, description: 'What the unit must correct' }) },
  {
    additionalProperties: false,
    examples: [
      { reason: 'Tiêu chuẩn 1.2.a.8: số liệu chưa khớp với báo cáo thống kê của Cổng dịch vụ công, đề nghị bổ sung.' },
    ],
  },
);
export type ReturnSubmissionBody = Static<typeof ReturnSubmissionBody>;

export const AcceptSubmissionBody = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false, examples: [{ comment: 'Hồ sơ tự đánh giá đầy đủ, hợp lệ.' }] },
);
export type AcceptSubmissionBody = Static<typeof AcceptSubmissionBody>;

// ── Versions ────────────────────────────────────────────────────────────────────────────────────

export const SubmissionVersionSummary = Type.Object(
  {
    number: Type.Integer({ minimum: 1, description: '1 for the first submit, then 2, 3 …' }),
    submittedAt: DateTime,
    submittedById: Type.Union([Id, Type.Null()]),
    submittedByName: Type.Union([Type.String(), Type.Null()]),
    progress: SubmissionProgress,
  },
  { additionalProperties: false },
);
export type SubmissionVersionSummary = Static<typeof SubmissionVersionSummary>;

/** A submitted version as it was sent: answers, evaluations, derived values and files, frozen. */
export const SubmissionVersion = Type.Object(
  { submissionId: Id, ...SubmissionVersionSummary.properties, answers: Type.Array(SubmissionAnswer) },
  { additionalProperties: false },
);
export type SubmissionVersion = Static<typeof SubmissionVersion>;

export const SubmissionVersionList = Type.Object(
  { items: Type.Array(SubmissionVersionSummary) },
  { additionalProperties: false },
);
export type SubmissionVersionList = Static<typeof SubmissionVersionList>;

export const SubmissionVersionParams = Type.Object(
  { id: Id, n: Type.Integer({ minimum: 1, maximum: 100000 }) },
  { additionalProperties: false },
);
export type SubmissionVersionParams = Static<typeof SubmissionVersionParams>;

export const ANSWER_DIFF_FIELDS = ['answer', 'note', 'files', 'evaluation'] as const;
export type AnswerDiffField = (typeof ANSWER_DIFF_FIELDS)[number];
export const ANSWER_CHANGES = ['added', 'removed', 'changed', 'unchanged'] as const;
export type AnswerChangeKind = (typeof ANSWER_CHANGES)[number];

/** One criterion compared between a version and the one before it. */
export const AnswerDiff = Type.Object(
  {
    criterionId: Id,
    code: Type.String(),
    title: Type.String(),
    change: StringEnum(ANSWER_CHANGES, {
      description: 'added: only in this version (or no earlier version); removed: only in the earlier one',
    }),
    fields: Type.Array(StringEnum(ANSWER_DIFF_FIELDS), { description: 'What changed' }),
    before: Type.Union([SubmissionAnswer, Type.Null()]),
    after: Type.Union([SubmissionAnswer, Type.Null()]),
  },
  { additionalProperties: false },
);
export type AnswerDiff = Static<typeof AnswerDiff>;

export const SubmissionVersionDiff = Type.Object(
  {
    submissionId: Id,
    number: Type.Integer(),
    previousNumber: Type.Union([Type.Integer(), Type.Null()], {
      description: 'null for the first version: everything counts as added',
    }),
    changedCount: Type.Integer({ description: 'Criteria whose change is not "unchanged"' }),
    items: Type.Array(AnswerDiff),
  },
  { additionalProperties: false },
);
export type SubmissionVersionDiff = Static<typeof SubmissionVersionDiff>;

// ── Deadline extensions ─────────────────────────────────────────────────────────────────────────

export const DeadlineExtension = Type.Object(
  {
    id: Id,
    campaignId: Id,
    unitId: Id,
    unitCode: Type.String(),
    unitName: Type.String(),
    until: Type.String({ format: 'date', description: 'The unit may submit until this day (inclusive)' }),
    reason: Type.String(),
    grantedById: Type.Union([Id, Type.Null()]),
    grantedByName: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
export type DeadlineExtension = Static<typeof DeadlineExtension>;

/** Extends one unit's deadline (its staff's individual self-assessments too). A second extension replaces the first. */
export const CreateDeadlineExtensionBody = Type.Object(
  {
    unitId: Id,
    until: DateOnly,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        unitId: 'un_01jd8w3k9q',
        until: '2022-05-31',
        reason: 'Đơn vị bị ảnh hưởng bởi bão số 4, đề nghị gia hạn theo Công văn số 45/UBND ngày 15/5/2022.',
      },
    ],
  },
);
export type CreateDeadlineExtensionBody = Static<typeof CreateDeadlineExtensionBody>;

export const DeadlineExtensionList = Type.Object(
  { items: Type.Array(DeadlineExtension) },
  { additionalProperties: false },
);
export type DeadlineExtensionList = Static<typeof DeadlineExtensionList>;
