/**
 * The performance benchmark (QUALITY.md budgets): real PostgreSQL, a province-sized data set, the
 * real app against a bare Fastify handler running the same SQL through `pg`, measured in the same
 * run with autocannon. Prints figures; it is not a test.
 *
 *   pnpm bench                    10 s per measurement, 50 and 200 connections
 *   pnpm bench -- --quick         3 s per measurement
 *   pnpm bench -- --duration 20   20 s per measurement
 *   pnpm bench -- --keep          leave the thidua_bench database for inspection
 *   pnpm bench -- --rate 100      open loop: 100 requests/s spread over the connections (latency at a given load)
 *   pnpm bench -- --route tree --only app --connections 50 --cpu-profile ./tree.cpuprofile
 *   pnpm bench -- --route scoreboard   only the scoreboard at 100 / 1,000 / 10,000 units (bench/scoreboard.ts)
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the server to use;
 * a database named thidua_bench is created there and dropped at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Result } from 'autocannon';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/db/client.ts';
import { loadDemoData, DEMO_PASSWORD } from '../src/bootstrap/demo-data.ts';
import { auditKeyFrom, useAuditKey } from '../src/modules/audit/index.ts';
import { newId } from '../src/lib/ids.ts';
import { unitSearchKey } from '../src/modules/units/index.ts';
import { personKey } from '../src/modules/people/index.ts';
import { DEFAULT_LEVEL_NAMES, levelName } from '../src/modules/settings/index.ts';
import { fillScoreboardCampaigns, measureScoreboards, type ScoreboardTiming } from './scoreboard.ts';

const { values: args } = parseArgs({
  // `pnpm bench -- --quick` passes the "--" on; it separates nothing here.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    duration: { type: 'string' },
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    connections: { type: 'string', default: '50,200' },
    /** For profiling: measure one route (people | tree | scoreboard) or one server (app | bare) only. */
    route: { type: 'string' },
    only: { type: 'string' },
    /** Open loop: send this many requests per second in all (autocannon -R) instead of as fast as answers come. */
    rate: { type: 'string' },
    /** Write a CPU profile of the servers' thread, taken during the measured runs only. */
    'cpu-profile': { type: 'string' },
  },
});
const DURATION = Number(args.duration ?? (args.quick ? 3 : 10));
const WARMUP = args.quick ? 1 : 2;
const CONNECTIONS = args.connections.split(',').map(Number);
const RATE = args.rate ? Number(args.rate) : null;
const POOL_SIZE = 20;
const DB_NAME = 'thidua_bench';
/** The audit chain's key of this run: the demo data and the app under test must agree on it. */
const auditKey = randomBytes(32).toString('hex');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SIGN_IN = { email: 'noivu@thachha.gov.vn', password: DEMO_PASSWORD };

/** Size of the generated data set: 60 level-1 units with 16 level-2 units each, 20,000 staff. */
const LEVEL1 = 60;
const LEVEL2_PER_LEVEL1 = 16;
const PEOPLE = 20_000;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

const log = (...parts: unknown[]) => console.log(...parts);
const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// Data set

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trương',
  'Lưu',
  'Thái',
];
const MIDDLE = {
  male: ['Văn', 'Đức', 'Hữu', 'Quang', 'Minh', 'Xuân', 'Công', 'Đình', 'Thanh', 'Trọng'],
  female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Kim', 'Minh', 'Phương', 'Diệu', 'Bích'],
};
const GIVEN = {
  male: [
    'Nam',
    'Hùng',
    'Dũng',
    'Tuấn',
    'Hải',
    'Long',
    'Sơn',
    'Thắng',
    'Toàn',
    'Đạt',
    'Phúc',
    'Bình',
    'Cường',
    'Khánh',
    'Lâm',
    'Nghĩa',
    'Quý',
    'Tài',
    'Vinh',
    'Hiếu',
    'Trung',
    'Kiên',
    'Đông',
    'Thành',
    'Tiến',
    'Huy',
    'Việt',
    'Hoàng',
    'Lộc',
    'Quân',
  ],
  female: [
    'Hoa',
    'Lan',
    'Hương',
    'Mai',
    'Hà',
    'Trang',
    'Thảo',
    'Yến',
    'Nhung',
    'Linh',
    'Hằng',
    'Đào',
    'Loan',
    'Oanh',
    'Phượng',
    'Quyên',
    'Tâm',
    'Thúy',
    'Vân',
    'Xuân',
    'Giang',
    'Hạnh',
    'Huyền',
    'Liên',
    'Ngân',
    'Nhàn',
    'Thơ',
    'Trâm',
    'Uyên',
    'Vy',
  ],
};
const PLACES = [
  'Thạch Hải',
  'Thạch Khê',
  'Đỉnh Bàn',
  'Thạch Hội',
  'Thạch Trị',
  'Thạch Lạc',
  'Thạch Ngọc',
  'Thạch Văn',
  'Thạch Thắng',
  'Tượng Sơn',
  'Thạch Long',
  'Thạch Sơn',
  'Thạch Liên',
  'Thạch Kênh',
  'Thạch Đài',
  'Việt Tiến',
  'Lưu Vĩnh Sơn',
  'Nam Điền',
  'Ngọc Sơn',
  'Thạch Xuân',
];
const POSITIONS = [
  'Trưởng phòng',
  'Phó Trưởng phòng',
  'Chuyên viên',
  'Chuyên viên chính',
  'Cán sự',
  'Công chức Văn phòng - Thống kê',
  'Công chức Tư pháp - Hộ tịch',
  'Công chức Địa chính - Xây dựng',
  'Viên chức',
  'Giáo viên',
  'Nhân viên',
  'Trưởng thôn',
];

/** Unaccented local part of an email address. */
function asciiName(fullName: string): string {
  return unitSearchKey({ name: fullName, code: '' }).replace(/\s+/g, '.').replace(/\.$/, '');
}

async function fill(pool: pg.Pool): Promise<{ units: number; people: number }> {
  const { rows: roots } = await pool.query<{ id: string }>("SELECT id FROM units WHERE code = 'UBND-TH'");
  const rootId = roots[0]!.id;
  const u = {
    id: [] as string[],
    parent: [] as string[],
    code: [] as string[],
    name: [] as string[],
    kind: [] as string[],
    level: [] as number[],
    order: [] as number[],
    key: [] as string[],
  };
  const addUnit = (parent: string, code: string, name: string, kind: string, level: number, order: number) => {
    const id = newId('un');
    u.id.push(id);
    u.parent.push(parent);
    u.code.push(code);
    u.name.push(name);
    u.kind.push(kind);
    u.level.push(level);
    u.order.push(order);
    u.key.push(unitSearchKey({ name, code }));
    return id;
  };
  const leaves: string[] = [];
  for (let i = 0; i < LEVEL1; i++) {
    const place = PLACES[i % PLACES.length]!;
    const commune = i % 3 !== 2;
    const id = addUnit(
      rootId,
      `B-${String(i + 1).padStart(3, '0')}`,
      commune ? `UBND xã ${place} ${Math.floor(i / PLACES.length) + 1}` : `Trung tâm dịch vụ ${place}`,
      commune ? 'commune' : 'public_service',
      1,
      1000 + i,
    );
    leaves.push(id);
    for (let j = 0; j < LEVEL2_PER_LEVEL1; j++) {
      const name = commune ? `Thôn ${j + 1} xã ${place}` : `Tổ chuyên môn ${j + 1} - ${place}`;
      leaves.push(
        addUnit(id, `B-${String(i + 1).padStart(3, '0')}-${String(j + 1).padStart(2, '0')}`, name, 'other', 2, j * 10),
      );
    }
  }
  // One statement per table: arrays bound as parameters and expanded by unnest.
  await pool.query(
    `INSERT INTO units (id, parent_id, code, name, kind, level, display_order, search_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[])`,
    [u.id, u.parent, u.code, u.name, u.kind, u.level, u.order, u.key],
  );

  const p = {
    id: [] as string[],
    unit: [] as string[],
    name: [] as string[],
    position: [] as (string | null)[],
    email: [] as (string | null)[],
    phone: [] as string[],
    gender: [] as string[],
    year: [] as number[],
    key: [] as string[],
  };
  for (let i = 0; i < PEOPLE; i++) {
    const gender = i % 2 === 0 ? 'male' : 'female';
    const fullName = `${FAMILY[(i * 7) % FAMILY.length]} ${MIDDLE[gender][(i * 3) % 10]} ${GIVEN[gender][(i * 11 + Math.floor(i / 60)) % 30]}`;
    const position = POSITIONS[i % POSITIONS.length]!;
    const email = i % 3 === 0 ? `${asciiName(fullName)}.${i}@thachha.gov.vn` : null;
    p.id.push(newId('pe'));
    p.unit.push(leaves[i % leaves.length]!);
    p.name.push(fullName);
    p.position.push(position);
    p.email.push(email);
    p.phone.push(`09${String(10_000_000 + i * 37).slice(-8)}`);
    p.gender.push(gender);
    p.year.push(1960 + (i % 42));
    p.key.push(personKey({ fullName, position, email }));
  }
  await pool.query(
    `INSERT INTO people (id, unit_id, full_name, position, email, phone, gender, birth_year, search_key)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[])`,
    [p.id, p.unit, p.name, p.position, p.email, p.phone, p.gender, p.year, p.key],
  );
  await pool.query('ANALYZE');
  const { rows } = await pool.query<{ units: number; people: number }>(
    'SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM people)::int AS people',
  );
  return rows[0]!;
}

// ---------------------------------------------------------------------------------------------
// The bare baseline: Fastify without plugins, the services' SQL through a pg.Pool of the same size.

/** The SQL drizzle generates for listPeople (page 1, no search, not archived) and its count. */
const PEOPLE_PAGE_SQL =
  'select "people"."id", "people"."unit_id", "people"."full_name", "people"."position", "people"."email", "people"."phone", "people"."gender", "people"."birth_year", "people"."archived", "people"."search_key", "people"."created_at", "people"."updated_at", "people"."version", "units"."name" from "people" inner join "units" on "units"."id" = "people"."unit_id" where "people"."archived" = $1 order by "people"."full_name" asc, "people"."id" asc limit $2';
const PEOPLE_COUNT_SQL = 'select count(*) from "people" where "people"."archived" = $1';
/** The SQL of unitTree and of getLevelNames, which it runs beside it. */
const UNITS_SQL =
  'select "id", "parent_id", "code", "name", "kind", "level", "display_order", "address", "phone", "email", "archived", "created_at", "updated_at", "version" from "units" where "units"."archived" = $1 order by "units"."display_order" asc, "units"."name" asc';
const SETTING_SQL = 'select "key", "value", "updated_at" from "settings" where "settings"."key" = $1';

interface UnitRow {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  level: number;
  display_order: number;
  address: string | null;
  phone: string | null;
  email: string | null;
  archived: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

async function startBare(url: string): Promise<{ server: FastifyInstance; pool: pg.Pool; base: string }> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  pool.on('error', () => {
    /* idle connections are ended when the database is dropped */
  });
  const server = Fastify({ logger: false });
  server.get('/people', async (request) => {
    const q = request.query as { page?: string; pageSize?: string };
    const page = Math.max(1, Number(q.page ?? 1));
    const pageSize = Math.min(100, Math.max(1, Number(q.pageSize ?? 20)));
    const [rows, total] = await Promise.all([
      pool.query(PEOPLE_PAGE_SQL, [false, pageSize]),
      pool.query<{ count: string }>(PEOPLE_COUNT_SQL, [false]),
    ]);
    return {
      items: rows.rows.map((r) => ({
        id: r.id,
        unitId: r.unit_id,
        unitName: r.name,
        fullName: r.full_name,
        position: r.position,
        email: r.email,
        phone: r.phone,
        gender: r.gender,
        birthYear: r.birth_year,
        archived: r.archived,
        createdAt: (r.created_at as Date).toISOString(),
        updatedAt: (r.updated_at as Date).toISOString(),
        version: r.version,
      })),
      page,
      pageSize,
      total: Number(total.rows[0]!.count),
    };
  });
  // The same tree building as unitTree(): children grouped by parent, walked depth-first.
  server.get('/units/tree', async () => {
    const [res, setting] = await Promise.all([
      pool.query<UnitRow>(UNITS_SQL, [false]),
      pool.query<{ value: string[] }>(SETTING_SQL, ['unit.levelNames']),
    ]);
    const names = setting.rows[0]?.value ?? DEFAULT_LEVEL_NAMES;
    const byParent = new Map<string | null, UnitRow[]>();
    for (const r of res.rows) {
      const key = r.parent_id;
      const list = byParent.get(key) ?? [];
      list.push(r);
      byParent.set(key, list);
    }
    const items: unknown[] = [];
    const walk = (parent: string | null) => {
      for (const r of byParent.get(parent) ?? []) {
        items.push({
          id: r.id,
          parentId: r.parent_id,
          code: r.code,
          name: r.name,
          kind: r.kind,
          level: r.level,
          levelName: levelName(names, r.level),
          displayOrder: r.display_order,
          address: r.address,
          phone: r.phone,
          email: r.email,
          archived: r.archived,
          createdAt: r.created_at.toISOString(),
          updatedAt: r.updated_at.toISOString(),
          version: r.version,
        });
        walk(r.id);
      }
    };
    walk(null);
    return { items };
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address() as { port: number };
  return { server, pool, base: `http://127.0.0.1:${port}` };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Measurement {
  route: string;
  server: 'app' | 'bare';
  connections: number;
  duration: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers by HTTP status. */
  statusCodes: Record<string, number>;
  /** CPU time of this process (the server under test, in-process pg client included) per successful answer. */
  cpuMsPerRequest: number;
  /** CPU time of the PostgreSQL backends per successful answer (null when not measurable). */
  dbCpuMsPerRequest: number | null;
  /** 1-minute load average when the run ended: other work on the machine skews the figures. */
  load: number;
}

let profiler: Session | null = null;
const profiles: unknown[] = [];

const AUTOCANNON = path.resolve(import.meta.dirname, '../node_modules/autocannon/autocannon.js');

/**
 * autocannon runs in a child process: the load generator then competes with the servers only for
 * cores, not for their event loop, and this process's CPU time is the servers' own.
 */
async function cannon(
  url: string,
  connections: number,
  duration: number,
  headers: Record<string, string>,
): Promise<Result> {
  const argv = [AUTOCANNON, '--json', '-c', String(connections), '-d', String(duration), '-t', '10'];
  if (RATE) argv.push('-R', String(RATE));
  for (const [k, v] of Object.entries(headers)) argv.push('-H', `${k}=${v}`);
  const { stdout } = await run(process.execPath, [...argv, url], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as Result;
}

/** Linux clock ticks per second (USER_HZ), the unit of utime/stime in /proc/<pid>/stat. */
const CLOCK_TICKS = 100;

/**
 * CPU time (ms) used so far by each PostgreSQL backend serving the bench database, read from
 * /proc; empty when the server is not on this machine (then only Node's share is reported).
 */
async function backendCpu(admin: pg.Client): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [DB_NAME]);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    } catch {
      /* not on this machine, or already gone */
    }
  }
  return out;
}

/**
 * When autocannon stops, requests it abandoned may still be running in the server; the next run
 * must not pay for them. Waits until one request is answered on an otherwise quiet server.
 */
async function settle(url: string, headers: Record<string, string>) {
  await new Promise((r) => setTimeout(r, 1000));
  await fetch(url, { headers }).then((r) => r.arrayBuffer());
}

async function measure(
  admin: pg.Client,
  route: string,
  server: 'app' | 'bare',
  url: string,
  connections: number,
  headers: Record<string, string>,
): Promise<Measurement> {
  await cannon(url, Math.min(connections, 50), WARMUP, headers);
  await profiler?.post('Profiler.start');
  const dbBefore = await backendCpu(admin);
  const cpu = process.cpuUsage();
  const r = await cannon(url, connections, DURATION, headers);
  const used = process.cpuUsage(cpu);
  const dbAfter = await backendCpu(admin);
  let dbMs = 0;
  for (const [pid, ms] of dbAfter) dbMs += ms - (dbBefore.get(pid) ?? 0);
  await profiler?.post('Profiler.stop').then(({ profile }) => profiles.push(profile));
  await settle(url, headers);
  return {
    route,
    server,
    connections,
    duration: DURATION,
    // Successful answers only: a quick 503 must not count as throughput.
    reqPerSec: r['2xx'] / DURATION,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, v.count])),
    // Per successful answer: the work spent on failed or abandoned requests is charged to the ones that succeeded.
    cpuMsPerRequest: r['2xx'] ? (used.user + used.system) / 1000 / r['2xx'] : 0,
    dbCpuMsPerRequest: r['2xx'] && dbAfter.size ? dbMs / r['2xx'] : null,
    load: os.loadavg()[0]!,
  };
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SIGN_IN),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The baseline must answer what the app answers, or the ratio means nothing. */
async function assertSameAnswers(
  appBase: string,
  bareBase: string,
  token: string,
  routes: { app: string; bare: string }[],
) {
  for (const r of routes) {
    const [a, b] = await Promise.all([
      fetch(appBase + r.app, { headers: { authorization: `Bearer ${token}` } }),
      fetch(bareBase + r.bare),
    ]);
    const [ja, jb] = (await Promise.all([a.json(), b.json()])) as [
      { items: { id: string }[]; total?: number },
      { items: { id: string }[]; total?: number },
    ];
    const same =
      a.status === 200 &&
      b.status === 200 &&
      ja.total === jb.total &&
      JSON.stringify(ja.items.map((i) => i.id)) === JSON.stringify(jb.items.map((i) => i.id));
    if (!same) throw new Error(`the bare handler of ${r.app} does not answer like the app (${a.status}/${b.status})`);
  }
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: Measurement[]): string {
  const header = [
    'route',
    'conns',
    'server',
    '2xx/s',
    'p50 ms',
    'p99 ms',
    'errors/non-2xx',
    'app/bare',
    'CPU ms/req node+pg',
  ];
  const lines = rows.map((m) => {
    const bare = rows.find((x) => x.route === m.route && x.connections === m.connections && x.server === 'bare');
    const ratio = m.server === 'app' && bare ? (bare.reqPerSec > 0 ? fmt(m.reqPerSec / bare.reqPerSec, 2) : 'n/a') : '';
    return [
      m.route,
      String(m.connections),
      m.server,
      fmt(m.reqPerSec),
      fmt(m.p50),
      fmt(m.p99),
      `${m.errors + m.timeouts}/${m.non2xx}`,
      ratio,
      `${fmt(m.cpuMsPerRequest, 2)} + ${m.dbCpuMsPerRequest === null ? '?' : fmt(m.dbCpuMsPerRequest, 2)}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  return [
    row(header),
    '|' + widths.map((w, i) => (i >= 3 ? '-'.repeat(w + 1) + ':' : ':' + '-'.repeat(w + 1))).join('|') + '|',
    ...lines.map(row),
  ].join('\n');
}

/**
 * What the measured CPU cost per request allows on a dedicated machine with `cores` cores: Node
 * serves on one thread (≤ 1 core), PostgreSQL uses the rest. An upper bound from costs measured
 * here, not a measurement: it is what the figures mean when other work shares the machine.
 */
function capacity(rows: Measurement[], cores: number) {
  const out: {
    route: string;
    server: string;
    nodeMs: number;
    pgMs: number | null;
    reqPerSec: number;
    latencyMsAt200: number;
  }[] = [];
  for (const route of [...new Set(rows.map((m) => m.route))]) {
    for (const server of ['app', 'bare'] as const) {
      const ok = (m: Measurement) => m.reqPerSec * m.duration;
      const runs = rows.filter((m) => m.route === route && m.server === server && ok(m) > 0);
      const n = runs.reduce((s, m) => s + ok(m), 0);
      if (!n) continue;
      const nodeMs = runs.reduce((s, m) => s + m.cpuMsPerRequest * ok(m), 0) / n;
      const pgRuns = runs.filter((m) => m.dbCpuMsPerRequest !== null);
      const pgMs = pgRuns.length
        ? pgRuns.reduce((s, m) => s + m.dbCpuMsPerRequest! * ok(m), 0) / pgRuns.reduce((s, m) => s + ok(m), 0)
        : null;
      const reqPerSec = Math.min(1000 / nodeMs, (cores * 1000) / (nodeMs + (pgMs ?? 0)));
      // Closed loop (each connection waits for its answer): latency ≈ connections / throughput.
      out.push({ route, server, nodeMs, pgMs, reqPerSec, latencyMsAt200: (200 / reqPerSec) * 1000 });
    }
  }
  return out;
}

function budgets(rows: Measurement[]) {
  const app = rows.filter((m) => m.server === 'app');
  const at200 = app.filter((m) => m.connections === 200);
  const p99 = {
    met: at200.length > 0 && at200.every((m) => m.p99 < 50),
    detail: at200.map((m) => `${m.route}: ${fmt(m.p99)} ms`).join('; '),
  };
  const errs = rows.filter((m) => m.errors + m.timeouts + m.non2xx > 0);
  const errors = {
    met: errs.length === 0,
    detail: errs.length
      ? errs
          .map((m) => `${m.server} ${m.route} @${m.connections}: ${m.errors + m.timeouts} errors, ${m.non2xx} non-2xx`)
          .join('; ')
      : 'none',
  };
  const ratios = app.flatMap((m) => {
    const bare = rows.find((x) => x.route === m.route && x.connections === m.connections && x.server === 'bare');
    return bare ? [{ m, ratio: bare.reqPerSec > 0 ? m.reqPerSec / bare.reqPerSec : Number.NaN }] : [];
  });
  const ratio = {
    met: ratios.length > 0 && ratios.every((r) => r.ratio >= 0.7),
    detail: ratios.map((r) => `${r.m.route} @${r.m.connections}: ${fmt(r.ratio, 2)}`).join('; '),
  };
  return { p99, errors, ratio };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const startLoad = os.loadavg()[0];
  const benchUrl = withDatabase(ADMIN_URL, DB_NAME);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    if (!args.keep) await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    log(
      `ThiĐua benchmark — ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ${DURATION} s per run, connections ${CONNECTIONS.join(' and ')}${RATE ? `, open loop at ${RATE} req/s` : ', closed loop'}`,
    );
    const [load1] = os.loadavg();
    if (load1! > os.cpus().length / 2)
      log(`warning: load average ${fmt(load1!, 1)} before start — other work on this machine will lower the figures`);
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
    const { rows: ver } = await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v");

    let t0 = Date.now();
    const database = await openPostgres(benchUrl, POOL_SIZE);
    await database.migrate();
    // The demo data's audit events are keyed as the app built below will verify them.
    useAuditKey(auditKeyFrom(auditKey));
    await loadDemoData(database.db);
    await database.close();
    const fillPool = new pg.Pool({ connectionString: benchUrl, max: 2 });
    const sizes = await fill(fillPool);
    log(
      `PostgreSQL ${ver[0]!.v}: migrated and filled ${fmt(sizes.units)} units (3 levels) and ${fmt(sizes.people)} people in ${fmt((Date.now() - t0) / 1000, 1)} s`,
    );
    const withScoreboard = !args.route || args.route === 'scoreboard';
    let boards: Awaited<ReturnType<typeof fillScoreboardCampaigns>> = [];
    if (withScoreboard) {
      t0 = Date.now();
      const { rows: th } = await fillPool.query<{ id: string }>("SELECT id FROM units WHERE code = 'UBND-TH'");
      boards = await fillScoreboardCampaigns(fillPool, th[0]!.id);
      log(
        `scoreboard campaigns of ${boards.map((b) => fmt(b.size)).join(' / ')} units (25 criteria, ${fmt(boards.reduce((s, b) => s + b.reviews, 0))} reviews) filled in ${fmt((Date.now() - t0) / 1000, 1)} s`,
      );
    }
    await fillPool.end();

    t0 = Date.now();
    const config = loadConfig(
      {},
      {
        env: 'production',
        logLevel: 'silent',
        databaseUrl: benchUrl,
        dataDir,
        jwtSecret: randomBytes(32).toString('hex'),
        auditKey,
        serveWeb: false,
        demoData: false,
      },
    );
    const app = await buildApp(config);
    await app.listen({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => app.close());
    const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const bare = await startBare(benchUrl);
    cleanups.push(
      () => bare.pool.end(),
      () => bare.server.close(),
    );

    const routes = [
      {
        key: 'people',
        route: 'GET /api/v1/people?page=1&pageSize=20',
        app: '/api/v1/people?page=1&pageSize=20',
        bare: '/people?page=1&pageSize=20',
      },
      { key: 'tree', route: 'GET /api/v1/units/tree', app: '/api/v1/units/tree', bare: '/units/tree' },
    ].filter((r) => !args.route || r.key === args.route);
    await assertSameAnswers(appBase, bare.base, await signIn(appBase), routes);
    log(`app and bare server up in ${fmt((Date.now() - t0) / 1000, 1)} s; their answers match\n`);

    if (args['cpu-profile']) {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
    }
    const results: Measurement[] = [];
    for (const r of routes) {
      for (const connections of CONNECTIONS) {
        // A fresh token per run: access tokens live at most 15 minutes.
        const headers = { authorization: `Bearer ${await signIn(appBase)}` };
        const servers = (
          [
            ['app', appBase + r.app],
            ['bare', bare.base + r.bare],
          ] as const
        ).filter(([server]) => !args.only || server === args.only);
        for (const [server, url] of servers) {
          const m = await measure(admin, r.route, server, url, connections, server === 'app' ? headers : {});
          results.push(m);
          log(
            `  ${server.padEnd(4)} ${r.route} @${connections}: ${fmt(m.reqPerSec)} 2xx/s, p50 ${fmt(m.p50)} ms, p99 ${fmt(m.p99)} ms, ${m.errors + m.timeouts} errors, ${m.non2xx} non-2xx ${JSON.stringify(m.statusCodes)}, CPU ms/req node ${fmt(m.cpuMsPerRequest, 2)} + pg ${m.dbCpuMsPerRequest === null ? '?' : fmt(m.dbCpuMsPerRequest, 2)} (load ${fmt(m.load, 1)})`,
          );
        }
      }
    }

    let scoreboard: ScoreboardTiming[] = [];
    if (withScoreboard && !args.only) {
      const runs = args.quick ? 5 : 11;
      const pgCpu = async () => {
        const m = await backendCpu(admin);
        return m.size ? [...m.values()].reduce((a, b) => a + b, 0) : null;
      };
      scoreboard = await measureScoreboards(appBase, await signIn(appBase), boards, runs, pgCpu);
      log(
        `\nScoreboard (GET /api/v1/campaigns/:id/scoreboard, whole board, ${runs} sequential requests after a warm-up):`,
      );
      log('| units | criteria | reviews | median ms | min ms | CPU ms/req node + pg | JSON |');
      log('|--:|--:|--:|--:|--:|--:|--:|');
      for (const r of scoreboard)
        log(
          `| ${fmt(r.units)} | ${r.criteria} | ${fmt(r.reviews)} | ${fmt(r.medianMs, 1)} | ${fmt(r.minMs, 1)} | ${fmt(r.nodeCpuMs, 1)} + ${r.pgCpuMs === null ? '?' : fmt(r.pgCpuMs, 1)} | ${fmt(r.bytes / 1024)} KB |`,
        );
      for (let i = 1; i < scoreboard.length; i++) {
        const [a, b] = [scoreboard[i - 1]!, scoreboard[i]!];
        const cpu = (r: ScoreboardTiming) => r.nodeCpuMs + (r.pgCpuMs ?? 0);
        log(
          `  ${fmt(a.units)} → ${fmt(b.units)} units (×${fmt(b.units / a.units)}): wall ×${fmt(b.medianMs / a.medianMs, 1)}, CPU ×${fmt(cpu(b) / cpu(a), 1)}`,
        );
      }
    }

    if (profiler && profiles.length) {
      // One profile per measured run; the first is kept (use --route/--only to pick the run).
      fs.writeFileSync(args['cpu-profile']!, JSON.stringify(profiles[0]));
      log(`CPU profile of the first measured run written to ${args['cpu-profile']}`);
    }
    const b = budgets(results);
    const cap = capacity(results, 2);
    if (results.length) {
      log('\n' + table(results) + '\n');
      const verdict = (ok: boolean) => (ok ? 'MET    ' : 'NOT MET');
      log('QUALITY.md budgets:');
      log(`  ${verdict(b.p99.met)} p99 < 50 ms at 200 connections — ${b.p99.detail}`);
      log(`  ${verdict(b.errors.met)} zero errors — ${b.errors.detail}`);
      if (RATE)
        log(
          `  n/a     throughput ≥ 0.7 × bare Fastify + pg — not measured in an open-loop run (both get ${RATE} req/s to answer)`,
        );
      else log(`  ${verdict(b.ratio.met)} throughput ≥ 0.7 × bare Fastify + pg — ${b.ratio.detail}`);

      log(
        '\nEstimate for a dedicated 2-core machine, from the CPU cost per request measured above (not a measurement):',
      );
      for (const c of cap) {
        const bare = cap.find((x) => x.route === c.route && x.server === 'bare');
        const ratio = c.server === 'app' && bare ? `, ${fmt(c.reqPerSec / bare.reqPerSec, 2)} × bare` : '';
        log(
          `  ${c.server.padEnd(4)} ${c.route}: node ${fmt(c.nodeMs, 2)} + pg ${c.pgMs === null ? '?' : fmt(c.pgMs, 2)} CPU ms/req → ≤ ${fmt(c.reqPerSec)} req/s${ratio}; mean latency at 200 connections ≥ ${fmt(c.latencyMsAt200)} ms`,
        );
      }
    }

    const outDir = path.resolve(import.meta.dirname, '../../../bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const out = {
      date: new Date().toISOString(),
      machine: {
        loadAverageAtStart: startLoad,
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model.trim(),
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: ver[0]!.v,
      },
      dataSet: sizes,
      durationSeconds: DURATION,
      openLoopRate: RATE,
      poolSize: POOL_SIZE,
      results,
      budgets: b,
      estimateFor2Cores: cap,
      scoreboard,
    };
    fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(out, null, 2) + '\n');
    log(
      `\nwritten ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}; total ${fmt((Date.now() - started) / 1000)} s`,
    );
  } finally {
    await cleanup();
  }
}

await main();
