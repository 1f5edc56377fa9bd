/**
 * The kill -9 drill (QUALITY.md: "a 201 means committed"; an idempotent create stores its key and
 * answer with the record). The real server runs in a child process on its own database (PGlite
 * under a temporary DATA_DIR, or a fresh PostgreSQL database when TEST_DATABASE_URL is set); creates
 * with distinct Idempotency-Keys stream in, the process is killed with SIGKILL while some are in
 * flight, it starts again on the same data, and every key is sent again: each key ends with exactly
 * one unit, every create answered before the kill is there and answered again the same, nothing is
 * lost and nothing doubled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { count, isNull, like } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../../src/db/client.ts';
import { idempotencyKeys, units } from '../../src/db/schema/index.ts';
import { copyDemoDatabase, onPostgres } from '../helpers.ts';

const API_DIR = path.resolve(import.meta.dirname, '../..');
const KEYS = 40;
const SENDERS = 6;
const KILL_AFTER_ANSWERS = 12;
const ADMIN = { email: 'quantri.k9@thidua.local', password: `kiem-thu ${randomBytes(12).toString('base64url')}` };

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
const jwtSecret = randomBytes(32).toString('hex');

/** A database of its own, from the suite's migrated template (nothing shared with other files). */
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-kill9-'));
  if (onPostgres) {
    const copy = await copyDemoDatabase();
    databaseUrl = copy.url;
    dropDatabase = copy.drop;
  } else {
    const seeded = await openPglite(path.join(dataDir, 'pglite'), new Blob([fs.readFileSync(inject('pgliteDump'))]));
    await seeded.close();
  }
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | undefined;
const startTimes: number[] = [];
let base = '';
let output = '';

/** Starts src/server.ts in one process (node + tsx's loader: a SIGKILL reaches the server itself). */
async function startServer(): Promise<void> {
  const t0 = Date.now();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    JWT_SECRET: jwtSecret,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    SERVE_WEB: 'false',
    FILE_SWEEP_INTERVAL_MINUTES: '0',
    JOBS_ENABLED: 'false',
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  server = child;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) {
      startTimes.push(Date.now() - t0);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not get ready:\n${output}`);
}

async function killServer(): Promise<void> {
  const child = server!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
  expect(child.signalCode).toBe('SIGKILL');
}

async function stopServer(): Promise<void> {
  const child = server!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

async function signIn(): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (res.status !== 200 || !body.accessToken) throw new Error(`sign-in: ${res.status} ${JSON.stringify(body)}`);
  return `Bearer ${body.accessToken}`;
}

const keyOf = (i: number) => `k9-${i}`;
const codeOf = (i: number) => `K9-${i}`;

interface Answer {
  status: number;
  body: { id: string; code: string } & Record<string, unknown>;
  replayed: boolean;
}

async function create(token: string, i: number): Promise<Answer> {
  const res = await fetch(`${base}/api/v1/units`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token, 'idempotency-key': keyOf(i) },
    body: JSON.stringify({ parentId: null, code: codeOf(i), name: `Tổ dân phố số ${i}`, kind: 'other' }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Answer['body'],
    replayed: res.headers.get('idempotent-replayed') === 'true',
  };
}

/** The database the server used, opened here once the server is down (PGlite has one owner). */
async function openServersDatabase(): Promise<Database> {
  return databaseUrl ? openPostgres(databaseUrl, 2) : openPglite(path.join(dataDir, 'pglite'));
}

describe(`kill -9 with creates in flight, then restart and retry (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('every key ends with exactly one unit; every create answered before the kill is kept and answered again', async () => {
    await startServer();
    let token = await signIn();

    // SENDERS clients send the keys in turn; the kill comes once KILL_AFTER_ANSWERS have answered.
    const answered = new Map<number, Answer>();
    const sent = new Set<number>();
    let next = 0;
    let killing: Promise<void> | null = null;
    let inFlightAtKill = 0;
    const sender = async () => {
      while (next < KEYS && !killing) {
        const i = next++;
        sent.add(i);
        try {
          const answer = await create(token, i);
          if (killing) continue; // answered while dying: counted as unknown, the retry decides
          expect(answer.status, JSON.stringify(answer.body)).toBe(201);
          answered.set(i, answer);
          if (answered.size >= KILL_AFTER_ANSWERS && !killing) {
            inFlightAtKill = sent.size - answered.size;
            killing = killServer();
          }
        } catch (err) {
          if (!killing) throw err; // the connection died with the server: expected only after the kill
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    await killing;
    expect(answered.size).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
    // The drill means something only if the kill met requests still running.
    expect(inFlightAtKill).toBeGreaterThan(0);

    await startServer();
    token = await signIn();
    console.info(
      `kill -9 drill: ${answered.size} creates answered, ${inFlightAtKill} in flight at the kill, ` +
        `${KEYS - sent.size} never sent; server starts took ${startTimes.join(' ms, ')} ms`,
    );

    // A 201 means committed: what was answered before the kill is there.
    for (const [, first] of answered) {
      const res = await fetch(`${base}/api/v1/units/${first.body.id}`, { headers: { authorization: token } });
      expect(res.status).toBe(200);
    }

    // Every key again, the answered ones, the ones in flight and the ones never sent.
    const retries = new Map<number, Answer>();
    for (let i = 0; i < KEYS; i++) retries.set(i, await create(token, i));
    for (const [i, retry] of retries) {
      expect(retry.status, `${keyOf(i)}: ${JSON.stringify(retry.body)}`).toBe(201);
      const first = answered.get(i);
      if (first) {
        expect(retry.replayed).toBe(true);
        expect(retry.body).toEqual(first.body);
      }
    }
    await stopServer();

    const database = await openServersDatabase();
    try {
      const rows = await database.db
        .select({ id: units.id, code: units.code })
        .from(units)
        .where(like(units.code, 'K9-%'));
      const byCode = new Map<string, string[]>();
      for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r.id]);
      for (let i = 0; i < KEYS; i++) {
        expect(byCode.get(codeOf(i)), codeOf(i)).toEqual([retries.get(i)!.body.id]);
      }
      expect(rows.length).toBe(KEYS);
      const keys = await database.db
        .select({ key: idempotencyKeys.key, statusCode: idempotencyKeys.statusCode })
        .from(idempotencyKeys)
        .where(like(idempotencyKeys.key, 'k9-%'));
      expect(keys.length).toBe(KEYS);
      expect(keys.every((k) => k.statusCode === 201)).toBe(true);
      const [pending] = await database.db
        .select({ n: count() })
        .from(idempotencyKeys)
        .where(isNull(idempotencyKeys.statusCode));
      expect(pending!.n).toBe(0);
    } finally {
      await database.close();
    }
  }, 360_000); // two cold starts of the server: slow on a loaded machine, bounded all the same
});
