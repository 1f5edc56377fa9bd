/**
 * Restores a backup made by backup.ts into an empty database (or, with `force`, over an existing
 * one): migrates the schema, loads every table in one transaction, extracts the files beside it,
 * and commits only when every entry matched its checksum. Then verifies what is now there: row
 * counts against the manifest, the audit hash chain (keyed, so the same AUDIT_KEY as the source)
 * against the backup's signed checkpoint, and each stored file against the SHA-256 its `files`
 * row records. The backup's checkpoint becomes the first of the restored DATA_DIR.
 *
 * The audit table is append-only (migration 0007): an empty one is simply loaded; replacing one
 * that holds events (`force`) switches its trigger off for the restore's transaction, which only
 * the table's owner may do — run a forced restore with the owner's DATABASE_URL.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { AuditVerifyResult } from '@thidua/contract';
import type { Database } from '../db/client.ts';
import {
  CHECKPOINT_DIR,
  currentAuditKey,
  isAuthenticCheckpoint,
  verifyAuditChain,
  writeCheckpointFile,
} from '../modules/audit/index.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupManifest } from './backup.ts';
import {
  appliedMigrations,
  nonEmptyTables,
  quoteIdent,
  rawSql,
  resetSequences,
  tablesInDependencyOrder,
  type Sql,
} from './catalog.ts';
import { readTar, type TarEntry } from './tar.ts';

/** Rows per INSERT; a self-referencing table goes in one statement whatever its size. */
const INSERT_ROWS = 2000;
/** The audit table and its append-only trigger (migration 0007). */
const AUDIT_TABLE = 'audit_events';
const AUDIT_TRIGGER = 'audit_events_append_only';

export class RestoreRefused extends Error {}

export interface RestoreSummary {
  manifest: BackupManifest;
  tables: { name: string; expected: number; restored: number }[];
  files: {
    restored: number;
    bytes: number;
    checkedAgainstRows: number;
    missing: string[];
    mismatched: string[];
    movedAside: string | null;
  };
  auditChain: AuditVerifyResult;
  ok: boolean;
}

async function readAll(entry: TarEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of entry.body()) parts.push(c);
  return Buffer.concat(parts);
}

/** A file name inside the archive that stays inside the files directory (no "..", no absolute path). */
function safeRelative(name: string): string {
  const rel = name.slice('files/'.length);
  const parts = rel.split('/');
  if (!rel || parts.some((p) => p === '' || p === '.' || p === '..') || rel.includes('\\') || rel.includes('\0')) {
    throw new RestoreRefused(`Unsafe path in the archive: ${name}`);
  }
  return rel;
}

/**
 * The lines of a stream of UTF-8 chunks. A chunk may end inside a line, and inside a multi-byte
 * character (Vietnamese text is full of them): the decoder keeps those bytes for the next chunk
 * instead of turning each half into U+FFFD, which once broke the audit chain of a restored copy.
 */
export async function* utf8Lines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of chunks) {
    const lines = (carry + decoder.write(chunk)).split('\n');
    carry = lines.pop()!;
    yield* lines;
  }
  carry += decoder.end();
  if (carry) yield carry;
}

async function loadTable(
  sql: Sql,
  entry: TarEntry,
  table: BackupManifest['tables'][number],
  targetColumns: string[],
): Promise<{ rows: number; hash: string }> {
  const missing = table.columns.filter((c) => !targetColumns.includes(c));
  if (missing.length)
    throw new RestoreRefused(
      `Table ${table.name} has no column ${missing.join(', ')} in this version: restore with the version that made the backup.`,
    );
  const cols = table.columns.map(quoteIdent).join(', ');
  const insert = `INSERT INTO ${quoteIdent(table.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${quoteIdent(table.name)}, $1::json)`;
  const hash = createHash('sha256');
  let pending: string[] = [];
  let rows = 0;
  const flush = async () => {
    if (!pending.length) return;
    await sql.query(insert, ['[' + pending.join(',') + ']']);
    rows += pending.length;
    pending = [];
  };
  const chunks = async function* () {
    for await (const chunk of entry.body()) {
      hash.update(chunk);
      yield chunk;
    }
  };
  for await (const line of utf8Lines(chunks())) {
    if (!line) continue;
    pending.push(line);
    if (!table.selfReferencing && pending.length >= INSERT_ROWS) await flush();
  }
  await flush();
  return { rows, hash: hash.digest('hex') };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function dirHasFiles(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir).some((n) => n !== '.tmp');
}

export async function restoreDatabase(opts: {
  database: Database;
  dataDir: string;
  archive: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<RestoreSummary> {
  const log = opts.log ?? (() => {});
  const filesRoot = path.join(opts.dataDir, 'files');
  const source = fs.createReadStream(opts.archive).pipe(zlib.createGunzip());
  const entries = readTar(source);
  const first = await entries.next();
  if (first.done || first.value.name !== 'manifest.json')
    throw new RestoreRefused('This is not a ThiĐua backup: manifest.json is missing.');
  const manifestBytes = await readAll(first.value);
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new RestoreRefused(`Unknown backup format ${manifest.format} v${manifest.formatVersion}.`);
  const hashes = new Map<string, string>([['manifest.json', createHash('sha256').update(manifestBytes).digest('hex')]]);

  const sql = await rawSql(opts.database);
  const staging = path.join(opts.dataDir, `.restore-${Date.now()}`);
  let committed = false;
  const tableCounts: RestoreSummary['tables'] = [];
  let restoredFiles = 0;
  let restoredBytes = 0;
  try {
    const occupied = await nonEmptyTables(sql);
    if ((occupied.length || dirHasFiles(filesRoot)) && !opts.force) {
      throw new RestoreRefused(
        `The target is not empty (${[...occupied, ...(dirHasFiles(filesRoot) ? [filesRoot] : [])].join(', ')}): restore into an empty database, or pass --force to replace its contents.`,
      );
    }
    await opts.database.migrate();
    const here = await appliedMigrations(sql);
    const same =
      here.length === manifest.migrations.length && here.every((m, i) => m.hash === manifest.migrations[i]!.hash);
    if (!same) {
      throw new RestoreRefused(
        `The backup was made at schema migration ${manifest.migrations.length}, this version is at ${here.length}: restore with the version of ThiĐua that made the backup, then upgrade.`,
      );
    }
    const target = new Map((await tablesInDependencyOrder(sql)).map((t) => [t.name, t]));
    for (const t of manifest.tables)
      if (!target.has(t.name)) throw new RestoreRefused(`Table ${t.name} does not exist in this version.`);

    await sql.query('BEGIN');
    // Empty (checked above) or forced: anything here now was put by the migrations, and the backup holds it too.
    // An empty audit table is left out: its trigger refuses any TRUNCATE, and there is nothing to remove.
    const replacesAudit = occupied.includes(AUDIT_TABLE);
    const truncated = [...target.keys()].filter((t) => t !== AUDIT_TABLE || replacesAudit);
    if (replacesAudit) {
      try {
        await sql.query(`ALTER TABLE ${quoteIdent(AUDIT_TABLE)} DISABLE TRIGGER ${quoteIdent(AUDIT_TRIGGER)}`);
      } catch (err) {
        throw new RestoreRefused(
          `Replacing an audit log that holds events needs the owner of its table (${(err as Error).message}): run the restore with the owner's DATABASE_URL, or restore into an empty database.`,
        );
      }
    }
    if (truncated.length) await sql.query(`TRUNCATE ${truncated.map(quoteIdent).join(', ')} CASCADE`);
    if (replacesAudit)
      await sql.query(`ALTER TABLE ${quoteIdent(AUDIT_TABLE)} ENABLE TRIGGER ${quoteIdent(AUDIT_TRIGGER)}`);
    let checksums: string | null = null;
    for (let next = await entries.next(); !next.done; next = await entries.next()) {
      const entry = next.value;
      const table = manifest.tables.find((t) => t.entry === entry.name);
      if (table) {
        const { rows, hash } = await loadTable(sql, entry, table, target.get(table.name)!.columns);
        hashes.set(entry.name, hash);
        tableCounts.push({ name: table.name, expected: table.rows, restored: rows });
        log(`  ${table.name}: ${rows} rows`);
      } else if (entry.name.startsWith('files/')) {
        const rel = safeRelative(entry.name);
        const dest = path.join(staging, ...rel.split('/'));
        await fsp.mkdir(path.dirname(dest), { recursive: true });
        const hash = createHash('sha256');
        const out = fs.createWriteStream(dest, { mode: 0o600 });
        for await (const chunk of entry.body()) {
          hash.update(chunk);
          if (!out.write(chunk)) await once(out, 'drain');
        }
        out.end();
        await once(out, 'finish');
        hashes.set(entry.name, hash.digest('hex'));
        restoredFiles++;
        restoredBytes += entry.size;
      } else if (entry.name === 'checksums.sha256') {
        checksums = (await readAll(entry)).toString('utf8');
      } else {
        throw new RestoreRefused(`Unexpected entry in the archive: ${entry.name}`);
      }
    }
    if (checksums === null) throw new RestoreRefused('The archive has no checksums.sha256: it is truncated.');
    const expected = new Map(
      checksums
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(66), l.slice(0, 64)] as const),
    );
    for (const [name, sum] of expected) {
      if (hashes.get(name) !== sum)
        throw new RestoreRefused(`${name} does not match its checksum: the archive is damaged. Nothing was restored.`);
    }
    for (const name of hashes.keys())
      if (!expected.has(name))
        throw new RestoreRefused(`${name} is not listed in checksums.sha256. Nothing was restored.`);
    await resetSequences(sql);
    await sql.query('COMMIT');
    committed = true;
  } catch (err) {
    if (!committed) await sql.query('ROLLBACK').catch(() => {});
    await fsp.rm(staging, { recursive: true, force: true });
    source.destroy();
    throw err;
  } finally {
    await sql.release();
  }

  // The rows are in; now the files take their place (the old ones, if forced, are kept aside).
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let movedAside: string | null = null;
  if (fs.existsSync(filesRoot)) {
    movedAside = `${filesRoot}.before-restore-${stamp}`;
    await fsp.rename(filesRoot, movedAside);
  }
  if (fs.existsSync(staging)) await fsp.rename(staging, filesRoot);
  // The checkpoints of the audit log that was replaced do not describe this one: kept aside too.
  // The backup's own, if signed with this key, anchors the restored chain from now on.
  const checkpointsRoot = path.join(opts.dataDir, CHECKPOINT_DIR);
  if (fs.existsSync(checkpointsRoot)) await fsp.rename(checkpointsRoot, `${checkpointsRoot}.before-restore-${stamp}`);
  const archived = manifest.auditCheckpoint ?? null;
  const anchor = archived && isAuthenticCheckpoint(archived, currentAuditKey()) ? archived : null;
  if (anchor) await writeCheckpointFile(opts.dataDir, anchor);

  const verifySql = await rawSql(opts.database);
  const missing: string[] = [];
  const mismatched: string[] = [];
  let checkedAgainstRows = 0;
  try {
    for (const t of tableCounts) {
      const [r] = await verifySql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quoteIdent(t.name)}`);
      t.restored = Number(r?.n ?? 0);
    }
    const [hasFilesTable] = await verifySql.query<{ ok: boolean }>(
      `SELECT count(*) = 2 AS ok FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'files' AND column_name IN ('sha256', 'storage_key')`,
    );
    if (hasFilesTable?.ok) {
      const rows = await verifySql.query<{ id: string; storage_key: string; sha256: string }>(
        'SELECT id, storage_key, sha256 FROM files ORDER BY id',
      );
      for (const r of rows) {
        checkedAgainstRows++;
        const file = path.join(filesRoot, ...r.storage_key.split('/'));
        if (!fs.existsSync(file)) missing.push(r.storage_key);
        else if ((await sha256File(file)) !== r.sha256) mismatched.push(r.storage_key);
      }
    }
  } finally {
    await verifySql.release();
  }
  // The restore command reports in English.
  const auditChain = await verifyAuditChain(opts.database.db, 'en', {
    checkpoints: anchor ? [anchor] : [],
    invalidCheckpoints: archived && !anchor ? ['manifest.json (auditCheckpoint)'] : [],
  });
  const ok =
    tableCounts.every((t) => t.expected === t.restored) && auditChain.ok && !missing.length && !mismatched.length;
  return {
    manifest,
    tables: tableCounts,
    files: { restored: restoredFiles, bytes: restoredBytes, checkedAgainstRows, missing, mismatched, movedAside },
    auditChain,
    ok,
  };
}
