/**
 * Idempotency-Key for creates (Stripe's design): the first request with a key runs and its answer is
 * stored; a retry with the same key and body gets the same answer without running again; the same
 * key with another body is 422. Keys are scoped to the calling account. Routes opt in with
 * `config.idempotent: true`. A route whose body is only known inside the handler (a streamed
 * multipart upload) declares `config.idempotent: 'in-handler'` and calls claimIdempotencyKey() itself
 * with its own fingerprint of the request once it has read it (and replayAnswer() when it gets a
 * stored answer back).
 *
 * The key, the work and the answer commit together or not at all. Claiming a key opens a
 * transaction that the request holds until its answer is serialized: the key's row is inserted in
 * it, the handler's writes run in it (the db plugin's request scope hands it to every
 * `app.database.db` of the request; services' own transactions become savepoints), and the answer
 * is written into the row just before the commit. A crash anywhere before the commit leaves neither
 * the record nor the key; after it, both, and a retry gets the stored answer. A concurrent retry
 * waits for the first request's transaction (the unique key, or PGlite's single connection) and
 * then replays its answer. A refusal (4xx) is stored as the answer with the work rolled back to the
 * claim; a 5xx or 429 rolls everything back, so the retry runs again.
 */
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import { DomainError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { canonicalJson } from '../lib/canonical-json.ts';
import { runInRequestScope, useRequestTransaction } from './db.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean | 'in-handler';
  }
  interface FastifyRequest {
    idempotencyHold: HeldTransaction | null;
  }
}

/** The stored answer of an earlier request with the same key. */
export interface StoredAnswer {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * Test-only fault points (tests set them; nothing in the app does): `beforeAnswerStored` runs inside
 * the transaction just before the answer is written, `afterCommit` once it has committed and before
 * the answer leaves. Throwing from either stands for a crash at that moment.
 */
export const idempotencyFaults: {
  beforeAnswerStored: ((key: string) => void | Promise<void>) | null;
  afterCommit: ((key: string) => void | Promise<void>) | null;
} = { beforeAnswerStored: null, afterCommit: null };

/** Where the work of a claimed request starts: a refusal rolls back to here and keeps the claim. */
const WORK = sql.raw('idempotent_work');

/** A transaction held open across the request's hooks, ended by finish(). */
interface HeldTransaction {
  tx: Tx;
  key: string;
  rowId: string;
  /** Gives the request's `app.database.db` back to the database. */
  leaveScope: () => void;
  /** Ends the transaction: `write` runs last inside it, then it commits; null rolls it back. */
  finish(write: ((tx: Tx) => Promise<void>) | null): Promise<void>;
  finished: boolean;
}

/** Thrown inside a held transaction to roll it back on purpose. */
class Rollback extends Error {}

async function holdTransaction(db: Db): Promise<Omit<HeldTransaction, 'key' | 'rowId' | 'leaveScope'>> {
  let release!: (write: ((tx: Tx) => Promise<void>) | null) => void;
  const ending = new Promise<((tx: Tx) => Promise<void>) | null>((resolve) => (release = resolve));
  let opened!: (tx: Tx) => void;
  const open = new Promise<Tx>((resolve) => (opened = resolve));
  const settled = db.transaction(async (tx) => {
    opened(tx);
    const write = await ending;
    if (!write) throw new Rollback();
    await write(tx);
  });
  settled.catch(() => {}); // awaited by finish(); a failure to begin is raised just below
  const tx = await Promise.race([
    open,
    settled.then(() => {
      throw new Error('the transaction ended before it began');
    }),
  ]);
  const held = {
    tx,
    finished: false,
    async finish(write: ((tx: Tx) => Promise<void>) | null) {
      held.finished = true;
      release(write);
      try {
        await settled;
      } catch (err) {
        if (!(err instanceof Rollback)) throw err;
      }
    },
  };
  return held;
}

/** What a retry must repeat to be the same request: the URL and the request's own fingerprint. */
function requestHashOf(request: FastifyRequest, fingerprint: unknown): string {
  return createHash('sha256').update(request.url).update(canonicalJson(fingerprint)).digest('hex');
}

/**
 * Takes the request's Idempotency-Key, if it has one. null: the caller goes on, inside the
 * transaction that now holds the key (its answer is stored there when sent). An answer: an earlier
 * request with the key was answered; the caller sends it again with replayAnswer() and stops. The
 * same key with another fingerprint is 422. Only inside a route declared `idempotent`.
 */
export async function claimIdempotencyKey(request: FastifyRequest, fingerprint: unknown): Promise<StoredAnswer | null> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) return null;
  if (key.length > 200)
    throw new DomainError(400, 'validation.failed', {}, [{ field: 'Idempotency-Key', code: 'maxLength' }]);
  if (!request.routeOptions.config.idempotent || request.idempotencyHold)
    throw new Error('claimIdempotencyKey: once per request, in a route declared idempotent');
  const scope = `${request.actor?.userId ?? 'anonymous'}:${request.method}:${request.routeOptions.url}`;
  const requestHash = requestHashOf(request, fingerprint);
  const held = await holdTransaction(request.server.database.db);
  const { tx } = held;
  let answer: StoredAnswer | null = null;
  try {
    // A row without an answer was committed by the earlier design (claim first, answer later)
    // and its request is gone: the key is free again.
    await tx
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode)));
    const rowId = newId('idk');
    // Waits while another transaction holds the same key uncommitted, then inserts or finds it.
    const inserted = await tx
      .insert(idempotencyKeys)
      .values({ id: rowId, scope, key, requestHash })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id });
    if (inserted.length) {
      await tx.execute(sql`SAVEPOINT ${WORK}`);
      const leaveScope = useRequestTransaction(tx);
      if (!leaveScope) throw new Error('claimIdempotencyKey: outside the request scope');
      request.idempotencyHold = Object.assign(held, { key, rowId, leaveScope });
      return null;
    }
    const [existing] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!existing || existing.statusCode === null) throw new DomainError(409, 'idempotency.in_progress');
    if (existing.requestHash !== requestHash) throw new DomainError(422, 'idempotency.key_reused');
    answer = {
      statusCode: existing.statusCode,
      body: existing.responseBody ?? '',
      headers: (existing.responseHeaders ?? {}) as Record<string, string>,
    };
  } catch (err) {
    await held.finish(null).catch(() => {});
    throw err;
  }
  await held.finish(null);
  return answer;
}

/** Sends a stored answer again, marked as a replay. */
export function replayAnswer(reply: FastifyReply, answer: StoredAnswer): FastifyReply {
  reply.header('idempotent-replayed', 'true');
  for (const [k, v] of Object.entries(answer.headers)) reply.header(k, v);
  return reply.status(answer.statusCode).type('application/json; charset=utf-8').send(answer.body);
}

/** Ends the request's held transaction with its answer: stored and committed, or rolled back. */
async function settleAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
  const held = request.idempotencyHold;
  if (!held || held.finished) return;
  const statusCode = reply.statusCode;
  try {
    if (statusCode >= 500 || statusCode === 429) {
      await held.finish(null);
      return;
    }
    const headers: Record<string, string> = {};
    for (const h of ['location', 'etag']) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    await held.finish(async (tx) => {
      // A refusal keeps the claim and its answer, and nothing of the work.
      if (statusCode >= 400) await tx.execute(sql`ROLLBACK TO SAVEPOINT ${WORK}`);
      if (idempotencyFaults.beforeAnswerStored) await idempotencyFaults.beforeAnswerStored(held.key);
      await tx
        .update(idempotencyKeys)
        .set({
          statusCode,
          responseBody: typeof payload === 'string' ? payload : String(payload ?? ''),
          responseHeaders: headers,
        })
        .where(eq(idempotencyKeys.id, held.rowId));
    });
    if (idempotencyFaults.afterCommit) await idempotencyFaults.afterCommit(held.key);
  } finally {
    held.leaveScope();
  }
}

export default fp(
  async (app) => {
    app.decorateRequest('idempotencyHold', null);

    // An idempotent route's handler runs in a request scope, where a claimed key's transaction is
    // the database; `true` routes claim with the validated body before the handler runs.
    app.addHook('onRoute', (route) => {
      const mode = route.config?.idempotent;
      if (!mode) return;
      const handler = route.handler as RouteHandlerMethod;
      route.handler = function idempotentHandler(this: unknown, request: FastifyRequest, reply: FastifyReply) {
        return runInRequestScope(async () => {
          if (mode === true) {
            const stored = await claimIdempotencyKey(request, request.body ?? null);
            if (stored) return replayAnswer(reply, stored);
          }
          return handler.call(this as never, request as never, reply as never);
        });
      } as RouteHandlerMethod;
    });

    // The answer is final here: it is stored and committed with the work before it leaves. If that
    // fails, the error handler answers instead (and this hook lets that answer through).
    app.addHook('onSend', async (request, reply, payload) => {
      await settleAnswer(request, reply, payload);
      return payload;
    });

    // A request that ended without sending (its socket gone) must not keep the transaction open.
    app.addHook('onResponse', async (request) => {
      const held = request.idempotencyHold;
      if (!held || held.finished) return;
      held.leaveScope();
      await held.finish(null).catch(() => {});
    });
  },
  { name: 'idempotency', dependencies: ['db', 'auth'] },
);
