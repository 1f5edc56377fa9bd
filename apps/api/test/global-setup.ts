/**
 * Builds one migrated database with the demo data per test run; each test file then gets its own
 * copy (PGlite: a dumped data directory; PostgreSQL: CREATE DATABASE … TEMPLATE). Migrating per
 * file would cost seconds each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { loadDemoData } from '../src/bootstrap/demo-data.ts';
import { auditKeyFrom, useAuditKey } from '../src/modules/audit/index.ts';
import { TEST_AUDIT_KEY } from './audit-key.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
    pgAdminUrl: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

export default async function setup(project: TestProject) {
  // The demo data's audit events are keyed as every test app's (test/audit-key.ts).
  useAuditKey(auditKeyFrom(TEST_AUDIT_KEY));
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `thidua_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const database = await openPostgres(withDatabase(url, template), 2);
    await database.migrate();
    await loadDemoData(database.db);
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgAdminUrl', url);
    project.provide('pgliteDump', '');
    return async () => {
      // Copies left by crashed files are dropped with the template's prefix.
      const { rows } = await admin.query(
        `SELECT datname FROM pg_database WHERE datname LIKE 'thidua_t_${process.pid}_%' OR datname = $1`,
        [template],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openPglite(undefined);
  await database.migrate();
  await loadDemoData(database.db);
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-test-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
  project.provide('pgAdminUrl', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
