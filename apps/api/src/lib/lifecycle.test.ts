import { describe, expect, it } from 'vitest';
import { canMove, illegalTransition, type Transitions } from './lifecycle.ts';
import { message, registerMessages } from './messages.ts';

type Status = 'open' | 'remedied' | 'verified';
type Action = 'remedy' | 'verify' | 'reopen';
const table: Transitions<Action, Status> = {
  remedy: { from: ['open'], to: 'remedied' },
  verify: { from: ['remedied'], to: 'verified' },
  reopen: { from: ['remedied', 'verified'], to: 'open' },
};

registerMessages({
  vi: {
    'sample.illegal_transition': 'Không thể {@action} khi "{@status}" (chỉ khi: {@allowed}).',
    'sample.action.reopen': 'mở lại',
    'sample.status.open': 'chưa khắc phục',
    'sample.status.remedied': 'đã khắc phục',
    'sample.status.verified': 'đã xác nhận',
  },
  en: {
    'sample.illegal_transition': 'Cannot {@action} when "{@status}" (only when: {@allowed}).',
    'sample.action.reopen': 'reopen',
    'sample.status.open': 'open',
    'sample.status.remedied': 'remedied',
    'sample.status.verified': 'verified',
  },
});

describe('canMove', () => {
  it('allows an action only from the states its row lists', () => {
    expect(canMove(table, 'remedy', 'open')).toBe(true);
    expect(canMove(table, 'remedy', 'remedied')).toBe(false);
    expect(canMove(table, 'reopen', 'remedied')).toBe(true);
    expect(canMove(table, 'reopen', 'verified')).toBe(true);
    expect(canMove(table, 'reopen', 'open')).toBe(false);
  });

  it('refuses a state the table does not know', () => {
    expect(canMove(table, 'verify', 'archived')).toBe(false);
  });
});

describe('illegalTransition', () => {
  it('is a 409 <resource>.illegal_transition whose params are catalogue keys', () => {
    const err = illegalTransition('sample', table, 'reopen', 'open');
    expect(err.status).toBe(409);
    expect(err.code).toBe('sample.illegal_transition');
    expect(err.params).toEqual({
      action: 'sample.action.reopen',
      status: 'sample.status.open',
      allowed: 'sample.status.remedied,sample.status.verified',
    });
  });

  it('reads as labels in the language asked for', () => {
    const { code, params } = illegalTransition('sample', table, 'reopen', 'open');
    expect(message('vi', code, params)).toBe(
      'Không thể mở lại khi "chưa khắc phục" (chỉ khi: đã khắc phục, đã xác nhận).',
    );
    expect(message('en', code, params)).toBe('Cannot reopen when "open" (only when: remedied, verified).');
  });

  it('shows a key without a label as the key, and leaves plain placeholders as given', () => {
    const { code, params } = illegalTransition('sample', table, 'verify', 'odd');
    expect(message('en', code, params)).toBe(
      'Cannot sample.action.verify when "sample.status.odd" (only when: remedied).',
    );
    expect(message('en', 'auth.too_many_attempts', { seconds: 30 })).toBe(
      'Too many failed sign-ins. Try again in 30 seconds.',
    );
  });
});
