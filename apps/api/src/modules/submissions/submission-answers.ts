/**
 * Pure rules of a submission's answers: which answer fits which kind of criterion, when evidence is
 * missing, the progress counts, and the comparison of two submitted versions. No database here, so
 * the rules are tested on their own (submission-answers.test.ts).
 */
import type {
  AnswerDiff,
  AnswerDiffField,
  CriterionAnswer,
  CriterionEvaluation,
  CriterionKind,
  SubmissionAnswer,
  SubmissionProgress,
} from '@thidua/contract';
import { canonicalJson } from '../../lib/canonical-json.ts';

/** The answer fields each kind of criterion takes; a derived criterion takes none (it is computed). */
const FIELDS_OF_KIND: Record<CriterionKind, readonly (keyof CriterionAnswer)[]> = {
  boolean: ['value'],
  ratio: ['numerator', 'denominator'],
  count: ['value'],
  text: ['text'],
  derived: [],
};

/**
 * Why an answer does not fit its criterion (a message code), or null when it fits. Nulls inside an
 * answer are allowed: autosave keeps half-typed answers (a numerator before its denominator).
 */
export function answerProblem(kind: CriterionKind, answer: CriterionAnswer | null | undefined): string | null {
  if (answer === null || answer === undefined) return null;
  if (kind === 'derived') return 'submission.answer_derived';
  const allowed = FIELDS_OF_KIND[kind];
  const given = (Object.keys(answer) as (keyof CriterionAnswer)[]).filter((k) => answer[k] !== undefined);
  if (given.some((k) => !allowed.includes(k))) return 'submission.answer_kind_mismatch';
  const v = answer.value;
  if (kind === 'boolean' && v !== undefined && v !== null && typeof v !== 'boolean')
    return 'submission.answer_kind_mismatch';
  if (kind === 'count' && v !== undefined && v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 0))
    return 'submission.answer_kind_mismatch';
  return null;
}

/** The answer as stored: only the fields that carry a value; nothing at all becomes null. */
export function normaliseAnswer(answer: CriterionAnswer | null | undefined): CriterionAnswer | null {
  if (!answer) return null;
  const out: CriterionAnswer = {};
  for (const [k, v] of Object.entries(answer) as [keyof CriterionAnswer, CriterionAnswer[keyof CriterionAnswer]][]) {
    if (v !== null && v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return Object.keys(out).length ? out : null;
}

/**
 * Required evidence is missing when the criterion asks for it, none is attached, and the answer
 * claims something: a negative answer (not met) needs no proof, and neither does a criterion left
 * unanswered — it is reported as unanswered (progress.answered), which does not stop a submit.
 * A derived criterion's proof is in its register (the remedies, the recognition decisions): files
 * may be attached to it too (the inspection plan …), but their absence does not block.
 */
export function isEvidenceMissing(
  c: { evidenceRequired: boolean; kind: CriterionKind },
  evaluation: CriterionEvaluation,
  fileCount: number,
): boolean {
  return (
    c.evidenceRequired &&
    c.kind !== 'derived' &&
    evaluation.result !== 'not_met' &&
    evaluation.reason !== 'missing_answer' &&
    fileCount === 0
  );
}

export function progressOf(answers: readonly SubmissionAnswer[]): SubmissionProgress {
  return {
    criteria: answers.length,
    answered: answers.filter((a) => a.evaluation.reason !== 'missing_answer').length,
    met: answers.filter((a) => a.evaluation.result === 'met').length,
    notMet: answers.filter((a) => a.evaluation.result === 'not_met').length,
    needsReview: answers.filter((a) => a.evaluation.result === 'needs_review').length,
    withEvidence: answers.filter((a) => a.files.length > 0).length,
    evidenceMissing: answers.filter((a) => a.evidenceMissing).map((a) => a.code),
  };
}

function changedFields(before: SubmissionAnswer, after: SubmissionAnswer): AnswerDiffField[] {
  const out: AnswerDiffField[] = [];
  if (canonicalJson(before.answer) !== canonicalJson(after.answer)) out.push('answer');
  if ((before.note ?? '') !== (after.note ?? '')) out.push('note');
  const ids = (a: SubmissionAnswer) =>
    a.files
      .map((f) => f.id)
      .sort()
      .join(',');
  if (ids(before) !== ids(after)) out.push('files');
  if (canonicalJson(before.evaluation) !== canonicalJson(after.evaluation)) out.push('evaluation');
  return out;
}

/**
 * Compares a version's answers with the previous version's, criterion by criterion, in the later
 * version's order (criteria only in the earlier one come last). Without an earlier version every
 * criterion is "added".
 */
export function diffAnswers(
  before: readonly SubmissionAnswer[] | null,
  after: readonly SubmissionAnswer[],
): AnswerDiff[] {
  const earlier = new Map((before ?? []).map((a) => [a.criterionId, a]));
  const items: AnswerDiff[] = after.map((a) => {
    const b = before ? (earlier.get(a.criterionId) ?? null) : null;
    if (!b)
      return {
        criterionId: a.criterionId,
        code: a.code,
        title: a.title,
        change: 'added',
        fields: [],
        before: null,
        after: a,
      };
    const fields = changedFields(b, a);
    return {
      criterionId: a.criterionId,
      code: a.code,
      title: a.title,
      change: fields.length ? 'changed' : 'unchanged',
      fields,
      before: b,
      after: a,
    };
  });
  const later = new Set(after.map((a) => a.criterionId));
  for (const b of before ?? []) {
    if (!later.has(b.criterionId))
      items.push({
        criterionId: b.criterionId,
        code: b.code,
        title: b.title,
        change: 'removed',
        fields: [],
        before: b,
        after: null,
      });
  }
  return items;
}
