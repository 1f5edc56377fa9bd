/**
 * Gives every module the database; migrates at start; closes it on shutdown.
 *
 * A route can run inside one transaction held for the whole request (the idempotency plugin does,
 * so that a create and its stored answer commit together): within `runInRequestScope`, once
 * `useRequestTransaction` has set it, `app.database.db` is that transaction. Services keep calling
 * `db.transaction()`, which becomes a savepoint inside it; nothing in the request reaches the
 * database past it (PGlite has one connection: a query beside an open transaction would wait for
 * it forever).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fp from 'fastify-plugin';
import type { Database, Db, Tx } from '../db/client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

interface RequestScope {
  tx: Tx | null;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` in a scope of its own, in which useRequestTransaction() may later set a transaction. */
export function runInRequestScope<T>(fn: () => T): T {
  return requestScope.run({ tx: null }, fn);
}

/**
 * From now on, `app.database.db` in the current request scope is `tx`, until the returned function
 * is called (from anywhere: work the request left running then goes to the database again, not to
 * a closed transaction). null when there is no scope (the caller is not inside runInRequestScope).
 */
export function useRequestTransaction(tx: Tx): (() => void) | null {
  const scope = requestScope.getStore();
  if (!scope) return null;
  scope.tx = tx;
  return () => {
    if (scope.tx === tx) scope.tx = null;
  };
}

/** The database as requests see it: the request's own transaction when one is held. */
function scopedDatabase(database: Database): Database {
  return Object.create(database, {
    db: {
      enumerable: true,
      get: (): Db => (requestScope.getStore()?.tx as Db | null | undefined) ?? database.db,
    },
  }) as Database;
}

export default fp<{ database: Database }>(
  async (app, opts) => {
    opts.database.reportConnectionErrorsTo(app.log);
    await opts.database.migrate();
    app.decorate('database', scopedDatabase(opts.database));
  },
  { name: 'db' },
);
