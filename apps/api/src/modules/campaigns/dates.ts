/**
 * Calendar dates (YYYY-MM-DD) as campaigns use them: today in Vietnam, shifting by days or years,
 * and rewriting the dates a title quotes when a campaign moves in time.
 */
import type { FieldProblem } from '../../lib/errors.ts';

const DAY_MS = 86_400_000;
/** Vietnam keeps UTC+7 all year, so "today" for deadlines is computed there, not on the server. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Same day and month `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The shift a clone or a template applies to every date. */
export type DateShift = { days: number } | { years: number };

export function shiftDate(date: string, shift: DateShift): string;
export function shiftDate(date: string | null | undefined, shift: DateShift): string | null;
export function shiftDate(date: string | null | undefined, shift: DateShift): string | null {
  if (!date) return null;
  return 'days' in shift ? addDays(date, shift.days) : addYears(date, shift.years);
}

/**
 * Rewrites, in a title such as "… (từ ngày 01/3/2022 đến 19/5/2022)", every quoted date that is one
 * of the campaign's own dates into its new value, keeping the way it was written (01/3 or 1/03),
 * then (unless bareYear is false) a remaining bare year of the old start ("… năm 2022") into the new one.
 */
export function retitle(
  title: string,
  pairs: [string | null, string | null][],
  opts: { bareYear?: boolean } = {},
): string {
  const moved = new Map<string, string>();
  for (const [before, after] of pairs) if (before && after) moved.set(before, after);
  let out = title.replace(
    /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g,
    (whole, d: string, m: string, y: string) => {
      const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
      const next = moved.get(iso);
      if (!next) return whole;
      const [ny, nm, nd] = next.split('-') as [string, string, string];
      const day = d.length === 2 ? nd : String(Number(nd));
      const month = m.length === 2 ? nm : String(Number(nm));
      return `${day}/${month}/${ny}`;
    },
  );
  const [first] = pairs;
  if (opts.bareYear !== false && first?.[0] && first[1] && yearOf(first[0]) !== yearOf(first[1])) {
    out = out.replace(new RegExp(`(?<![\\d/])${yearOf(first[0])}(?![\\d/])`, 'g'), String(yearOf(first[1])));
  }
  return out;
}

/**
 * Launched but not begun: an open campaign whose first day is still ahead in Vietnam. It is
 * announced (units enrol, read the plan) but not in progress: self-assessments start on startsOn.
 */
export function isUpcoming(c: { status: string; startsOn: string }, today = todayInVietnam()): boolean {
  return c.status === 'open' && today < c.startsOn;
}

/** Self-assessments wait for startsOn, unless the office opened them early on purpose. */
export function selfAssessmentsWait(
  c: { status: string; startsOn: string; selfAssessmentOpenedEarlyAt: Date | string | null },
  today = todayInVietnam(),
): boolean {
  return isUpcoming(c, today) && !c.selfAssessmentOpenedEarlyAt;
}

/** A date as Vietnamese plans print it in running text: 01/3/2022 (day padded, month not). */
export function formatPlanDate(date: string): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  return `${d}/${Number(m)}/${y}`;
}

interface DateFields {
  startsOn: string;
  endsOn: string;
  submissionDeadline: string;
  dossierDeadline: string | null;
}

/** Dates in order: start ≤ end, start ≤ self-assessment deadline, end ≤ dossier deadline. */
export function dateProblems(d: DateFields, prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (d.endsOn < d.startsOn) out.push({ field: `${prefix}/endsOn`, code: 'campaign.ends_before_start' });
  if (d.submissionDeadline < d.startsOn)
    out.push({ field: `${prefix}/submissionDeadline`, code: 'campaign.submission_deadline_before_start' });
  if (d.dossierDeadline && d.dossierDeadline < d.endsOn)
    out.push({ field: `${prefix}/dossierDeadline`, code: 'campaign.dossier_deadline_before_end' });
  return out;
}
