/**
 * `pnpm db:restore <file.tar.gz> [--force]`: restores a backup made by `pnpm db:backup` into the
 * configured database (DATABASE_URL, or the embedded one under DATA_DIR) and DATA_DIR/files, then
 * verifies row counts, the audit chain and file hashes. Refuses a non-empty target unless --force.
 * Stop the server first. See docs/operations.md.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { restoreDatabase, RestoreRefused } from '../backup/restore.ts';
import { registerMessages } from '../lib/messages.ts';
import { auditModule, loadAuditKey, useAuditKey } from '../modules/audit/index.ts';

// The audit chain's verdict is worded by the audit module's messages (the app registers every
// module's; this command needs only these, and loads no other module).
if (auditModule.messages) registerMessages(auditModule.messages);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
const archive = positionals[0];
if (values.help || !archive) {
  console.log('Usage: pnpm db:restore <backup.tar.gz> [--force]');
  process.exit(values.help ? 0 : 2);
}

const config = loadConfig();
// The audit key signs the backup's checkpoint of the audit chain and verifies a restored chain:
// the same AUDIT_KEY (or DATA_DIR/audit-key) as the server's.
useAuditKey(loadAuditKey(config));
const started = Date.now();
// An operator's command: as the tables' owner when one is configured (it empties and loads every table).
const database = await openDatabase({ ...config, databaseUrl: config.databaseMigrationUrl ?? config.databaseUrl });
try {
  console.log(
    `Khôi phục / restoring ${archive} into ${database.engine === 'postgres' ? 'PostgreSQL' : `the embedded database in ${config.dataDir}`} …`,
  );
  const s = await restoreDatabase({
    database,
    dataDir: config.dataDir,
    archive,
    force: values.force,
    log: (l) => console.log(l),
  });
  console.log(`Backup of ${s.manifest.createdAt} (${s.manifest.engine}).`);
  const bad = s.tables.filter((t) => t.expected !== t.restored);
  console.log(
    `  rows:        ${bad.length ? `MISMATCH in ${bad.map((t) => `${t.name} (${t.restored} of ${t.expected})`).join(', ')}` : `${s.tables.reduce((n, t) => n + t.restored, 0)} in ${s.tables.length} tables, all counts match`}`,
  );
  console.log(
    `  audit chain: ${s.auditChain.ok ? `intact (${s.auditChain.checked} events${s.auditChain.checkpoint ? `, matches the backup's signed checkpoint of ${s.auditChain.checkpoint.at}` : ''})` : `BROKEN at seq ${s.auditChain.firstBrokenSeq}: ${s.auditChain.reason}`}`,
  );
  console.log(
    `  files:       ${s.files.restored} restored (${(s.files.bytes / 1048576).toFixed(1)} MiB); ${s.files.checkedAgainstRows} checked against their recorded SHA-256` +
      (s.files.missing.length ? `; MISSING ${s.files.missing.length}` : '') +
      (s.files.mismatched.length ? `; HASH MISMATCH ${s.files.mismatched.length}` : ''),
  );
  if (s.files.movedAside) console.log(`  previous files kept in ${s.files.movedAside} (delete it once satisfied)`);
  console.log(
    `${s.ok ? 'Restore complete and verified' : 'Restore finished, but verification FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  if (!s.ok) process.exitCode = 1;
} catch (err) {
  console.error(
    err instanceof RestoreRefused ? `Restore refused: ${err.message}` : `Restore failed: ${(err as Error).message}`,
  );
  process.exitCode = 1;
} finally {
  await database.close();
}
