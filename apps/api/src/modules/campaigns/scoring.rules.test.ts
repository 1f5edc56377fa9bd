import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING_RULES,
  bandFor,
  reminderDaysProblems,
  scoringProblems,
  unitGroupProblems,
} from '@thidua/contract';

describe('the scoring rules of the contract', () => {
  it('with the default bands a total falls in the first band it reaches; Trung bình catches every other total', () => {
    const label = (total: number) => bandFor(DEFAULT_SCORING_RULES.bands, total)?.label;
    expect(label(100)).toBe('Xuất sắc');
    expect(label(90)).toBe('Xuất sắc');
    expect(label(89.5)).toBe('Tốt');
    expect(label(80)).toBe('Tốt');
    expect(label(65)).toBe('Khá');
    expect(label(64.99)).toBe('Trung bình');
    expect(label(0)).toBe('Trung bình');
    // Only penalties beyond the points leave the default's last band.
    expect(label(-1)).toBeUndefined();
  });

  it('a total below every band has none, and a campaign without bands bands nobody', () => {
    const awards = [
      { label: 'Xuất sắc', minPoints: 90 },
      { label: 'Tốt', minPoints: 80 },
    ];
    expect(bandFor(awards, 79)).toBeNull();
    expect(bandFor([], 100)).toBeNull();
  });

  it('the default rules break none of the rules', () => {
    expect(scoringProblems(DEFAULT_SCORING_RULES)).toEqual([]);
  });

  it('bands going up or level, a name used twice (ignoring case), a repeated penalty or tie-break are problems', () => {
    expect(
      scoringProblems({
        penalties: [
          { kind: 'late_submission', points: 5 },
          { kind: 'late_submission', points: 1 },
        ],
        bands: [
          { label: 'Tốt', minPoints: 80 },
          { label: 'Khá', minPoints: 80 },
          { label: 'TỐT', minPoints: 85 },
          { label: ' ', minPoints: 10 },
        ],
        tieBreak: ['criteria_met', 'criteria_met'],
      }),
    ).toEqual([
      { field: '/penalties/1/kind', code: 'scoring.penalty_repeated' },
      { field: '/bands/1/minPoints', code: 'scoring.bands_not_decreasing' },
      { field: '/bands/2/label', code: 'scoring.band_label_taken' },
      { field: '/bands/2/minPoints', code: 'scoring.bands_not_decreasing' },
      { field: '/bands/3/label', code: 'scoring.band_label_required' },
      { field: '/tieBreak/1', code: 'scoring.tie_break_repeated' },
    ]);
  });

  it('groups need unique codes (ignoring case) and names, and put each unit in one group at most', () => {
    expect(
      unitGroupProblems([
        { code: 'CUM-1', name: 'Cụm 1', unitIds: ['a', 'b'] },
        { code: 'cum-1', name: '', unitIds: ['c', 'a'] },
      ]),
    ).toEqual([
      { field: '/1/code', code: 'campaign.group_code_taken' },
      { field: '/1/name', code: 'campaign.group_name_required' },
      { field: '/1/unitIds/1', code: 'campaign.group_unit_repeated' },
    ]);
  });

  it('reminder days are whole days 0–90, each once, at most five', () => {
    expect(reminderDaysProblems([7, 2, 0])).toEqual([]);
    expect(reminderDaysProblems([91, 2.5, 7, 7])).toEqual([
      { field: '/0', code: 'campaign.reminder_day_range' },
      { field: '/1', code: 'campaign.reminder_day_range' },
      { field: '/3', code: 'campaign.reminder_day_repeated' },
    ]);
    expect(reminderDaysProblems([1, 2, 3, 4, 5, 6])).toEqual([{ field: '', code: 'campaign.reminder_days_too_many' }]);
  });
});
