/**
 * Working days around weekends and Tết 2026 (public holidays Mon 16 – Fri 20 Feb 2026), and the
 * bonus arithmetic of the catalogue (coefficient × base salary, rounded up as an authority sets).
 */
import { describe, expect, it } from 'vitest';
import { bonusAmount } from '../modules/award-types/index.ts';
import { endOfWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.ts';

const TET_2026 = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
const NONE = new Set<string>();

describe('working days', () => {
  it('skips Saturdays and Sundays: received Friday, answered Monday is one working day', () => {
    expect(isWorkingDay('2026-02-13', NONE)).toBe(true); // Friday
    expect(isWorkingDay('2026-02-14', NONE)).toBe(false); // Saturday
    expect(isWorkingDay('2026-02-15', NONE)).toBe(false); // Sunday
    expect(workingDaysBetween('2026-02-13', '2026-02-16', NONE)).toBe(1);
    expect(workingDaysBetween('2026-02-13', '2026-02-15', NONE)).toBe(0);
  });

  it('skips the Tết holidays: received Fri 13 Feb 2026, answered Mon 23 Feb is one working day', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-23', TET_2026)).toBe(1);
    expect(workingDaysBetween('2026-02-13', '2026-02-20', TET_2026)).toBe(0);
    // Without the holidays the same span holds six working days.
    expect(workingDaysBetween('2026-02-13', '2026-02-23', NONE)).toBe(6);
  });

  it('is 0 when the end is not after the start', () => {
    expect(workingDaysBetween('2026-02-23', '2026-02-23', TET_2026)).toBe(0);
    expect(workingDaysBetween('2026-02-23', '2026-02-13', TET_2026)).toBe(0);
  });

  it('a 10-working-day posting from Mon 9 Feb 2026 runs past Tết to Fri 27 Feb (Fri 20 Feb without holidays)', () => {
    // 9–13 Feb: 5 days; 16–20 Feb: Tết; 23–27 Feb: 5 days.
    expect(endOfWorkingDays('2026-02-09', 10, TET_2026)).toBe('2026-02-27');
    expect(endOfWorkingDays('2026-02-09', 10, NONE)).toBe('2026-02-20');
    expect(workingDaysBetween('2026-02-08', '2026-02-27', TET_2026)).toBe(10);
  });

  it('a period starting on a Saturday counts from the Monday', () => {
    expect(endOfWorkingDays('2026-03-07', 1, NONE)).toBe('2026-03-09');
    expect(endOfWorkingDays('2026-03-07', 5, NONE)).toBe('2026-03-13');
    expect(nextWorkingDay('2026-03-07', NONE)).toBe('2026-03-09');
    // Saturday 14 Feb, before Tết: the first working day is Monday 23 Feb.
    expect(nextWorkingDay('2026-02-14', TET_2026)).toBe('2026-02-23');
  });

  it('a holiday on a weekday is skipped like a weekend (Thu 30 Apr and Fri 1 May 2026)', () => {
    const holidays = new Set(['2026-04-30', '2026-05-01']);
    expect(isWorkingDay('2026-04-30', holidays)).toBe(false);
    expect(workingDaysBetween('2026-04-29', '2026-05-04', holidays)).toBe(1);
    expect(endOfWorkingDays('2026-04-29', 2, holidays)).toBe('2026-05-04');
    expect(nextWorkingDay('2026-04-30', holidays)).toBe('2026-05-04');
  });

  it('refuses a period of no working day', () => {
    expect(() => endOfWorkingDays('2026-02-09', 0, NONE)).toThrow(RangeError);
  });
});

describe('bonus amounts', () => {
  it('0.3 × 2,340,000 is exactly 702,000 VND', () => {
    expect(bonusAmount(0.3, 2_340_000, 1)).toBe(702_000);
    expect(bonusAmount('0.300', 2_340_000, 1000)).toBe(702_000);
  });

  it('rounds up to the step the authority sets', () => {
    expect(bonusAmount(0.3, 2_340_000, 10_000)).toBe(710_000);
    expect(bonusAmount(0.45, 2_340_000, 1)).toBe(1_053_000);
    expect(bonusAmount(0.45, 2_340_000, 10_000)).toBe(1_060_000);
    expect(bonusAmount(0.8, 2_340_000, 1000)).toBe(1_872_000);
    expect(bonusAmount(0.8, 2_340_000, 10_000)).toBe(1_880_000);
    expect(bonusAmount(0.3, 1_490_000, 1000)).toBe(447_000);
    expect(bonusAmount(0.3, 1_490_001, 1000)).toBe(448_000);
  });

  it('a coefficient of 0 gives no bonus, and a step below 1 means no rounding', () => {
    expect(bonusAmount(0, 2_340_000, 1000)).toBe(0);
    expect(bonusAmount(1.5, 2_340_000, 0)).toBe(3_510_000);
  });
});
