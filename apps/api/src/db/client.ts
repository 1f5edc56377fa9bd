/**
 * Opens the database: PostgreSQL through `pg` when a URL is given, else an embedded PGlite kept
 * under DATA_DIR. Both run the same committed migrations and the same drizzle code.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or a transaction inside it. */
export type Executor = Db | Tx;

/** Where a connection lost outside any query's own error path is reported (the app's logger). */
export interface ConnectionLog {
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Runs the committed migrations. */
  migrate(): Promise<void>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** Reports lost connections to `log` from now on (plugins/db.ts: the app's logger); they are handled either way. */
  reportConnectionErrorsTo(log: ConnectionLog): void;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../drizzle');

/** A pg client that gives up opening its connection after a second. */
class QuickConnectClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: 1000 });
  }
}

/**
 * `migrationUrl`: the role that owns the tables runs the migrations (a short-lived connection of its
 * own), while the app's pool connects as a role that may not alter them — nor change audit events
 * (docs/security.md). Unset: the app's own role migrates.
 */
export async function openPostgres(url: string, poolSize = 20, migrationUrl?: string): Promise<Database> {
  // The pool's connectionTimeoutMillis bounds the wait for a free client in its queue: at 1 s a
  // burst of 200 concurrent requests turned into 503s although each query takes milliseconds, so
  // it is 10 s. Opening a connection keeps a 1 s bound of its own (the client's option), so a
  // server that is down or does not answer still gives 503 within a second (QUALITY.md).
  // JIT off: the planner's cost of a set-based report (the scoreboard's LATERAL sums at 10,000
  // units) passes jit_above_cost, and compiling took 1.1 s of a 1.9 s query for a plan that runs in
  // 0.5 s without it (EXPLAIN ANALYZE, docs/performance.md). This API runs short queries only.
  const pool = new pg.Pool({
    connectionString: url,
    options: '-c jit=off',
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    Client: QuickConnectClient,
  });
  // A connection that dies (server restart, network reset) makes its pg client emit 'error'; an
  // 'error' event without a listener ends the process. pg-pool listens only while a client is idle
  // (and re-emits on the pool), not while it is checked out for a transaction: a reset then killed
  // the API (issue 10). So every client gets its own listener for its whole life. The query or
  // transaction under way fails on its own path (→ 503, plugins/errors.ts) and the pool drops the
  // dead client on release; here the loss is only logged, once per connection.
  let log: ConnectionLog | undefined;
  pool.on('connect', (client) => {
    let reported = false;
    client.on('error', (err: Error & { code?: string }) => {
      if (reported) return;
      reported = true;
      log?.warn({ code: err.code, message: err.message }, 'database connection lost');
    });
  });
  pool.on('error', () => {
    /* the idle client's own listener above has logged it; the pool replaces it on next use */
  });
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    async migrate() {
      if (migrationUrl) {
        const owner = new pg.Pool({ connectionString: migrationUrl, max: 1, Client: QuickConnectClient });
        owner.on('error', () => {});
        try {
          await owner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
          await migratePg(drizzlePg(owner, { schema, casing: 'snake_case' }) as never, {
            migrationsFolder: MIGRATIONS_DIR,
          });
        } finally {
          await owner.end();
        }
        return;
      }
      await pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    reportConnectionErrorsTo(target) {
      log = target;
    },
    async close() {
      await pool.end();
    },
  };
}

/** dataDir undefined → in memory; loadDataDir → start from a dumped data directory (tests). */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async migrate() {
      await client.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
    async ping() {
      try {
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    reportConnectionErrorsTo() {
      /* in-process: no connection to lose */
    },
    async close() {
      await client.close();
    },
  };
}

export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  databaseMigrationUrl?: string | undefined;
  dataDir: string;
}): Promise<Database> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, 20, opts.databaseMigrationUrl)
    : openPglite(path.join(opts.dataDir, 'pglite'));
}

export { sql };
