/**
 * Evaluates one answer against one criterion: met, not met, or needs a reviewer. Pure, so that
 * self-assessments, reviews and the scoreboard all judge an answer the same way. The reviewer
 * confirms or overrides the result; this only proposes it.
 */
import {
  DERIVED_SOURCE_MEASURE,
  type Comparator,
  type CriterionAnswer,
  type CriterionEvaluation,
  type CriterionRule,
} from '@thidua/contract';

/** Tolerance for percents computed from integers (35/100*100 is not exactly 35 in floating point). */
const EPSILON = 1e-9;

export function compare(measured: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case 'gt':
      return measured > threshold + EPSILON;
    case 'gte':
      return measured >= threshold - EPSILON;
    case 'eq':
      return Math.abs(measured - threshold) <= EPSILON;
    case 'lte':
      return measured <= threshold + EPSILON;
    case 'lt':
      return measured < threshold - EPSILON;
  }
}

const missing = (v: unknown) => v === null || v === undefined;

function judge(measured: number, rule: CriterionRule): CriterionEvaluation {
  if (missing(rule.comparator) || missing(rule.threshold))
    return { result: 'needs_review', reason: 'rule_incomplete', measured };
  const met = compare(measured, rule.comparator as Comparator, rule.threshold as number);
  return { result: met ? 'met' : 'not_met', reason: met ? 'threshold_met' : 'threshold_not_met', measured };
}

function percent(answer: CriterionAnswer, rule: CriterionRule): CriterionEvaluation {
  const { numerator, denominator } = answer;
  if (missing(numerator) || missing(denominator))
    return { result: 'needs_review', reason: 'missing_answer', measured: null };
  // 0 of 0 is not 0% nor 100%: nothing was measured, so a person decides.
  if (denominator === 0) return { result: 'needs_review', reason: 'no_denominator', measured: null };
  if ((numerator as number) > (denominator as number))
    return { result: 'needs_review', reason: 'numerator_exceeds_denominator', measured: null };
  return judge(((numerator as number) * 100) / (denominator as number), rule);
}

function measuredValue(value: unknown, rule: CriterionRule): CriterionEvaluation {
  if (missing(value)) return { result: 'needs_review', reason: 'missing_answer', measured: null };
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    return { result: 'needs_review', reason: 'invalid_value', measured: null };
  return judge(value, rule);
}

export function evaluateAnswer(
  criterion: CriterionRule,
  answer: CriterionAnswer | null | undefined,
): CriterionEvaluation {
  const a: CriterionAnswer = answer ?? {};
  switch (criterion.kind) {
    case 'boolean':
      if (missing(a.value)) return { result: 'needs_review', reason: 'missing_answer', measured: null };
      if (typeof a.value !== 'boolean') return { result: 'needs_review', reason: 'invalid_value', measured: null };
      return a.value
        ? { result: 'met', reason: 'done', measured: null }
        : { result: 'not_met', reason: 'not_done', measured: null };
    case 'text':
      // A narrative is never judged by the machine.
      return {
        result: 'needs_review',
        reason: missing(a.text) || !String(a.text).trim() ? 'missing_answer' : 'narrative',
        measured: null,
      };
    case 'ratio':
      return percent(a, criterion);
    case 'count':
      if (typeof a.value === 'number' && !Number.isInteger(a.value))
        return { result: 'needs_review', reason: 'invalid_value', measured: null };
      return measuredValue(a.value, criterion);
    case 'derived': {
      if (missing(criterion.derivedSource))
        return { result: 'needs_review', reason: 'rule_incomplete', measured: null };
      const measure = DERIVED_SOURCE_MEASURE[criterion.derivedSource!];
      if (measure === 'ratio' && missing(a.value)) return percent(a, criterion);
      if (measure === 'ratio' && typeof a.value === 'number' && (a.value < 0 || a.value > 100))
        return { result: 'needs_review', reason: 'invalid_value', measured: null };
      return measuredValue(a.value, criterion);
    }
  }
}
