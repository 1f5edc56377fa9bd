import { describe, expect, it } from 'vitest';
import { addDays, addYears, formatPlanDate, retitle, todayInVietnam } from './dates.ts';

describe('campaign dates', () => {
  it('today is the date in Vietnam (UTC+7), not on the server', () => {
    expect(todayInVietnam(new Date('2022-02-28T17:30:00Z'))).toBe('2022-03-01');
    expect(todayInVietnam(new Date('2022-02-28T16:59:00Z'))).toBe('2022-02-28');
  });

  it('shifting by years keeps day and month; 29 February becomes 28 February', () => {
    expect(addYears('2022-03-01', 1)).toBe('2023-03-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addDays('2022-12-30', 3)).toBe('2023-01-02');
  });

  it("a title's quoted dates follow the campaign's dates, written the same way", () => {
    const title = 'Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính (từ ngày 01/3/2022 đến 19/5/2022)';
    expect(
      retitle(title, [
        ['2022-03-01', '2023-03-01'],
        ['2022-05-19', '2023-05-19'],
      ]),
    ).toBe('Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính (từ ngày 01/3/2023 đến 19/5/2023)');
    expect(retitle('Thi đua CCHC năm 2022, từ 1/03/2022', [['2022-03-01', '2023-03-05']])).toBe(
      'Thi đua CCHC năm 2023, từ 5/03/2023',
    );
    expect(retitle('Thi đua CCHC năm 2022', [['2022-03-01', '2023-03-01']], { bareYear: false })).toBe(
      'Thi đua CCHC năm 2022',
    );
    // A date that is not one of the campaign's own (a cited document) is left alone.
    expect(retitle('theo Kế hoạch ngày 06/01/2022', [['2022-03-01', '2023-03-01']], { bareYear: false })).toBe(
      'theo Kế hoạch ngày 06/01/2022',
    );
  });

  it('plans print dates with the day padded and the month not', () => {
    expect(formatPlanDate('2022-03-01')).toBe('01/3/2022');
  });
});
