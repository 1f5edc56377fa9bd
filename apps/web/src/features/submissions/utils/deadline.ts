/** Days left before a self-assessment deadline, counted in Vietnamese calendar days, and how urgent that is. */

/** Today in Vietnam as YYYY-MM-DD (deadlines are calendar days there, whatever the browser's zone). */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Whole days from today to the deadline: 0 on the last day, negative once it has passed. */
export function daysUntil(deadline: string, today = todayInVietnam()): number {
  const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((day(deadline) - day(today)) / 86_400_000);
}

export type DeadlineTone = 'overdue' | 'close' | 'normal';

/** Overdue after the day; "close" in the last week, when a unit must hurry. */
export function deadlineTone(days: number): DeadlineTone {
  if (days < 0) return 'overdue';
  if (days <= 7) return 'close';
  return 'normal';
}

export const DEADLINE_COLORS: Record<DeadlineTone, string> = { overdue: 'red', close: 'orange', normal: 'blue' };
