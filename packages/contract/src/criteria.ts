/**
 * Criteria (tiêu chuẩn thi đua) as data: what a unit or a person is assessed against. The rules a
 * criterion's fields must follow live here, as a pure function, so the server and the browser's
 * editor report the same field errors.
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id, StringEnum } from './common.ts';

export const CRITERION_TARGETS = ['collective', 'individual'] as const;
export type CriterionTarget = (typeof CRITERION_TARGETS)[number];
export const CriterionTarget = StringEnum(CRITERION_TARGETS, { description: 'tập thể (a unit) or cá nhân (a person)' });

export const CRITERION_GROUPS = ['general', 'specific'] as const;
export type CriterionGroup = (typeof CRITERION_GROUPS)[number];
export const CriterionGroup = StringEnum(CRITERION_GROUPS, { description: 'tiêu chuẩn chung or tiêu chuẩn cụ thể' });

export const CRITERION_KINDS = ['boolean', 'ratio', 'count', 'text', 'derived'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export const CriterionKind = StringEnum(CRITERION_KINDS, {
  description:
    'boolean: done or not; ratio: numerator/denominator as a percent against the threshold; count: a number against the threshold; text: a narrative for the reviewer; derived: computed from findings or initiatives',
});

export const COMPARATORS = ['gt', 'gte', 'eq', 'lte', 'lt'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const Comparator = StringEnum(COMPARATORS, { description: 'gt >, gte ≥, eq =, lte ≤, lt <' });
export const COMPARATOR_SYMBOLS: Record<Comparator, string> = { gt: '>', gte: '≥', eq: '=', lte: '≤', lt: '<' };

export const DERIVED_SOURCES = ['findings_remedied_ratio', 'recognised_initiatives_count'] as const;
export type DerivedSource = (typeof DERIVED_SOURCES)[number];
export const DerivedSource = StringEnum(DERIVED_SOURCES, {
  description:
    'findings_remedied_ratio: percent of inspection findings remedied (0–100); recognised_initiatives_count: number of recognised initiatives',
});
/** What a derived source measures: a percent (threshold 0–100) or a count (integer threshold). */
export const DERIVED_SOURCE_MEASURE: Record<DerivedSource, 'ratio' | 'count'> = {
  findings_remedied_ratio: 'ratio',
  recognised_initiatives_count: 'count',
};

const code = Type.String({
  minLength: 1,
  maxLength: 32,
  pattern: '^[0-9A-Za-z][0-9A-Za-z._-]*$',
  description: 'Code as printed in the plan; unique within a campaign and target',
  examples: ['1.2.a.8'],
});
const title = Type.String({
  minLength: 1,
  maxLength: 2000,
  examples: ['Trên 30 % thủ tục hành chính mức độ 3, mức độ 4 có phát sinh hồ sơ'],
});
const guidance = Type.Union([Type.String({ maxLength: 5000 }), Type.Null()], {
  description: 'How to answer and what evidence to attach',
});
const threshold = Type.Union([Type.Number(), Type.Null()], {
  description: 'ratio: percent 0–100; count: integer ≥ 0; derived: by its source',
  examples: [30],
});
const maxScore = Type.Number({
  minimum: 0,
  maximum: 1000,
  description: 'Points a reviewer may give; the campaign score is the sum',
  examples: [10],
});

const weight = Type.Number({
  exclusiveMinimum: 0,
  maximum: 100,
  description: 'What the score counts for in the total (score × weight); default 1',
  examples: [1],
});

export const Criterion = Type.Object(
  {
    id: Id,
    campaignId: Id,
    code,
    target: CriterionTarget,
    group: CriterionGroup,
    title,
    guidance,
    kind: CriterionKind,
    comparator: Type.Union([Comparator, Type.Null()]),
    threshold,
    derivedSource: Type.Union([DerivedSource, Type.Null()]),
    maxScore,
    weight,
    evidenceRequired: Type.Boolean(),
    order: Type.Integer({ description: 'Position in the campaign, from 0' }),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Criterion = Static<typeof Criterion>;

const criterionBodyProps = {
  code,
  target: CriterionTarget,
  group: CriterionGroup,
  title,
  guidance: Type.Optional(guidance),
  kind: CriterionKind,
  comparator: Type.Optional(Type.Union([Comparator, Type.Null()])),
  threshold: Type.Optional(threshold),
  derivedSource: Type.Optional(Type.Union([DerivedSource, Type.Null()])),
  maxScore: Type.Optional(maxScore),
  weight: Type.Optional(weight),
  evidenceRequired: Type.Optional(Type.Boolean()),
};

/** A new criterion (appended at the end). maxScore defaults to 10, weight to 1, evidenceRequired to false. */
export const CreateCriterionBody = Type.Object(criterionBodyProps, {
  additionalProperties: false,
  examples: [
    {
      code: '1.2.a.8',
      target: 'collective',
      group: 'specific',
      title: 'Trên 30 % thủ tục hành chính mức độ 3, mức độ 4 có phát sinh hồ sơ',
      kind: 'ratio',
      comparator: 'gt',
      threshold: 30,
      maxScore: 10,
      evidenceRequired: true,
    },
  ],
});
export type CreateCriterionBody = Static<typeof CreateCriterionBody>;

/** Once the campaign is open only `guidance` may change (others, the weight too → 409 criterion.frozen). */
export const UpdateCriterionBody = Type.Object(
  {
    code: Type.Optional(code),
    target: Type.Optional(CriterionTarget),
    group: Type.Optional(CriterionGroup),
    title: Type.Optional(title),
    guidance: Type.Optional(guidance),
    kind: Type.Optional(CriterionKind),
    comparator: Type.Optional(Type.Union([Comparator, Type.Null()])),
    threshold: Type.Optional(threshold),
    derivedSource: Type.Optional(Type.Union([DerivedSource, Type.Null()])),
    maxScore: Type.Optional(maxScore),
    weight: Type.Optional(weight),
    evidenceRequired: Type.Optional(Type.Boolean()),
  },
  {
    additionalProperties: false,
    examples: [{ guidance: 'Đính kèm báo cáo thống kê hồ sơ phát sinh trên Cổng dịch vụ công.' }],
  },
);
export type UpdateCriterionBody = Static<typeof UpdateCriterionBody>;

export const CriterionList = Type.Object({ items: Type.Array(Criterion) }, { additionalProperties: false });
export type CriterionList = Static<typeof CriterionList>;

export const CriterionParams = Type.Object({ id: Id, criterionId: Id }, { additionalProperties: false });
export type CriterionParams = Static<typeof CriterionParams>;

export const CriterionListQuery = Type.Object(
  { target: Type.Optional(CriterionTarget), group: Type.Optional(CriterionGroup) },
  { additionalProperties: false },
);
export type CriterionListQuery = Static<typeof CriterionListQuery>;

/** The campaign's criteria ids in their new order: every id, once. */
export const CriteriaOrderBody = Type.Object(
  { ids: Type.Array(Id, { maxItems: 500, uniqueItems: true }) },
  { additionalProperties: false, examples: [{ ids: ['cr_01jd8w3k9qa', 'cr_01jd8w3k9qb'] }] },
);
export type CriteriaOrderBody = Static<typeof CriteriaOrderBody>;

/** The fields that decide how a criterion is evaluated. */
export interface CriterionRule {
  kind: CriterionKind;
  comparator?: Comparator | null | undefined;
  threshold?: number | null | undefined;
  derivedSource?: DerivedSource | null | undefined;
  maxScore?: number | null | undefined;
  weight?: number | null | undefined;
}

export interface CriterionProblem {
  /** JSON pointer relative to the criterion, e.g. `/threshold`. */
  field: string;
  code: string;
}

/**
 * Field problems of a criterion's rule: a ratio needs a comparator and a threshold in 0–100, a count
 * an integer threshold ≥ 0, a derived criterion its source (and a threshold measured like it), and
 * boolean or text criteria have no comparator, threshold or source.
 */
export function criterionProblems(c: CriterionRule): CriterionProblem[] {
  const out: CriterionProblem[] = [];
  const has = (v: unknown) => v !== null && v !== undefined;
  if (has(c.maxScore) && (!Number.isFinite(c.maxScore) || (c.maxScore as number) < 0))
    out.push({ field: '/maxScore', code: 'criterion.max_score_negative' });
  if (has(c.weight) && !((c.weight as number) > 0 && (c.weight as number) <= 100))
    out.push({ field: '/weight', code: 'criterion.weight_range' });
  if (c.kind === 'boolean' || c.kind === 'text') {
    if (has(c.comparator)) out.push({ field: '/comparator', code: 'criterion.comparator_not_allowed' });
    if (has(c.threshold)) out.push({ field: '/threshold', code: 'criterion.threshold_not_allowed' });
    if (has(c.derivedSource)) out.push({ field: '/derivedSource', code: 'criterion.source_not_allowed' });
    return out;
  }
  let measure: 'ratio' | 'count' | null = c.kind === 'ratio' || c.kind === 'count' ? c.kind : null;
  if (c.kind === 'derived') {
    if (!has(c.derivedSource)) out.push({ field: '/derivedSource', code: 'criterion.source_required' });
    else measure = DERIVED_SOURCE_MEASURE[c.derivedSource as DerivedSource];
  } else if (has(c.derivedSource)) out.push({ field: '/derivedSource', code: 'criterion.source_not_allowed' });
  if (!has(c.comparator)) out.push({ field: '/comparator', code: 'criterion.comparator_required' });
  if (!has(c.threshold)) out.push({ field: '/threshold', code: 'criterion.threshold_required' });
  else if (measure === 'ratio' && !((c.threshold as number) >= 0 && (c.threshold as number) <= 100))
    out.push({ field: '/threshold', code: 'criterion.ratio_threshold_range' });
  else if (measure === 'count' && !(Number.isInteger(c.threshold) && (c.threshold as number) >= 0))
    out.push({ field: '/threshold', code: 'criterion.count_threshold_integer' });
  return out;
}

/**
 * A unit's or person's answer to one criterion. Which fields count depends on the kind:
 * boolean → `value` true/false; ratio → `numerator`/`denominator`; count → `value` (integer);
 * text → `text`; derived → `value` computed by the caller from its source (or numerator/denominator
 * for a ratio source).
 */
export const CriterionAnswer = Type.Object(
  {
    value: Type.Optional(Type.Union([Type.Boolean(), Type.Number(), Type.Null()])),
    numerator: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    denominator: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
    text: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Null()])),
  },
  { additionalProperties: false, examples: [{ numerator: 35, denominator: 100 }] },
);
export type CriterionAnswer = Static<typeof CriterionAnswer>;

export const EVALUATION_RESULTS = ['met', 'not_met', 'needs_review'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
export const EVALUATION_REASONS = [
  'done',
  'not_done',
  'threshold_met',
  'threshold_not_met',
  'missing_answer',
  'no_denominator',
  'numerator_exceeds_denominator',
  'invalid_value',
  'narrative',
  'rule_incomplete',
] as const;
export type EvaluationReason = (typeof EVALUATION_REASONS)[number];
export const CriterionEvaluation = Type.Object(
  {
    result: StringEnum(EVALUATION_RESULTS),
    reason: StringEnum(EVALUATION_REASONS),
    measured: Type.Union([Type.Number(), Type.Null()], {
      description: 'The percent or count compared with the threshold',
    }),
  },
  { additionalProperties: false },
);
export type CriterionEvaluation = Static<typeof CriterionEvaluation>;
