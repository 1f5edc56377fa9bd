/**
 * The scoreboard benchmark: one campaign per size (100, 1,000, 10,000 participating units), each
 * under an authority of its own, with 25 weighted criteria, a self-assessment per unit (most of
 * them reviewed on every criterion), findings past due and late submits. Rows are generated in SQL
 * (generate_series) so that filling 10,000 units × 25 reviews takes seconds. Then the real route,
 * GET /api/v1/campaigns/:id/scoreboard, is timed through HTTP: the one query, the mapping and the
 * JSON of every row. Its cost must grow about linearly with units × criteria (QUALITY.md).
 */
import type pg from 'pg';
import { DEFAULT_SCORING_RULES } from '@thidua/contract';

export const SCOREBOARD_SIZES = [100, 1_000, 10_000];
const CRITERIA = 25;

export interface ScoreboardCampaign {
  size: number;
  campaignId: string;
  reviews: number;
}

export async function fillScoreboardCampaigns(
  pool: pg.Pool,
  parentId: string,
  sizes: number[] = SCOREBOARD_SIZES,
): Promise<ScoreboardCampaign[]> {
  const out: ScoreboardCampaign[] = [];
  const scoring = {
    ...DEFAULT_SCORING_RULES,
    penalties: [
      { kind: 'open_finding', points: 2 },
      { kind: 'late_submission', points: 5 },
    ],
  };
  for (const n of sizes) {
    const root = `sb${n}`;
    const c = `sbc${n}`;
    await pool.query(
      `INSERT INTO units (id, parent_id, code, name, kind, level, display_order, search_key)
       VALUES ($1, $2, $3, $4, 'authority', 1, 5000, $5)`,
      [root, parentId, `SB-${n}`, `Cụm bench ${n} đơn vị`, `cum bench ${n} don vi sb-${n}`],
    );
    await pool.query(
      `INSERT INTO units (id, parent_id, code, name, kind, level, display_order, search_key)
       SELECT $1 || '-' || g, $1, 'SB-' || $2 || '-' || lpad(g::text, 5, '0'), 'UBND xã bench ' || g, 'commune', 2, g,
              'ubnd xa bench ' || g
         FROM generate_series(1, $2::int) g`,
      [root, n],
    );
    await pool.query(
      `INSERT INTO campaigns (id, number, title, status, authority_unit_id, starts_on, ends_on, submission_deadline,
                              participant_kinds, scoring, search_key, opened_at)
       VALUES ($1, '/KH-UBND', $2, 'open', $3, current_date - 30, current_date + 30, current_date - 1,
               '["commune"]'::jsonb, $4::jsonb, $5, now())`,
      [c, `Thi đua bench ${n} đơn vị`, root, JSON.stringify(scoring), `thi dua bench ${n}`],
    );
    await pool.query(
      `INSERT INTO criteria (id, campaign_id, code, target, criterion_group, title, kind, max_score, weight, position)
       SELECT $1 || '-c' || g, $1, 'TC.' || g, 'collective', 'specific', 'Tiêu chí ' || g, 'boolean', 10,
              1 + (g % 3) * 0.5, g
         FROM generate_series(1, $2::int) g`,
      [c, CRITERIA],
    );
    // Nine units in ten have a self-assessment; one in twenty of those was first submitted late.
    await pool.query(
      `INSERT INTO submissions (id, campaign_id, target, unit_id, status, version_count, submitted_at,
                                first_submitted_at, search_key)
       SELECT $1 || '-s' || g, $1, 'collective', $2 || '-' || g,
              (ARRAY['submitted', 'accepted', 'returned'])[1 + g % 3], 1,
              now() - interval '3 days', CASE WHEN g % 20 = 0 THEN now() ELSE now() - interval '3 days' END,
              'ubnd xa bench ' || g
         FROM generate_series(1, $3::int) g WHERE g % 10 <> 0`,
      [c, root, n],
    );
    const { rowCount } = await pool.query(
      `INSERT INTO criterion_reviews (id, submission_id, criterion_id, verdict, score)
       SELECT s.id || '-' || cr.position, s.id, cr.id,
              CASE WHEN (hashtext(s.id || cr.id) % 4) <> 0 THEN 'met' ELSE 'not_met' END,
              abs(hashtext(s.id || cr.id)) % 11
         FROM submissions s CROSS JOIN criteria cr
        WHERE s.campaign_id = $1 AND cr.campaign_id = $1`,
      [c],
    );
    // One unit in seven has a finding still open past its due date.
    await pool.query(
      `INSERT INTO findings (id, campaign_id, unit_id, title, inspection_name, inspected_on, due_on, status, search_key)
       SELECT $1 || '-f' || g, $1, $2 || '-' || g, 'Chưa niêm yết thủ tục', 'Đoàn kiểm tra', current_date - 20,
              current_date - 5, 'open', 'chua niem yet'
         FROM generate_series(1, $3::int) g WHERE g % 7 = 0`,
      [c, root, n],
    );
    out.push({ size: n, campaignId: c, reviews: rowCount ?? 0 });
  }
  await pool.query('ANALYZE');
  return out;
}

export interface ScoreboardTiming {
  units: number;
  criteria: number;
  reviews: number;
  runs: number;
  medianMs: number;
  minMs: number;
  bytes: number;
  msPer1000Units: number;
  /** CPU time per request: this process (the API) and the PostgreSQL backends; wall time on a busy machine says little. */
  nodeCpuMs: number;
  pgCpuMs: number | null;
}

/**
 * Times `runs` sequential requests of each campaign's board (after one warm-up): the median wall
 * time, and the CPU time per request of this process and of the database (`pgCpuMs()`: the
 * PostgreSQL backends' CPU ms so far, null when not measurable).
 */
export async function measureScoreboards(
  base: string,
  token: string,
  campaigns: ScoreboardCampaign[],
  runs: number,
  pgCpuMs: () => Promise<number | null>,
): Promise<ScoreboardTiming[]> {
  const out: ScoreboardTiming[] = [];
  for (const c of campaigns) {
    const url = `${base}/api/v1/campaigns/${c.campaignId}/scoreboard`;
    const get = async () => {
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`scoreboard ${c.size}: ${res.status} ${body.toString()}`);
      return body;
    };
    const first = await get();
    const rows = (JSON.parse(first.toString()) as { rows: unknown[] }).rows.length;
    if (rows !== c.size) throw new Error(`scoreboard ${c.size}: ${rows} rows`);
    const times: number[] = [];
    const pgBefore = await pgCpuMs();
    const cpu = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await get();
      times.push(performance.now() - t0);
    }
    const used = process.cpuUsage(cpu);
    const pgAfter = await pgCpuMs();
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    out.push({
      units: c.size,
      criteria: CRITERIA,
      reviews: c.reviews,
      runs,
      medianMs: median,
      minMs: times[0]!,
      bytes: first.length,
      msPer1000Units: (median / c.size) * 1000,
      nodeCpuMs: (used.user + used.system) / 1000 / runs,
      pgCpuMs: pgBefore === null || pgAfter === null ? null : (pgAfter - pgBefore) / runs,
    });
  }
  return out;
}
