import { describe, expect, it } from 'vitest';
import { evaluateAnswer } from './criteria.evaluate.ts';

const ratioOver30 = { kind: 'ratio', comparator: 'gt', threshold: 30 } as const;
const all100 = { kind: 'ratio', comparator: 'eq', threshold: 100 } as const;
const atLeastOne = { kind: 'count', comparator: 'gte', threshold: 1 } as const;

describe('evaluateAnswer', () => {
  it('a ratio over 30%: 35% is met, 25% is not, exactly 30% is not', () => {
    expect(evaluateAnswer(ratioOver30, { numerator: 35, denominator: 100 })).toEqual({
      result: 'met',
      reason: 'threshold_met',
      measured: 35,
    });
    expect(evaluateAnswer(ratioOver30, { numerator: 25, denominator: 100 })).toEqual({
      result: 'not_met',
      reason: 'threshold_not_met',
      measured: 25,
    });
    expect(evaluateAnswer(ratioOver30, { numerator: 3, denominator: 10 }).result).toBe('not_met');
  });

  it('a ratio of 0 out of 0 needs a reviewer', () => {
    expect(evaluateAnswer(ratioOver30, { numerator: 0, denominator: 0 })).toEqual({
      result: 'needs_review',
      reason: 'no_denominator',
      measured: null,
    });
  });

  it('a ratio missing a number, or with more done than there were, needs a reviewer', () => {
    expect(evaluateAnswer(ratioOver30, { numerator: 5 }).reason).toBe('missing_answer');
    expect(evaluateAnswer(ratioOver30, null).reason).toBe('missing_answer');
    expect(evaluateAnswer(ratioOver30, { numerator: 12, denominator: 10 }).reason).toBe(
      'numerator_exceeds_denominator',
    );
  });

  it('"= 100%" is met by all and only all, whatever the rounding of the percent', () => {
    expect(evaluateAnswer(all100, { numerator: 7, denominator: 7 }).result).toBe('met');
    expect(evaluateAnswer(all100, { numerator: 3, denominator: 3 }).result).toBe('met');
    expect(evaluateAnswer(all100, { numerator: 999, denominator: 1000 }).result).toBe('not_met');
  });

  it('a count "≥ 1": 1 is met, 0 is not; a fraction or a negative needs a reviewer', () => {
    expect(evaluateAnswer(atLeastOne, { value: 1 })).toEqual({ result: 'met', reason: 'threshold_met', measured: 1 });
    expect(evaluateAnswer(atLeastOne, { value: 0 }).result).toBe('not_met');
    expect(evaluateAnswer(atLeastOne, { value: 1.5 }).reason).toBe('invalid_value');
    expect(evaluateAnswer(atLeastOne, { value: -1 }).reason).toBe('invalid_value');
    expect(evaluateAnswer(atLeastOne, {}).reason).toBe('missing_answer');
  });

  it('a boolean is met when done, not met when not, and needs a reviewer when unanswered', () => {
    expect(evaluateAnswer({ kind: 'boolean' }, { value: true })).toEqual({
      result: 'met',
      reason: 'done',
      measured: null,
    });
    expect(evaluateAnswer({ kind: 'boolean' }, { value: false })).toEqual({
      result: 'not_met',
      reason: 'not_done',
      measured: null,
    });
    expect(evaluateAnswer({ kind: 'boolean' }, {}).result).toBe('needs_review');
    expect(evaluateAnswer({ kind: 'boolean' }, { value: 1 }).reason).toBe('invalid_value');
  });

  it('a narrative always goes to a reviewer', () => {
    expect(evaluateAnswer({ kind: 'text' }, { text: 'Đã tham mưu ban hành 03 văn bản.' })).toEqual({
      result: 'needs_review',
      reason: 'narrative',
      measured: null,
    });
    expect(evaluateAnswer({ kind: 'text' }, { text: '  ' }).reason).toBe('missing_answer');
  });

  it('a derived criterion judges the value the caller computed from its source', () => {
    const remedied = {
      kind: 'derived',
      derivedSource: 'findings_remedied_ratio',
      comparator: 'eq',
      threshold: 100,
    } as const;
    expect(evaluateAnswer(remedied, { value: 100 }).result).toBe('met');
    expect(evaluateAnswer(remedied, { value: 80 }).result).toBe('not_met');
    expect(evaluateAnswer(remedied, { numerator: 4, denominator: 4 }).result).toBe('met');
    expect(evaluateAnswer(remedied, { numerator: 0, denominator: 0 }).reason).toBe('no_denominator');
    expect(evaluateAnswer(remedied, { value: 120 }).reason).toBe('invalid_value');
    const initiatives = {
      kind: 'derived',
      derivedSource: 'recognised_initiatives_count',
      comparator: 'gte',
      threshold: 1,
    } as const;
    expect(evaluateAnswer(initiatives, { value: 2 }).result).toBe('met');
    expect(evaluateAnswer(initiatives, { value: 0 }).result).toBe('not_met');
    expect(evaluateAnswer({ kind: 'derived', comparator: 'gte', threshold: 1 }, { value: 2 }).reason).toBe(
      'rule_incomplete',
    );
  });

  it('every comparator compares as its name says', () => {
    const at = (comparator: 'gt' | 'gte' | 'eq' | 'lte' | 'lt', value: number) =>
      evaluateAnswer({ kind: 'count', comparator, threshold: 5 }, { value }).result;
    expect([
      at('gt', 6),
      at('gt', 5),
      at('gte', 5),
      at('gte', 4),
      at('eq', 5),
      at('eq', 6),
      at('lte', 5),
      at('lte', 6),
      at('lt', 4),
      at('lt', 5),
    ]).toEqual(['met', 'not_met', 'met', 'not_met', 'met', 'not_met', 'met', 'not_met', 'met', 'not_met']);
  });
});
