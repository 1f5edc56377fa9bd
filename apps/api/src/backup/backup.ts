/**
 * A logical backup in one .tar.gz:
 *
 *   manifest.json            format, date, engine, applied migrations, tables with columns and row counts
 *   tables/<table>.jsonl     one row per line as PostgreSQL's row_to_json renders it, tables in foreign-key order
 *   files/…                  the local blob store (DATA_DIR/files), if present
 *   checksums.sha256         SHA-256 of every entry above (sha256sum format), written last
 *
 * The manifest carries a checkpoint of the audit chain as the snapshot saw it (its head and count),
 * signed with the audit key: a restore verifies the restored chain against it, and keeps it as the
 * restored database's first checkpoint, so an archive whose audit events were cut or recomputed
 * does not restore as intact (checksums.sha256 is not keyed; anyone editing the archive can redo it).
 *
 * All tables are read in one REPEATABLE READ snapshot, so the rows are consistent with each other
 * even while the server keeps running on PostgreSQL. Rows are copied as PostgreSQL's own JSON
 * text (never parsed in JavaScript), so timestamps keep their microseconds and bigints their digits.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Database } from '../db/client.ts';
import { checkpointOfHead, type AuditCheckpoint } from '../modules/audit/index.ts';
import {
  appliedMigrations,
  auditChainHead,
  quoteIdent,
  rawSql,
  tablesInDependencyOrder,
  type MigrationInfo,
} from './catalog.ts';
import { TarWriter } from './tar.ts';

export const BACKUP_FORMAT = 'thidua-backup';
export const BACKUP_FORMAT_VERSION = 1;
const FETCH_ROWS = 2000;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: Database['engine'];
  migrations: MigrationInfo[];
  tables: { name: string; columns: string[]; rows: number; selfReferencing: boolean; entry: string }[];
  files: { count: number; bytes: number };
  /** The audit chain's head in this snapshot, signed; null for an empty log (absent from older archives). */
  auditCheckpoint?: AuditCheckpoint | null;
}

export interface BackupResult {
  archive: string;
  bytes: number;
  manifest: BackupManifest;
}

/** Regular files under `root`, relative paths with '/' separators; the blob store's staging dir is left out. */
async function listFiles(root: string): Promise<{ rel: string; size: number; mtime: Date }[]> {
  const out: { rel: string; size: number; mtime: Date }[] = [];
  const walk = async (dir: string, rel: string) => {
    for (const d of await fsp.readdir(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${d.name}` : d.name;
      if (!rel && d.name === '.tmp') continue; // uploads in progress, not yet files
      const full = path.join(dir, d.name);
      if (d.isDirectory()) await walk(full, childRel);
      else if (d.isFile()) {
        const st = await fsp.stat(full);
        out.push({ rel: childRel, size: st.size, mtime: st.mtime });
      }
    }
  };
  if (fs.existsSync(root)) await walk(root, '');
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

async function writeLine(out: fs.WriteStream, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

/** Dumps every table to `<staging>/<table>.jsonl` inside one snapshot. */
async function dumpTables(database: Database, staging: string) {
  const sql = await rawSql(database);
  try {
    await sql.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const migrations = await appliedMigrations(sql);
      const tables = await tablesInDependencyOrder(sql);
      const dumped: BackupManifest['tables'] = [];
      for (const [i, t] of tables.entries()) {
        const entry = `tables/${String(i + 1).padStart(3, '0')}-${t.name}.jsonl`;
        const file = path.join(staging, path.basename(entry));
        const out = fs.createWriteStream(file);
        let rows = 0;
        await sql.query(
          `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quoteIdent(t.name)} t`,
        );
        for (;;) {
          const batch = await sql.query<{ j: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
          if (!batch.length) break;
          for (const r of batch) await writeLine(out, r.j + '\n');
          rows += batch.length;
        }
        await sql.query('CLOSE backup_rows');
        out.end();
        await once(out, 'finish');
        dumped.push({ name: t.name, columns: t.columns, rows, selfReferencing: t.selfReferencing, entry });
      }
      const audit = await auditChainHead(sql);
      const auditCheckpoint = audit.head ? checkpointOfHead(audit.head, audit.firstKeyed, new Date()) : null;
      await sql.query('COMMIT');
      return { migrations, tables: dumped, auditCheckpoint };
    } catch (err) {
      await sql.query('ROLLBACK').catch(() => {});
      throw err;
    }
  } finally {
    await sql.release();
  }
}

/** Hashes what passes through, for the checksum list. */
async function* hashing(source: AsyncIterable<Buffer>, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

export async function backupDatabase(opts: {
  database: Database;
  dataDir: string;
  out: string;
}): Promise<BackupResult> {
  const staging = await fsp.mkdtemp(path.join(os.tmpdir(), 'thidua-backup-'));
  const partial = `${opts.out}.partial`;
  try {
    const { migrations, tables, auditCheckpoint } = await dumpTables(opts.database, staging);
    const filesRoot = path.join(opts.dataDir, 'files');
    const files = await listFiles(filesRoot);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      engine: opts.database.engine,
      migrations,
      tables,
      files: { count: files.length, bytes: files.reduce((s, f) => s + f.size, 0) },
      auditCheckpoint,
    };

    await fsp.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
    const gzip = zlib.createGzip({ level: 6 });
    const fileOut = fs.createWriteStream(partial, { mode: 0o600 });
    const piped = new Promise<void>((resolve, reject) => {
      gzip.pipe(fileOut);
      fileOut.on('finish', resolve);
      fileOut.on('error', reject);
      gzip.on('error', reject);
    });
    const tar = new TarWriter(gzip);
    const sums: string[] = [];
    const add = async (name: string, size: number, source: Readable | Buffer, mtime?: Date) => {
      const hash = createHash('sha256');
      if (Buffer.isBuffer(source)) {
        hash.update(source);
        await tar.add(name, size, source, mtime);
      } else await tar.add(name, size, Readable.from(hashing(source, hash)), mtime);
      sums.push(`${hash.digest('hex')}  ${name}`);
    };

    const manifestJson = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    await add('manifest.json', manifestJson.length, manifestJson);
    for (const t of tables) {
      const file = path.join(staging, path.basename(t.entry));
      await add(t.entry, (await fsp.stat(file)).size, fs.createReadStream(file));
    }
    for (const f of files) {
      await add(`files/${f.rel}`, f.size, fs.createReadStream(path.join(filesRoot, ...f.rel.split('/'))), f.mtime);
    }
    const checksums = Buffer.from(sums.join('\n') + '\n');
    await tar.add('checksums.sha256', checksums.length, checksums);
    await tar.finish();
    await piped;
    // Only a complete, flushed archive gets its final name.
    const fd = await fsp.open(partial, 'r');
    await fd.sync();
    await fd.close();
    await fsp.rename(partial, opts.out);
    return { archive: path.resolve(opts.out), bytes: (await fsp.stat(opts.out)).size, manifest };
  } catch (err) {
    await fsp.rm(partial, { force: true });
    throw err;
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}
