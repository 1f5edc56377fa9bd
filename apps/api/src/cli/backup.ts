/**
 * `pnpm db:backup [--out <file.tar.gz>]`: a logical backup of the database (DATABASE_URL, or the
 * embedded one under DATA_DIR) and of the files under DATA_DIR/files, in one archive. Default
 * output: DATA_DIR/backups/thidua-<date>.tar.gz. See docs/operations.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { backupDatabase } from '../backup/backup.ts';
import { loadAuditKey, useAuditKey } from '../modules/audit/index.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('Usage: pnpm db:backup [--out <file.tar.gz>]');
  process.exit(0);
}

const config = loadConfig();
// The audit key signs the backup's checkpoint of the audit chain and verifies a restored chain:
// the same AUDIT_KEY (or DATA_DIR/audit-key) as the server's.
useAuditKey(loadAuditKey(config));
const stamp = new Date().toISOString().replace(/[:]/g, '').replace(/\..*$/, '');
const out = path.resolve(values.out ?? path.join(config.dataDir, 'backups', `thidua-${stamp}.tar.gz`));
const started = Date.now();
const database = await openDatabase(config);
try {
  console.log(
    `Sao lưu / backing up ${database.engine === 'postgres' ? 'PostgreSQL' : `embedded database in ${config.dataDir}`} …`,
  );
  if (config.blobStore === 's3')
    console.log(
      `Note: BLOB_STORE=s3 — files in bucket "${config.s3.bucket}" are not in this archive; back the bucket up with its own tools.`,
    );
  const result = await backupDatabase({ database, dataDir: config.dataDir, out });
  const m = result.manifest;
  const rows = m.tables.reduce((s, t) => s + t.rows, 0);
  for (const t of m.tables) console.log(`  ${t.name.padEnd(28)} ${String(t.rows).padStart(9)} rows`);
  console.log(
    `  ${'files'.padEnd(28)} ${String(m.files.count).padStart(9)} files, ${(m.files.bytes / 1048576).toFixed(1)} MiB`,
  );
  console.log(
    `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${m.tables.length} tables, ${rows} rows, ${m.files.count} files → ${result.archive} (${(result.bytes / 1048576).toFixed(1)} MiB)`,
  );
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
