/**
 * The progress dashboard's queries. Every figure is an aggregate over one SQL view of the
 * participating units (`lines`: unit × enrolment × collective submission × first version × deadline
 * extension), so the cost grows with the units once, never a query per unit. Dates and times are
 * turned to text in SQL, so PGlite and node-postgres hand back the same strings.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ProgressFilter } from '@thidua/contract';
import {
  criteria,
  deadlineExtensions,
  enrollments,
  submissions,
  submissionVersions,
  units,
} from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { matchesSearch } from '../../lib/search.ts';
import { participatesIn, type CampaignRow } from '../campaigns/index.ts';

export interface ProgressScope {
  campaign: CampaignRow;
  /** The units whose lines the caller may see. */
  reach: Reach;
  /** Today in Vietnam (YYYY-MM-DD): deadlines are calendar days there. */
  today: string;
}

/** An ISO 8601 UTC string of a timestamptz, or null. */
const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One row per participating unit within reach, with its progress status, deadline and timing.
 * The first submission is the submission's own record of it, or else its version 1.
 */
function lines(scope: ProgressScope, search?: SQL): SQL {
  const { campaign, reach } = scope;
  const c = campaign.id;
  const within = unitWithin(reach, units.id) ?? sql`true`;
  return sql`
    SELECT ${units.id} AS unit_id, ${units.code} AS unit_code, ${units.name} AS unit_name, ${units.kind} AS unit_kind,
      ${units.level} AS unit_level, ${units.displayOrder} AS unit_order,
      e.id IS NOT NULL AS enrolled,
      s.id AS submission_id, s.status AS submission_status, coalesce(s.version_count, 0) AS version_count,
      coalesce(s.first_submitted_at, v1.submitted_at) AS first_at, s.submitted_at AS last_at,
      greatest(e.updated_at, e.enrolled_at, s.created_at, s.updated_at, s.submitted_at, s.returned_at, s.accepted_at) AS activity_at,
      greatest(${campaign.submissionDeadline}::date, x.until) AS deadline,
      coalesce(x.until > ${campaign.submissionDeadline}::date, false) AS extended,
      CASE WHEN s.id IS NULL THEN CASE WHEN e.id IS NULL THEN 'not_enrolled' ELSE 'not_started' END
           ELSE s.status END AS status
    FROM ${units}
    LEFT JOIN ${enrollments} e ON e.campaign_id = ${c} AND e.unit_id = ${units.id}
    LEFT JOIN ${submissions} s ON s.campaign_id = ${c} AND s.unit_id = ${units.id} AND s.person_id IS NULL
    LEFT JOIN ${submissionVersions} v1 ON v1.submission_id = s.id AND v1.number = 1
    LEFT JOIN ${deadlineExtensions} x ON x.campaign_id = ${c} AND x.unit_id = ${units.id}
    WHERE ${participatesIn(campaign)} AND ${within} ${search ? sql`AND ${search}` : sql``}
  `;
}

/** `lines` with the timing of the first submission against the deadline and today. */
function timed(scope: ProgressScope, search?: SQL): SQL {
  return sql`
    SELECT l.*,
      (l.first_at IS NOT NULL AND ((l.first_at AT TIME ZONE 'UTC') + interval '7 hours')::date > l.deadline) AS late,
      (l.first_at IS NULL AND l.deadline < ${scope.today}::date) AS overdue
    FROM (${lines(scope, search)}) l`;
}

const FILTERS: Record<ProgressFilter, SQL> = {
  not_enrolled: sql`t.status = 'not_enrolled'`,
  not_started: sql`t.status = 'not_started'`,
  draft: sql`t.status = 'draft'`,
  submitted: sql`t.status = 'submitted'`,
  returned: sql`t.status = 'returned'`,
  accepted: sql`t.status = 'accepted'`,
  enrolled: sql`t.enrolled`,
  on_time: sql`t.first_at IS NOT NULL AND NOT t.late`,
  late: sql`t.late`,
  overdue: sql`t.overdue`,
};

export interface ProgressCountsRow {
  participants: number;
  enrolled: number;
  not_enrolled: number;
  not_started: number;
  drafting: number;
  submitted: number;
  returned: number;
  accepted: number;
  on_time: number;
  late: number;
  overdue: number;
}

async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  const { rows } = (await db.execute(query)) as unknown as { rows: T[] };
  return rows;
}

export async function progressCounts(db: Executor, scope: ProgressScope): Promise<ProgressCountsRow> {
  const [row] = await rowsOf<ProgressCountsRow>(
    db,
    sql`SELECT count(*)::int AS participants,
      count(*) FILTER (WHERE t.enrolled)::int AS enrolled,
      count(*) FILTER (WHERE t.status = 'not_enrolled')::int AS not_enrolled,
      count(*) FILTER (WHERE t.status = 'not_started')::int AS not_started,
      count(*) FILTER (WHERE t.status = 'draft')::int AS drafting,
      count(*) FILTER (WHERE t.status = 'submitted')::int AS submitted,
      count(*) FILTER (WHERE t.status = 'returned')::int AS returned,
      count(*) FILTER (WHERE t.status = 'accepted')::int AS accepted,
      count(*) FILTER (WHERE t.first_at IS NOT NULL AND NOT t.late)::int AS on_time,
      count(*) FILTER (WHERE t.late)::int AS late,
      count(*) FILTER (WHERE t.overdue)::int AS overdue
    FROM (${timed(scope)}) t`,
  );
  return row!;
}

export interface UnitProgressRow {
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  enrolled: boolean;
  status: string;
  submission_id: string | null;
  version_count: number;
  first_at: string | null;
  last_at: string | null;
  activity_at: string | null;
  deadline: string;
  extended: boolean;
  days_to_deadline: number;
  late: boolean;
  overdue: boolean;
  met: number | null;
  not_met: number | null;
}

export interface UnitPageFilter {
  status?: ProgressFilter | undefined;
  q?: string | undefined;
}

/** One page of unit lines matching the filter, in the tree's order, and how many match. */
export async function unitProgressPage(
  db: Executor,
  scope: ProgressScope,
  filter: UnitPageFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: UnitProgressRow[]; total: number }> {
  const search = matchesSearch(units.searchKey, filter.q);
  const where = filter.status ? FILTERS[filter.status] : sql`true`;
  const [rows, [total]] = await Promise.all([
    rowsOf<UnitProgressRow>(
      db,
      sql`SELECT t.unit_id, t.unit_code, t.unit_name, t.unit_kind, t.enrolled, t.status, t.submission_id,
          t.version_count::int AS version_count,
          ${iso(sql`t.first_at`)} AS first_at, ${iso(sql`t.last_at`)} AS last_at, ${iso(sql`t.activity_at`)} AS activity_at,
          to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.extended,
          (t.deadline - ${scope.today}::date)::int AS days_to_deadline, t.late, t.overdue,
          (v.progress->>'met')::int AS met, (v.progress->>'notMet')::int AS not_met
        FROM (${timed(scope, search)}) t
        LEFT JOIN ${submissionVersions} v ON v.submission_id = t.submission_id AND v.number = t.version_count
        WHERE ${where}
        ORDER BY t.unit_level, t.unit_order, t.unit_name, t.unit_id
        LIMIT ${page.limit} OFFSET ${page.offset}`,
    ),
    rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${timed(scope, search)}) t WHERE ${where}`),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export interface CriterionProgressRow {
  criterion_id: string;
  code: string;
  title: string;
  met: number;
  not_met: number;
  needs_review: number;
}

/**
 * Per collective criterion, how the units' last submitted versions evaluate it (the evaluation
 * frozen in the version at submit). An answer missing from the version, or evaluated as
 * missing_answer, counts as not answered (the caller subtracts from the participants).
 */
export async function criterionProgress(db: Executor, scope: ProgressScope): Promise<CriterionProgressRow[]> {
  return rowsOf<CriterionProgressRow>(
    db,
    sql`WITH answers AS MATERIALIZED (
        SELECT a->>'criterionId' AS criterion_id, a->'evaluation'->>'result' AS result,
          a->'evaluation'->>'reason' AS reason
        FROM (${lines(scope)}) l
        JOIN ${submissionVersions} v ON v.submission_id = l.submission_id AND v.number = l.version_count
        CROSS JOIN LATERAL jsonb_array_elements(v.answers) a
        WHERE l.version_count > 0
      ), tally AS (
        -- grouped on the narrow extracted values (materialized above, so no answer's whole JSON is sorted)
        SELECT criterion_id,
          count(*) FILTER (WHERE result = 'met') AS met,
          count(*) FILTER (WHERE result = 'not_met') AS not_met,
          count(*) FILTER (WHERE result = 'needs_review' AND reason <> 'missing_answer') AS needs_review
        FROM answers GROUP BY criterion_id
      )
      SELECT c.id AS criterion_id, c.code, c.title,
        coalesce(t.met, 0)::int AS met, coalesce(t.not_met, 0)::int AS not_met,
        coalesce(t.needs_review, 0)::int AS needs_review
      FROM ${criteria} c
      LEFT JOIN tally t ON t.criterion_id = c.id
      WHERE c.campaign_id = ${scope.campaign.id} AND c.target = 'collective'
      ORDER BY not_met DESC, met ASC, c.position, c.code`,
  );
}
