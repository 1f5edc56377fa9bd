/** The pure rules of answers: fitting the kind, evidence, progress and the version comparison. */
import { describe, expect, it } from 'vitest';
import type { SubmissionAnswer } from '@thidua/contract';
import { answerProblem, diffAnswers, isEvidenceMissing, normaliseAnswer, progressOf } from './submission-answers.ts';

function answer(code: string, over: Partial<SubmissionAnswer> = {}): SubmissionAnswer {
  return {
    criterionId: `cr_${code}`,
    code,
    title: `Tiêu chuẩn ${code}`,
    group: 'specific',
    kind: 'boolean',
    comparator: null,
    threshold: null,
    maxScore: 10,
    evidenceRequired: false,
    answer: null,
    derived: null,
    note: null,
    files: [],
    evaluation: { result: 'needs_review', reason: 'missing_answer', measured: null },
    evidenceMissing: false,
    updatedAt: null,
    ...over,
  };
}

const file = (id: string) => ({
  id,
  name: `${id}.pdf`,
  mediaType: 'application/pdf',
  size: 10,
  sha256: '0'.repeat(64),
  unitId: 'un_1',
  personId: null,
  uploadedById: 'us_1',
  attached: true,
  createdAt: '2022-03-01T00:00:00.000Z',
});

describe('an answer fits its criterion', () => {
  it('accepts each kind its own fields, half-typed ratios included', () => {
    expect(answerProblem('boolean', { value: true })).toBeNull();
    expect(answerProblem('ratio', { numerator: 35, denominator: 100 })).toBeNull();
    expect(answerProblem('ratio', { numerator: 35 })).toBeNull();
    expect(answerProblem('count', { value: 2 })).toBeNull();
    expect(answerProblem('text', { text: 'Tham mưu …' })).toBeNull();
    expect(answerProblem('derived', null)).toBeNull();
  });

  it("refuses another kind's fields, a number for yes/no, a fraction for a count, and any typed value for a derived criterion", () => {
    expect(answerProblem('boolean', { value: 1 })).toBe('submission.answer_kind_mismatch');
    expect(answerProblem('boolean', { numerator: 1, denominator: 2 })).toBe('submission.answer_kind_mismatch');
    expect(answerProblem('ratio', { value: 35 })).toBe('submission.answer_kind_mismatch');
    expect(answerProblem('count', { value: 1.5 })).toBe('submission.answer_kind_mismatch');
    expect(answerProblem('count', { value: true })).toBe('submission.answer_kind_mismatch');
    expect(answerProblem('text', { value: true })).toBe('submission.answer_kind_mismatch');
    expect(answerProblem('derived', { value: 3 })).toBe('submission.answer_derived');
  });

  it('stores only the fields with a value; an empty answer is no answer', () => {
    expect(normaliseAnswer({ numerator: 3, denominator: null })).toEqual({ numerator: 3 });
    expect(normaliseAnswer({ value: null })).toBeNull();
    expect(normaliseAnswer(null)).toBeNull();
  });
});

describe('required evidence', () => {
  const met = { result: 'met', reason: 'done', measured: null } as const;
  const notMet = { result: 'not_met', reason: 'not_done', measured: null } as const;
  const unanswered = { result: 'needs_review', reason: 'missing_answer', measured: null } as const;
  const toReview = { result: 'needs_review', reason: 'narrative', measured: null } as const;

  it('is missing for a claim (met, or left to a reviewer) without a file', () => {
    expect(isEvidenceMissing({ evidenceRequired: true, kind: 'boolean' }, met, 0)).toBe(true);
    expect(isEvidenceMissing({ evidenceRequired: true, kind: 'text' }, toReview, 0)).toBe(true);
    expect(isEvidenceMissing({ evidenceRequired: true, kind: 'boolean' }, met, 1)).toBe(false);
  });

  it('is not asked for a criterion left unanswered: it is reported as unanswered instead', () => {
    expect(isEvidenceMissing({ evidenceRequired: true, kind: 'ratio' }, unanswered, 0)).toBe(false);
    expect(isEvidenceMissing({ evidenceRequired: true, kind: 'text' }, unanswered, 0)).toBe(false);
  });

  it('is not asked for a negative answer, a criterion that does not require it, or a derived one (its register holds it)', () => {
    expect(isEvidenceMissing({ evidenceRequired: true, kind: 'boolean' }, notMet, 0)).toBe(false);
    expect(isEvidenceMissing({ evidenceRequired: false, kind: 'boolean' }, met, 0)).toBe(false);
    expect(isEvidenceMissing({ evidenceRequired: true, kind: 'derived' }, met, 0)).toBe(false);
  });
});

it('progress counts answers, results and evidence, and names the criteria missing evidence', () => {
  const p = progressOf([
    answer('1.1', { answer: { value: true }, evaluation: { result: 'met', reason: 'done', measured: null } }),
    answer('1.2', { answer: { value: false }, evaluation: { result: 'not_met', reason: 'not_done', measured: null } }),
    answer('1.3', { evidenceMissing: true }),
    answer('1.4', {
      answer: { text: 'x' },
      evaluation: { result: 'needs_review', reason: 'narrative', measured: null },
      files: [file('fi_1')],
    }),
  ]);
  expect(p).toEqual({
    criteria: 4,
    answered: 3,
    met: 1,
    notMet: 1,
    needsReview: 2,
    withEvidence: 1,
    evidenceMissing: ['1.3'],
  });
});

describe('comparing versions', () => {
  it('names the changed fields per criterion and leaves the others unchanged', () => {
    const before = [
      answer('1.1', { answer: { numerator: 35, denominator: 100 }, files: [file('fi_1')] }),
      answer('1.2', { answer: { value: true } }),
    ];
    const after = [
      answer('1.1', {
        answer: { numerator: 40, denominator: 100 },
        files: [file('fi_1'), file('fi_2')],
        note: 'Sửa số liệu',
      }),
      answer('1.2', { answer: { value: true } }),
    ];
    const diff = diffAnswers(before, after);
    expect(diff.map((d) => [d.code, d.change, d.fields])).toEqual([
      ['1.1', 'changed', ['answer', 'note', 'files']],
      ['1.2', 'unchanged', []],
    ]);
  });

  it('marks criteria only in one of the two versions, and everything as added without an earlier version', () => {
    const diff = diffAnswers([answer('1.1'), answer('1.9')], [answer('1.1'), answer('1.2')]);
    expect(diff.map((d) => [d.code, d.change])).toEqual([
      ['1.1', 'unchanged'],
      ['1.2', 'added'],
      ['1.9', 'removed'],
    ]);
    expect(diffAnswers(null, [answer('1.1')]).map((d) => d.change)).toEqual(['added']);
  });

  it('sees a reordered set of the same files as unchanged', () => {
    const diff = diffAnswers(
      [answer('1.1', { files: [file('fi_1'), file('fi_2')] })],
      [answer('1.1', { files: [file('fi_2'), file('fi_1')] })],
    );
    expect(diff[0]!.change).toBe('unchanged');
  });
});
