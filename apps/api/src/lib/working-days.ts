/**
 * Working days (ngày làm việc) as the law counts them for reception times and posting periods:
 * Saturdays, Sundays and the administrator's public holidays (Tết …) do not count. Pure functions
 * over YYYY-MM-DD dates; the holidays come from the catalogue (`holidaysBetween`).
 */
const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/**
 * Working days elapsed from `from` to `to`: the days after `from` up to and including `to` that are
 * working days (received on Friday, answered on Monday = 1). 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let t = toUtc(from) + DAY_MS; t <= toUtc(to); t += DAY_MS) if (isWorkingDay(iso(t), holidays)) count++;
  return count;
}

/**
 * The last day of a period of `days` working days starting on `start` (counted when it is a working
 * day): a posting from Monday for 10 working days ends on the Friday of the next week.
 */
export function endOfWorkingDays(start: string, days: number, holidays: ReadonlySet<string>): string {
  if (days < 1) throw new RangeError('a period has at least one working day');
  let t = toUtc(start);
  let counted = 0;
  for (;;) {
    if (isWorkingDay(iso(t), holidays)) counted++;
    if (counted === days) return iso(t);
    t += DAY_MS;
  }
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, holidays: ReadonlySet<string>): string {
  let t = toUtc(date);
  while (!isWorkingDay(iso(t), holidays)) t += DAY_MS;
  return iso(t);
}
