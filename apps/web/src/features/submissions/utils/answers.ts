/**
 * How answers read to people and how two of them compare: the percent of a ratio, whether a
 * criterion is answered, what the threshold says, and the per-criterion differences between two
 * submitted versions (any two, not only consecutive ones).
 */
import { COMPARATOR_SYMBOLS, type Comparator, type CriterionAnswer, type SubmissionAnswer } from '@thidua/contract';
import { formatNumber } from '../../../lib/format.ts';

/** numerator × 100 / denominator, or null while either is missing or the denominator is 0. */
export function ratioPercent(answer: CriterionAnswer | null | undefined): number | null {
  const n = answer?.numerator;
  const d = answer?.denominator;
  if (n === null || n === undefined || d === null || d === undefined || d === 0) return null;
  return (n * 100) / d;
}

export function isAnswered(a: Pick<SubmissionAnswer, 'evaluation'>): boolean {
  return a.evaluation.reason !== 'missing_answer';
}

/** What a criterion measures: percent for ratios and the findings ratio, a number for counts. */
export function measureOf(a: Pick<SubmissionAnswer, 'kind' | 'derived'>): 'percent' | 'count' | null {
  if (a.kind === 'ratio') return 'percent';
  if (a.kind === 'count') return 'count';
  if (a.kind === 'derived')
    return a.derived?.source === 'findings_remedied_ratio'
      ? 'percent'
      : a.derived?.source === 'recognised_initiatives_count'
        ? 'count'
        : null;
  return null;
}

/** "> 30%", "≥ 1"; null when the criterion has no threshold (yes/no and text criteria). */
export function thresholdText(
  a: Pick<SubmissionAnswer, 'kind' | 'derived' | 'comparator' | 'threshold'>,
): string | null {
  const measure = measureOf(a);
  if (!measure || !a.comparator || a.threshold === null) return null;
  const symbol = COMPARATOR_SYMBOLS[a.comparator as Comparator] ?? a.comparator;
  return `${symbol} ${formatNumber(a.threshold, 2)}${measure === 'percent' ? '%' : ''}`;
}

/** The measured value as read: "35%", "2". */
export function measuredText(a: Pick<SubmissionAnswer, 'kind' | 'derived' | 'evaluation'>): string | null {
  const m = a.evaluation.measured;
  if (m === null) return null;
  return measureOf(a) === 'percent' ? `${formatNumber(m, 2)}%` : formatNumber(m, 2);
}

export type AnswerField = 'answer' | 'note' | 'files' | 'evaluation';

export interface AnswerComparison {
  criterionId: string;
  code: string;
  title: string;
  before: SubmissionAnswer | null;
  after: SubmissionAnswer | null;
  /** Fields that differ; empty = unchanged. A criterion in one version only lists nothing and has before or after null. */
  changed: AnswerField[];
}

/** Key order does not matter: {numerator, denominator} equals {denominator, numerator}. */
function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== null && x !== undefined)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, x]) => [k, canon(x)]),
        )
      : v;
  return JSON.stringify(canon(a ?? null)) === JSON.stringify(canon(b ?? null));
}

function changedFields(before: SubmissionAnswer, after: SubmissionAnswer): AnswerField[] {
  const out: AnswerField[] = [];
  if (!sameJson(before.answer, after.answer)) out.push('answer');
  if ((before.note ?? '') !== (after.note ?? '')) out.push('note');
  const ids = (a: SubmissionAnswer) =>
    a.files
      .map((f) => f.id)
      .sort()
      .join(',');
  if (ids(before) !== ids(after)) out.push('files');
  if (
    before.evaluation.result !== after.evaluation.result ||
    before.evaluation.reason !== after.evaluation.reason ||
    before.evaluation.measured !== after.evaluation.measured
  )
    out.push('evaluation');
  return out;
}

/** Criterion by criterion, in the later version's order; criteria only in the earlier one come last. */
export function compareAnswers(
  before: readonly SubmissionAnswer[],
  after: readonly SubmissionAnswer[],
): AnswerComparison[] {
  const earlier = new Map(before.map((a) => [a.criterionId, a]));
  const rows: AnswerComparison[] = after.map((a) => {
    const b = earlier.get(a.criterionId) ?? null;
    return {
      criterionId: a.criterionId,
      code: a.code,
      title: a.title,
      before: b,
      after: a,
      changed: b ? changedFields(b, a) : [],
    };
  });
  const later = new Set(after.map((a) => a.criterionId));
  for (const b of before)
    if (!later.has(b.criterionId))
      rows.push({ criterionId: b.criterionId, code: b.code, title: b.title, before: b, after: null, changed: [] });
  return rows;
}

/** True when the row differs at all (changed fields, or present in one version only). */
export function isDifferent(row: AnswerComparison): boolean {
  return row.changed.length > 0 || row.before === null || row.after === null;
}
