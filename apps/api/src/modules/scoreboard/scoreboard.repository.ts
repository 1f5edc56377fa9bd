/**
 * The scoreboard as one SQL statement: participants, their submission, the sum of their reviewed
 * scores × weights, penalties, total and RANK() over the campaign's tie-break chain, within each
 * group. Set-based (CTEs, aggregates, one window function), so its cost grows with units × criteria,
 * never one query per unit (see bench/run.ts and docs/performance.md). Queries only: which campaign,
 * for whom, and what the rows mean are decided in scoreboard.service.ts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ScoreboardGroupBy, ScoreboardTarget, TieBreak, UnitGroup } from '@thidua/contract';
import type { Executor } from '../../db/client.ts';
import { participatesIn, type CampaignRow } from '../campaigns/index.ts';

export interface ScoreboardParams {
  campaign: CampaignRow;
  target: ScoreboardTarget;
  groupBy: ScoreboardGroupBy;
  /** Only this group (a kind or a named group's code), or all. */
  group: string | null;
  /** Findings open past their due date on this day (YYYY-MM-DD) are penalised. */
  asOf: string;
  /** Final board: only accepted self-assessments score. */
  acceptedOnly: boolean;
  openFindingPoints: number;
  latePoints: number;
  tieBreak: readonly TieBreak[];
}

export interface ScoreboardDbRow {
  rank: number;
  group_code: string | null;
  group_name: string | null;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_kind: string;
  person_id: string | null;
  person_name: string | null;
  status: string | null;
  first_submitted_at: Date | string | null;
  weighted_score: number;
  criteria_met: number;
  criteria_reviewed: number;
  open_findings: number;
  late: boolean;
  penalty_points: number;
  total: number;
}

/** The ORDER BY of each link of the tie-break chain (a whitelist: nothing from the request reaches the SQL text). */
const ORDER_OF: Record<TieBreak, SQL> = {
  total: sql`total DESC`,
  criteria_met: sql`criteria_met DESC`,
  fewer_open_findings: sql`open_findings ASC`,
  earlier_first_submission: sql`first_submitted_at ASC NULLS LAST`,
};

/** A unit kind as a group of the board (khối thi đua). */
export const KIND_GROUP_NAMES: Record<string, string> = {
  authority: 'Khối cơ quan chủ quản',
  office: 'Khối các phòng chuyên môn',
  public_service: 'Khối đơn vị sự nghiệp',
  commune: 'Khối UBND xã, thị trấn',
  party_mass: 'Khối Mặt trận, đoàn thể',
  other: 'Khối khác',
};

export async function scoreboardRows(db: Executor, p: ScoreboardParams): Promise<ScoreboardDbRow[]> {
  const c = p.campaign;
  const chain = p.tieBreak.length ? p.tieBreak : (['total'] as const);
  const orderBy = sql.join(
    chain.map((t) => ORDER_OF[t]),
    sql`, `,
  );

  // Who is on the board: every participating unit (collective), or every person who started an
  // individual self-assessment (individuals take part by starting one; they do not enrol).
  const participants =
    p.target === 'collective'
      ? sql`SELECT units.id AS unit_id, units.code AS unit_code, units.name AS unit_name, units.kind AS unit_kind,
                   NULL::text AS person_id, NULL::text AS person_name
              FROM units WHERE ${participatesIn(c)}`
      : sql`SELECT u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.kind AS unit_kind,
                   pe.id AS person_id, pe.full_name AS person_name
              FROM submissions s JOIN people pe ON pe.id = s.person_id JOIN units u ON u.id = s.unit_id
             WHERE s.campaign_id = ${c.id} AND s.target = 'individual' AND s.person_id IS NOT NULL`;
  const ownSubmission = p.target === 'collective' ? sql`s.person_id IS NULL` : sql`s.person_id IS NOT NULL`;
  const joinSubmission =
    p.target === 'collective' ? sql`subs.unit_id = pa.unit_id` : sql`subs.person_id = pa.person_id`;
  // Inspection findings are the unit's: they weigh on the unit's board, not on its staff's.
  const findingsCte =
    p.target === 'collective'
      ? sql`SELECT unit_id, count(*)::int AS n FROM findings
             WHERE campaign_id = ${c.id} AND status = 'open' AND due_on < ${p.asOf}::date GROUP BY unit_id`
      : sql`SELECT NULL::text AS unit_id, 0 AS n WHERE false`;
  const groupJoin =
    p.groupBy === 'group'
      ? sql`LEFT JOIN named ON named.unit_id = pa.unit_id`
      : sql`LEFT JOIN (SELECT NULL::text AS code, NULL::text AS name, NULL::text AS unit_id) named ON false`;
  const groupCode = p.groupBy === 'kind' ? sql`pa.unit_kind` : sql`named.code`;
  const groups: UnitGroup[] = p.groupBy === 'group' ? c.unitGroups : [];
  const onlyGroup = p.group === null ? sql`` : sql`WHERE group_code = ${p.group}`;
  const accepted = p.acceptedOnly ? sql`AND s.status = 'accepted'` : sql``;

  const { rows } = (await db.execute(sql`
    WITH pa AS (${participants}),
    crit AS (SELECT id, weight FROM criteria WHERE campaign_id = ${c.id} AND target = ${p.target}),
    -- Each submission with its reviews summed through the (submission_id, criterion_id) index: the
    -- cost follows this campaign's submissions × criteria, never the reviews of other campaigns.
    subs AS (
      SELECT s.id, s.unit_id, s.person_id, s.status, s.first_submitted_at,
             x.weighted_score, x.criteria_met, x.criteria_reviewed
        FROM submissions s
        CROSS JOIN LATERAL (
          SELECT round(sum(r.score * crit.weight)::numeric, 4) AS weighted_score,
                 count(*) FILTER (WHERE r.verdict = 'met')::int AS criteria_met,
                 count(*)::int AS criteria_reviewed
            FROM criterion_reviews r JOIN crit ON crit.id = r.criterion_id
           WHERE r.submission_id = s.id ${accepted}
        ) x
       WHERE s.campaign_id = ${c.id} AND s.target = ${p.target} AND ${ownSubmission}
    ),
    fnd AS (${findingsCte}),
    ext AS (SELECT unit_id, until FROM deadline_extensions WHERE campaign_id = ${c.id}),
    named AS (
      SELECT g->>'code' AS code, g->>'name' AS name, m.unit_id
        FROM jsonb_array_elements(${JSON.stringify(groups)}::jsonb) g,
             LATERAL jsonb_array_elements_text(g->'unitIds') AS m(unit_id)
    ),
    scored AS (
      SELECT ${groupCode} AS group_code, named.name AS group_name,
             pa.unit_id, pa.unit_code, pa.unit_name, pa.unit_kind, pa.person_id, pa.person_name,
             subs.status, subs.first_submitted_at,
             coalesce(subs.weighted_score, 0) AS weighted_score,
             coalesce(subs.criteria_met, 0) AS criteria_met,
             coalesce(subs.criteria_reviewed, 0) AS criteria_reviewed,
             coalesce(fnd.n, 0) AS open_findings,
             -- Late: the first submit's day in Vietnam (UTC+7, no daylight saving) after the deadline.
             coalesce(((subs.first_submitted_at + interval '7 hours') AT TIME ZONE 'UTC')::date
                        > greatest(${c.submissionDeadline}::date, ext.until), false) AS late
        FROM pa
        LEFT JOIN subs ON ${joinSubmission}
        LEFT JOIN fnd ON fnd.unit_id = pa.unit_id
        LEFT JOIN ext ON ext.unit_id = pa.unit_id
        ${groupJoin}
    ),
    totals AS (
      SELECT scored.*,
             (open_findings * ${p.openFindingPoints}::numeric + (CASE WHEN late THEN ${p.latePoints}::numeric ELSE 0 END))
               AS penalty_points
        FROM scored
    ),
    ranked AS (
      SELECT totals.*, weighted_score - penalty_points AS total FROM totals ${onlyGroup}
    )
    SELECT group_code, group_name, unit_id, unit_code, unit_name, unit_kind, person_id, person_name, status,
           first_submitted_at, weighted_score::float8 AS weighted_score, criteria_met, criteria_reviewed,
           open_findings, late, penalty_points::float8 AS penalty_points, total::float8 AS total,
           (RANK() OVER (PARTITION BY group_code ORDER BY ${orderBy}))::int AS rank
      FROM ranked
     ORDER BY group_code NULLS LAST, rank, unit_code, person_name, person_id
  `)) as unknown as { rows: ScoreboardDbRow[] };
  return rows;
}

/** The name of the authority that issued the campaign. */
export async function authorityNameOf(db: Executor, unitId: string): Promise<string> {
  const { rows } = (await db.execute(sql`SELECT name FROM units WHERE id = ${unitId}`)) as unknown as {
    rows: { name: string }[];
  };
  return rows[0]?.name ?? '';
}

/** Σ maxScore × weight and the number of criteria of a target. */
export async function criteriaTotals(
  db: Executor,
  campaignId: string,
  target: ScoreboardTarget,
): Promise<{ count: number; maxWeighted: number }> {
  const { rows } = (await db.execute(sql`
    SELECT count(*)::int AS count, coalesce(sum(max_score * weight), 0)::float8 AS max_weighted
      FROM criteria WHERE campaign_id = ${campaignId} AND target = ${target}`)) as unknown as {
    rows: { count: number; max_weighted: number }[];
  };
  return { count: rows[0]?.count ?? 0, maxWeighted: rows[0]?.max_weighted ?? 0 };
}
