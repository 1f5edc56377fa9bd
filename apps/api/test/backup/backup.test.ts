import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { count, eq } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../../src/db/client.ts';
import { auditEvents, files, people, units, users } from '../../src/db/schema/index.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { backupDatabase } from '../../src/backup/backup.ts';
import { restoreDatabase, RestoreRefused } from '../../src/backup/restore.ts';
import { readTar, TarWriter } from '../../src/backup/tar.ts';
import { quoteIdent, rawSql, tablesInDependencyOrder } from '../../src/backup/catalog.ts';
import { CHECKPOINT_DIR, currentAuditKey, isAuthenticCheckpoint } from '../../src/modules/audit/index.ts';
import { TEST_AUDIT_KEY } from '../audit-key.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

const exec = promisify(execFile);
/** Runs a command; a failure names its exit code and what it printed, so a red test says why. */
async function run(...args: Parameters<typeof exec>) {
  try {
    return await exec(...args);
  } catch (err) {
    const e = err as Error & { code?: number; stdout?: string; stderr?: string };
    e.message = `${e.message}\nexit ${e.code}\n--- stdout\n${e.stdout}\n--- stderr\n${e.stderr}`;
    throw e;
  }
}
const API_DIR = path.resolve(import.meta.dirname, '../..');

let t: TestApp;
let work: string;
let archive: string;
let backup: Awaited<ReturnType<typeof backupDatabase>>;
const cleanups: (() => Promise<unknown>)[] = [];

let emptyPglite: Blob | null = null;

/** Databases named like the harness's own, so that its teardown drops any a crashed run leaves. */
const runPrefix = () => `thidua_t_${inject('pgTemplate').split('_').pop()}_`;

/**
 * An empty database of the engine under test. PostgreSQL: a new database without tables. PGlite:
 * a copy of one migrated, empty database (migrating a PGlite per test would cost seconds each);
 * restoring into a blank one without tables is what the command test below does.
 */
async function emptyDatabase(): Promise<Database> {
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) {
    if (!emptyPglite) {
      const blank = await openPglite(undefined);
      await blank.migrate();
      emptyPglite = await (blank.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
      await blank.close();
    }
    const database = await openPglite(undefined, emptyPglite);
    cleanups.push(() => database.close());
    return database;
  }
  const name = `${runPrefix()}restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = '/' + name;
  const database = await openPostgres(u.toString(), 3);
  cleanups.push(async () => {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return database;
}

async function counts(database: Database) {
  const db = database.db;
  const n = async (table: typeof units | typeof people | typeof users | typeof auditEvents | typeof files) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    units: await n(units),
    people: await n(people),
    users: await n(users),
    auditEvents: await n(auditEvents),
    files: await n(files),
  };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Rows in every table of the database, by table. */
async function rowsPerTable(database: Database): Promise<Record<string, number>> {
  const sql = await rawSql(database);
  try {
    const out: Record<string, number> = {};
    for (const tbl of await tablesInDependencyOrder(sql)) {
      const [r] = await sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(tbl.name)}`);
      out[tbl.name] = Number(r!.n);
    }
    return out;
  } finally {
    await sql.release();
  }
}

/** SHA-256 of every file under DATA_DIR/files, by relative path. */
function fileHashes(dataDir: string): Record<string, string> {
  const root = path.join(dataDir, 'files');
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) walk(full);
      else out[path.relative(root, full)] = sha256(fs.readFileSync(full));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return out;
}

/** Rewrites `archive` into `out` entry by entry (`edit` may change an entry's body), with checksums.sha256 redone as anyone could. */
async function rewriteArchive(out: string, edit: (name: string, body: Buffer) => Buffer): Promise<void> {
  const entries: { name: string; body: Buffer }[] = [];
  for await (const e of readTar(fs.createReadStream(archive).pipe(zlib.createGunzip()))) {
    const parts: Buffer[] = [];
    for await (const c of e.body()) parts.push(c);
    if (e.name !== 'checksums.sha256') entries.push({ name: e.name, body: edit(e.name, Buffer.concat(parts)) });
  }
  const gzip = zlib.createGzip();
  const file = fs.createWriteStream(out);
  gzip.pipe(file);
  const writer = new TarWriter(gzip);
  for (const e of entries) await writer.add(e.name, e.body.length, e.body);
  const sums = Buffer.from(entries.map((e) => `${sha256(e.body)}  ${e.name}`).join('\n') + '\n');
  await writer.add('checksums.sha256', sums.length, sums);
  await writer.finish();
  await new Promise<void>((r) => file.on('close', () => r()));
}
const EVIDENCE = Buffer.from('%PDF-1.7\nBáo cáo kết quả thi đua năm 2022 — minh chứng\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-backup-test-'));
  // Some history worth keeping: a unit created through the API (audited) and a stored file with its row.
  const res = await t.api
    .post('/api/v1/units')
    .set('authorization', await t.auth(DEMO.admin))
    .send({ parentId: await t.unitId('UBND-TH'), code: 'SAOLUU', name: 'Tổ sao lưu', kind: 'other' });
  expect(res.status).toBe(201);
  // … renamed, and a person placed in it: a small story, each step audited.
  const renamed = await t.api
    .patch(`/api/v1/units/${res.body.id}`)
    .set('authorization', await t.auth(DEMO.admin))
    .set('if-match', `"v${res.body.version}"`)
    .send({ name: 'Tổ sao lưu dữ liệu' });
  expect(renamed.status, renamed.text).toBe(200);
  const person = await t.api
    .post('/api/v1/people')
    .set('authorization', await t.auth(DEMO.admin))
    .send({ unitId: res.body.id, fullName: 'Nguyễn Thị Sao Lưu' });
  expect(person.status, person.text).toBe(201);
  const key = `${sha256(EVIDENCE).slice(0, 2)}/${sha256(EVIDENCE).slice(2, 4)}/${sha256(EVIDENCE)}`;
  const blob = path.join(t.config.dataDir, 'files', ...key.split('/'));
  fs.mkdirSync(path.dirname(blob), { recursive: true });
  fs.writeFileSync(blob, EVIDENCE);
  await t.database.db.insert(files).values({
    id: 'fi_backuptest',
    name: 'Báo cáo thi đua 2022.pdf',
    mediaType: 'application/pdf',
    size: EVIDENCE.length,
    sha256: sha256(EVIDENCE),
    storageKey: key,
    unitId: await t.unitId('NV'),
    uploadedBy: await t.userId(DEMO.secretariat),
  });
  archive = path.join(work, 'thidua.tar.gz');
  backup = await backupDatabase({ database: t.database, dataDir: t.config.dataDir, out: archive });
}, 120_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  await t.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', { timeout: 120_000 }, () => {
  it('an operator backs up the database and its files into one archive', async () => {
    expect(fs.existsSync(archive)).toBe(true);
    expect(fs.existsSync(`${archive}.partial`)).toBe(false);
    const m = backup.manifest;
    const source = await counts(t.database);
    const rowsOf = (name: string) => m.tables.find((x) => x.name === name)?.rows;
    expect(rowsOf('units')).toBe(source.units);
    expect(rowsOf('people')).toBe(source.people);
    expect(rowsOf('audit_events')).toBe(source.auditEvents);
    expect(m.files).toEqual({ count: 1, bytes: EVIDENCE.length });
    // Parents before children: units before people before users before files.
    const order = m.tables.map((x) => x.name);
    expect(order.indexOf('units')).toBeLessThan(order.indexOf('people'));
    expect(order.indexOf('people')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('files'));
    expect(m.tables.find((x) => x.name === 'units')!.selfReferencing).toBe(true);
    // The archive is a plain tar.gz whose last entry lists every other entry's SHA-256.
    const names: string[] = [];
    for await (const e of readTar(fs.createReadStream(archive).pipe(zlib.createGunzip()))) names.push(e.name);
    expect(names[0]).toBe('manifest.json');
    expect(names.at(-1)).toBe('checksums.sha256');
    expect(names).toContain(
      `files/${sha256(EVIDENCE).slice(0, 2)}/${sha256(EVIDENCE).slice(2, 4)}/${sha256(EVIDENCE)}`,
    );
  });

  it('the backup restores into a fresh database with the same counts, an intact audit chain and the files', async () => {
    const target = await emptyDatabase();
    const dataDir = path.join(work, 'restored');
    const summary = await restoreDatabase({ database: target, dataDir, archive });
    expect(
      summary,
      JSON.stringify({ tables: summary.tables, audit: summary.auditChain, files: summary.files }),
    ).toMatchObject({ ok: true });
    expect(summary.tables.every((x) => x.expected === x.restored)).toBe(true);
    // Every table holds as many rows as the source's.
    expect(await rowsPerTable(target)).toEqual(await rowsPerTable(t.database));
    expect(await counts(target)).toEqual(await counts(t.database));
    // The chain holds, up to the head the backup's signed checkpoint anchored …
    const anchor = backup.manifest.auditCheckpoint!;
    expect(isAuthenticCheckpoint(anchor, currentAuditKey())).toBe(true);
    expect(anchor.seq).toBe((await counts(t.database)).auditEvents);
    expect(summary.auditChain).toMatchObject({ ok: true, checkpoint: { seq: anchor.seq, at: anchor.at } });
    const chain = await verifyAuditChain(target.db);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBe((await counts(t.database)).auditEvents);
    // … which is now the restored installation's first checkpoint.
    const kept = fs.readdirSync(path.join(dataDir, CHECKPOINT_DIR));
    expect(kept.map((f) => JSON.parse(fs.readFileSync(path.join(dataDir, CHECKPOINT_DIR, f), 'utf8')))).toEqual([
      anchor,
    ]);
    // The files are the source's, byte for byte.
    expect(fileHashes(dataDir)).toEqual(fileHashes(t.config.dataDir));
    expect(summary.files).toMatchObject({ restored: 1, checkedAgainstRows: 1, missing: [], mismatched: [] });
    // Values come back exactly: timestamps with their microseconds, the unit tree, the file row.
    const [before] = await t.database.db.select().from(units).where(eq(units.code, 'SAOLUU'));
    const [after] = await target.db.select().from(units).where(eq(units.code, 'SAOLUU'));
    expect(after).toEqual(before);
    const [lastBefore] = await t.database.db
      .select()
      .from(auditEvents)
      .orderBy(auditEvents.seq)
      .limit(1)
      .offset(chain.checked - 1);
    const [lastAfter] = await target.db
      .select()
      .from(auditEvents)
      .orderBy(auditEvents.seq)
      .limit(1)
      .offset(chain.checked - 1);
    expect(lastAfter).toEqual(lastBefore);
    const [file] = await target.db.select().from(files).where(eq(files.id, 'fi_backuptest'));
    expect(fs.readFileSync(path.join(dataDir, 'files', ...file!.storageKey.split('/')))).toEqual(EVIDENCE);
  });

  it('restore refuses a database that already holds data, and changes nothing', async () => {
    const before = await counts(t.database);
    await expect(restoreDatabase({ database: t.database, dataDir: t.config.dataDir, archive })).rejects.toThrow(
      RestoreRefused,
    );
    await expect(restoreDatabase({ database: t.database, dataDir: t.config.dataDir, archive })).rejects.toThrow(
      /not empty.*--force/,
    );
    expect(await counts(t.database)).toEqual(before);
  });

  it('with --force, restore replaces the data and keeps the previous files aside', async () => {
    const target = await emptyDatabase();
    const dataDir = path.join(work, 'forced');
    await restoreDatabase({ database: target, dataDir, archive });
    // Changes made after the backup …
    await target.db.update(units).set({ name: 'Đã đổi sau sao lưu' }).where(eq(units.code, 'SAOLUU'));
    fs.writeFileSync(path.join(dataDir, 'files', 'stray.bin'), 'x');
    const summary = await restoreDatabase({ database: target, dataDir, archive, force: true });
    // … are gone, and the old files directory is kept, not deleted.
    expect(
      summary,
      JSON.stringify({ tables: summary.tables, audit: summary.auditChain, files: summary.files }),
    ).toMatchObject({ ok: true });
    const [unit] = await target.db.select().from(units).where(eq(units.code, 'SAOLUU'));
    expect(unit!.name).toBe('Tổ sao lưu dữ liệu');
    expect(summary.files.movedAside).toBeTruthy();
    expect(fs.existsSync(path.join(summary.files.movedAside!, 'stray.bin'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'files', 'stray.bin'))).toBe(false);
    expect(await counts(target)).toEqual(await counts(t.database));
  });

  it("an archive whose audit tail was cut (checksums redone) restores, but fails verification against the backup's checkpoint", async () => {
    const cut = path.join(work, 'cut-audit.tar.gz');
    const auditEntry = backup.manifest.tables.find((x) => x.name === 'audit_events')!;
    await rewriteArchive(cut, (name, body) => {
      if (name === auditEntry.entry) {
        const lines = body.toString('utf8').split('\n').filter(Boolean);
        return Buffer.from(lines.slice(0, -2).join('\n') + '\n');
      }
      if (name === 'manifest.json') {
        const m = JSON.parse(body.toString('utf8'));
        m.tables.find((x: { name: string }) => x.name === 'audit_events').rows -= 2;
        return Buffer.from(JSON.stringify(m, null, 2) + '\n');
      }
      return body;
    });
    const target = await emptyDatabase();
    const summary = await restoreDatabase({ database: target, dataDir: path.join(work, 'cut'), archive: cut });
    // The rows agree with the edited manifest and what is left of the chain links up …
    expect(summary.tables.every((x) => x.expected === x.restored)).toBe(true);
    // … but the signed checkpoint counted two more events.
    expect(summary.ok).toBe(false);
    expect(summary.auditChain).toMatchObject({
      ok: false,
      reasonCode: 'audit.tail_missing',
      firstBrokenSeq: auditEntry.rows - 1,
    });
  });

  it('a damaged archive is refused and nothing is restored', async () => {
    // Same entries, but the evidence file's bytes altered: its checksum no longer matches.
    const damaged = path.join(work, 'damaged.tar.gz');
    const gzip = zlib.createGzip();
    const out = fs.createWriteStream(damaged);
    gzip.pipe(out);
    const writer = new TarWriter(gzip);
    for await (const e of readTar(fs.createReadStream(archive).pipe(zlib.createGunzip()))) {
      const parts: Buffer[] = [];
      for await (const c of e.body()) parts.push(c);
      let body = Buffer.concat(parts);
      if (e.name.startsWith('files/')) body = Buffer.from(body.toString('latin1').replace('2022', '2023'), 'latin1');
      await writer.add(e.name, body.length, body);
    }
    await writer.finish();
    await new Promise<void>((r) => out.on('close', () => r()));

    const target = await emptyDatabase();
    const dataDir = path.join(work, 'damaged');
    await expect(restoreDatabase({ database: target, dataDir, archive: damaged })).rejects.toThrow(
      /does not match its checksum/,
    );
    expect((await counts(target)).units).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'files'))).toBe(false);
  });

  it('an archive whose entry escapes the files directory is refused', async () => {
    const evil = path.join(work, 'evil.tar.gz');
    const gzip = zlib.createGzip();
    const out = fs.createWriteStream(evil);
    gzip.pipe(out);
    const writer = new TarWriter(gzip);
    for await (const e of readTar(fs.createReadStream(archive).pipe(zlib.createGunzip()))) {
      const parts: Buffer[] = [];
      for await (const c of e.body()) parts.push(c);
      const body = Buffer.concat(parts);
      await writer.add(e.name.startsWith('files/') ? 'files/../../escaped.txt' : e.name, body.length, body);
    }
    await writer.finish();
    await new Promise<void>((r) => out.on('close', () => r()));
    const target = await emptyDatabase();
    const dataDir = path.join(work, 'evil');
    await expect(restoreDatabase({ database: target, dataDir, archive: evil })).rejects.toThrow(/Unsafe path/);
    expect(fs.existsSync(path.join(work, 'escaped.txt'))).toBe(false);
  });
});

/**
 * Where the commands run: the engine under test. PostgreSQL: DATABASE_URL to a copy of the run's
 * demo template and to a new empty database. PGlite: DATA_DIR holding a copy of the run's demo
 * database, and a blank DATA_DIR (no tables yet) to restore into.
 */
async function commandDatabases(source: string): Promise<{
  sourceEnv: Record<string, string>;
  targetEnv: Record<string, string>;
  openTarget: () => Promise<Database>;
  expected: Awaited<ReturnType<typeof counts>>;
}> {
  const adminUrl = inject('pgAdminUrl');
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const suffix = randomBytes(4).toString('hex');
    const names = [`${runPrefix()}cli_src_${suffix}`, `${runPrefix()}cli_dst_${suffix}`];
    await admin.query(`CREATE DATABASE ${names[0]} TEMPLATE ${inject('pgTemplate')}`);
    await admin.query(`CREATE DATABASE ${names[1]}`);
    cleanups.push(async () => {
      for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
      await admin.end();
    });
    const url = (n: string) => Object.assign(new URL(adminUrl), { pathname: '/' + n }).toString();
    const src = await openPostgres(url(names[0]!), 2);
    const expected = await counts(src);
    await src.close();
    return {
      sourceEnv: { DATABASE_URL: url(names[0]!) },
      targetEnv: { DATABASE_URL: url(names[1]!) },
      openTarget: () => openPostgres(url(names[1]!), 2),
      expected,
    };
  }
  const seeded = await openPglite(path.join(source, 'pglite'), new Blob([fs.readFileSync(inject('pgliteDump'))]));
  const expected = await counts(seeded);
  await seeded.close();
  return {
    sourceEnv: {},
    targetEnv: {},
    openTarget: () => openPglite(path.join(work, 'cli-target', 'pglite')),
    expected,
  };
}

describe('the commands', () => {
  it('pnpm db:backup and pnpm db:restore work end to end', async () => {
    const source = path.join(work, 'cli-source');
    const target = path.join(work, 'cli-target');
    const db = await commandDatabases(source);
    fs.mkdirSync(path.join(source, 'files', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(source, 'files', 'ab', 'blob'), EVIDENCE);

    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('hex'),
      // The demo data's events were keyed with the tests' key: the commands need the same one.
      AUDIT_KEY: TEST_AUDIT_KEY,
    };
    const out = path.join(work, 'cli.tar.gz');
    const backup = await run('npx', ['tsx', 'src/cli/backup.ts', '--out', out], {
      cwd: API_DIR,
      env: { ...env, ...db.sourceEnv, DATA_DIR: source },
    });
    expect(backup.stdout).toMatch(/Done in .* 1 files/);
    expect(fs.existsSync(out)).toBe(true);

    const restore = await run('npx', ['tsx', 'src/cli/restore.ts', out], {
      cwd: API_DIR,
      env: { ...env, ...db.targetEnv, DATA_DIR: target },
    });
    expect(restore.stdout).toMatch(/all counts match/);
    expect(restore.stdout).toMatch(/audit chain: intact \(\d+ events, matches the backup's signed checkpoint/);
    expect(restore.stdout).toMatch(/Restore complete and verified/);
    expect(fs.readFileSync(path.join(target, 'files', 'ab', 'blob'))).toEqual(EVIDENCE);

    // A second restore into the now non-empty target is refused with a non-zero exit.
    const again = await run('npx', ['tsx', 'src/cli/restore.ts', out], {
      cwd: API_DIR,
      env: { ...env, ...db.targetEnv, DATA_DIR: target },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((again as { code: number }).code).toBe(1);
    expect((again as { stderr: string }).stderr).toMatch(/Restore refused: The target is not empty/);

    const restored = await db.openTarget();
    expect(await counts(restored)).toEqual(db.expected);
    await restored.close();
  }, 240_000);
});
