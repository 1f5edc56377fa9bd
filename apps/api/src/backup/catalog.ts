/**
 * What backup and restore need from the database beneath drizzle: one raw connection (a snapshot
 * transaction and a cursor must stay on the same connection) and the catalog — which tables exist,
 * their columns, and the order their foreign keys impose. Read from the catalog rather than from the
 * drizzle schema, so a table added by a later module is backed up without touching this code.
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import { KEYED_PREFIX } from '../modules/audit/index.ts';

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  release(): Promise<void>;
}

export async function rawSql(database: Database): Promise<Sql> {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.engine === 'postgres') {
    const conn = await (client as pg.Pool).connect();
    return {
      query: async <T>(text: string, params?: unknown[]) => (await conn.query(text, params)).rows as T[],
      release: async () => conn.release(),
    };
  }
  const lite = client as PGlite;
  return {
    query: async <T>(text: string, params?: unknown[]) => (await lite.query<T>(text, params)).rows,
    release: async () => {},
  };
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableInfo {
  name: string;
  /** Insertable columns (generated ones excluded), in table order. */
  columns: string[];
  /** Has a foreign key to itself (the unit tree): restored in one statement, so row order does not matter. */
  selfReferencing: boolean;
}

/** The tables of the public schema, parents before children. */
export async function tablesInDependencyOrder(sql: Sql): Promise<TableInfo[]> {
  const tables = (
    await sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
    )
  ).map((r) => r.name);
  const columns = await sql.query<{ table: string; column: string }>(
    `SELECT c.relname AS "table", a.attname AS "column"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const fks = await sql.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  const self = new Set<string>();
  for (const fk of fks) {
    if (fk.child === fk.parent) self.add(fk.child);
    else parents.get(fk.child)?.add(fk.parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (!ready.length) {
      const stuck = tables.filter((t) => !placed.has(t));
      throw new Error(`Foreign keys form a cycle between ${stuck.join(', ')}: no restore order exists.`);
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered.map((name) => ({
    name,
    columns: columns.filter((c) => c.table === name).map((c) => c.column),
    selfReferencing: self.has(name),
  }));
}

export interface MigrationInfo {
  hash: string;
  createdAt: string;
}

/** The migrations applied to this database (drizzle's journal), oldest first; empty before the first. */
export async function appliedMigrations(sql: Sql): Promise<MigrationInfo[]> {
  const [exists] = await sql.query<{ ok: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`,
  );
  if (!exists?.ok) return [];
  return sql.query<MigrationInfo>(
    `SELECT hash, created_at::text AS "createdAt" FROM drizzle.__drizzle_migrations ORDER BY created_at, id`,
  );
}

/**
 * Reference data the migrations themselves ship (the award catalogue of migration 0005): a freshly
 * migrated database holds these rows, so they do not make it "in use". A restore truncates them with
 * the rest and loads the backup's own copy.
 */
export const SHIPPED_REFERENCE_TABLES: readonly string[] = [
  'award_types',
  'grant_powers',
  'base_salaries',
  'public_holidays',
];

/** Tables of the public schema holding at least one row (the shipped reference tables aside). */
export async function nonEmptyTables(sql: Sql): Promise<string[]> {
  const out: string[] = [];
  for (const t of await tablesInDependencyOrder(sql)) {
    if (SHIPPED_REFERENCE_TABLES.includes(t.name)) continue;
    const [r] = await sql.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t.name)}) AS any`);
    if (r?.any) out.push(t.name);
  }
  return out;
}

/** Moves every sequence owned by a column past the largest value restored into it. */
export async function resetSequences(sql: Sql): Promise<void> {
  const owned = await sql.query<{ seq: string; table: string; column: string }>(
    `SELECT s.relname AS seq, t.relname AS "table", a.attname AS "column"
       FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = s.relnamespace
      WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const o of owned) {
    await sql.query(
      `SELECT setval('public.${quoteIdent(o.seq)}', COALESCE((SELECT max(${quoteIdent(o.column)}) FROM ${quoteIdent(o.table)}), 0) + 1, false)`,
    );
  }
}

/**
 * The audit chain's head and its first keyed event (the audit module's KEYED_PREFIX), as this
 * connection's snapshot sees them; head null for an empty log.
 */
export async function auditChainHead(
  sql: Sql,
): Promise<{ head: { seq: number; id: string; hash: string } | null; firstKeyed: number | null }> {
  const [head] = await sql.query<{ seq: string; id: string; hash: string }>(
    'SELECT a.seq::text AS seq, a.id, a.hash FROM audit_events a ORDER BY a.seq DESC LIMIT 1',
  );
  const [keyed] = await sql.query<{ seq: string | null }>(
    'SELECT min(seq)::text AS seq FROM audit_events WHERE starts_with(hash, $1)',
    [KEYED_PREFIX],
  );
  return {
    head: head ? { seq: Number(head.seq), id: head.id, hash: head.hash } : null,
    firstKeyed: keyed?.seq ? Number(keyed.seq) : null,
  };
}
