/**
 * How the progress dashboard's cost grows with the units: one campaign per size (100, 1,000,
 * 10,000 participating communes, each under an authority of its own), 25 collective criteria, a
 * self-assessment for nine units in ten with its submitted version (25 evaluated answers each),
 * some extensions; then the dashboard (counts, per-criterion figures, the first page of units) is
 * read as the administrator through the service, the same SQL the route runs, and timed.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/progress.ts
 *
 * A database named thidua_bench_progress is created on that server and dropped at the end.
 */
import pg from 'pg';
import { openPostgres } from '../src/db/client.ts';
import { makeActor } from '../src/lib/actor.ts';
import { getCampaignProgress } from '../src/modules/progress/index.ts';

const SIZES = [100, 1_000, 10_000];
const CRITERIA = 25;
const RUNS = 15;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'thidua_bench_progress';

async function fill(pool: pg.Pool, n: number): Promise<string> {
  const root = `pg${n}`;
  const c = `pgc${n}`;
  await pool.query(
    `INSERT INTO units (id, parent_id, code, name, kind, level, display_order, search_key)
     VALUES ($1, NULL, $2, $3, 'authority', 0, 0, $4)`,
    [root, `PG-${n}`, `Bench ${n}`, `bench ${n}`],
  );
  await pool.query(
    `INSERT INTO units (id, parent_id, code, name, kind, level, display_order, search_key)
     SELECT $1 || '-' || g, $1, 'PG-' || $2 || '-' || g, 'UBND xã bench ' || g, 'commune', 1, g, 'ubnd xa bench ' || g
       FROM generate_series(1, $2::int) g`,
    [root, n],
  );
  await pool.query(
    `INSERT INTO campaigns (id, number, title, status, authority_unit_id, starts_on, ends_on, submission_deadline,
                            participant_kinds, search_key, opened_at)
     VALUES ($1, '/KH', $2, 'open', $3, current_date - 30, current_date + 30, current_date - 1, '["commune"]', $2, now())`,
    [c, `bench ${n}`, root],
  );
  await pool.query(
    `INSERT INTO criteria (id, campaign_id, code, target, criterion_group, title, kind, position)
     SELECT $1 || '-c' || g, $1, 'TC.' || g, 'collective', 'specific', 'Tiêu chí ' || g, 'boolean', g
       FROM generate_series(1, $2::int) g`,
    [c, CRITERIA],
  );
  await pool.query(
    `INSERT INTO enrollments (id, campaign_id, unit_id, commitment)
     SELECT $1 || '-e' || g, $1, $2 || '-' || g, 'Cam kết' FROM generate_series(1, $3::int) g WHERE g % 20 <> 0`,
    [c, root, n],
  );
  await pool.query(
    `INSERT INTO submissions (id, campaign_id, target, unit_id, status, version_count, submitted_at, search_key)
     SELECT $1 || '-s' || g, $1, 'collective', $2 || '-' || g,
            (ARRAY['draft', 'submitted', 'accepted', 'returned'])[1 + g % 4],
            CASE WHEN g % 4 = 0 THEN 0 ELSE 1 END, CASE WHEN g % 4 = 0 THEN NULL ELSE now() END, 'x'
       FROM generate_series(1, $3::int) g WHERE g % 10 <> 0`,
    [c, root, n],
  );
  await pool.query(
    `INSERT INTO submission_versions (id, submission_id, number, answers, progress, submitted_at)
     SELECT s.id || '-v1', s.id, 1,
            (SELECT jsonb_agg(jsonb_build_object('criterionId', cr.id, 'code', cr.code,
                    'evaluation', jsonb_build_object('result',
                      CASE WHEN abs(hashtext(s.id || cr.id)) % 3 = 0 THEN 'not_met' ELSE 'met' END,
                      'reason', 'done', 'measured', NULL)))
               FROM criteria cr WHERE cr.campaign_id = $1),
            '{"met": 17, "notMet": 8}'::jsonb,
            now() - interval '1 day'
       FROM submissions s WHERE s.campaign_id = $1 AND s.version_count = 1`,
    [c],
  );
  await pool.query(
    `INSERT INTO deadline_extensions (id, campaign_id, unit_id, until, reason)
     SELECT $1 || '-x' || g, $1, $2 || '-' || g, current_date + 10, 'Bão' FROM generate_series(1, $3::int) g WHERE g % 7 = 0`,
    [c, root, n],
  );
  await pool.query('ANALYZE');
  return c;
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${NAME}`);
  const url = new URL(adminUrl);
  url.pathname = `/${NAME}`;
  const database = await openPostgres(url.toString(), 2);
  try {
    await database.migrate();
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    const actor = makeActor({
      userId: 'bench',
      email: 'b@b',
      fullName: 'Bench',
      personId: null,
      roles: [{ role: 'admin' }],
    });
    console.log('| units | counts, criteria and a page of 20 lines: median ms | p90 ms | per 1,000 units |');
    console.log('|--:|--:|--:|--:|');
    for (const n of SIZES) {
      const c = await fill(pool, n);
      const times: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const t0 = performance.now();
        const p = await getCampaignProgress(database.db, actor, c, { pageSize: 20 });
        if (i >= 2) times.push(performance.now() - t0);
        if (p.counts.participants !== n) throw new Error(`expected ${n} participants, got ${p.counts.participants}`);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      const p90 = times[Math.floor(times.length * 0.9)]!;
      console.log(
        `| ${n.toLocaleString('en')} | ${median.toFixed(1)} | ${p90.toFixed(1)} | ${((median / n) * 1000).toFixed(1)} |`,
      );
    }
    await pool.end();
  } finally {
    await database.close();
    if (!process.argv.includes('--keep')) await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
