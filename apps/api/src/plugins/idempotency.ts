/**
 * Idempotency-Key for creates (Stripe's design): the first request with a key runs and its answer is
 * stored; a retry with the same key and body gets the same answer without running again; the same
 * key with another body is 422. Keys are scoped to the calling account. Routes opt in with
 * `config.idempotent: true`. A route whose body is only known inside the handler (a streamed
 * multipart upload) declares `config.idempotent: 'in-handler'` and calls claimIdempotencyKey() itself
 * with its own fingerprint of the request once it has read it (and replayAnswer() when it gets a
 * stored answer back); the answer is stored the same way.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import { and, eq, lt, isNull } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema/index.ts';
import { DomainError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { canonicalJson } from '../lib/canonical-json.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean | 'in-handler';
  }
  interface FastifyRequest {
    idempotencyRowId: string | null;
  }
}

/** A key whose first request died before answering may be taken again after this long. */
const ABANDONED_AFTER_MS = 60_000;

/** What a retry must repeat to be the same request: the URL and the request's own fingerprint. */
function requestHashOf(request: FastifyRequest, fingerprint: unknown): string {
  return createHash('sha256').update(request.url).update(canonicalJson(fingerprint)).digest('hex');
}

/** The stored answer of an earlier request with the same key. */
export interface StoredAnswer {
  statusCode: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * Takes the request's Idempotency-Key, if it has one. null: the caller goes on (its answer will be
 * stored when sent). An answer: an earlier request with the key was answered; the caller sends it
 * again with replayAnswer() and stops. The same key with another fingerprint is 422; while the first
 * request is still running, 409.
 */
export async function claimIdempotencyKey(request: FastifyRequest, fingerprint: unknown): Promise<StoredAnswer | null> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) return null;
  if (key.length > 200)
    throw new DomainError(400, 'validation.failed', {}, [{ field: 'Idempotency-Key', code: 'maxLength' }]);
  const db = request.server.database.db;
  const scope = `${request.actor?.userId ?? 'anonymous'}:${request.method}:${request.routeOptions.url}`;
  const requestHash = requestHashOf(request, fingerprint);
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, scope),
        eq(idempotencyKeys.key, key),
        isNull(idempotencyKeys.statusCode),
        lt(idempotencyKeys.createdAt, new Date(Date.now() - ABANDONED_AFTER_MS)),
      ),
    );
  const id = newId('idk');
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ id, scope, key, requestHash })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (inserted.length) {
    request.idempotencyRowId = id;
    return null;
  }
  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!existing) return null;
  if (existing.requestHash !== requestHash) throw new DomainError(422, 'idempotency.key_reused');
  if (existing.statusCode === null) throw new DomainError(409, 'idempotency.in_progress');
  return {
    statusCode: existing.statusCode,
    body: existing.responseBody ?? '',
    headers: (existing.responseHeaders ?? {}) as Record<string, string>,
  };
}

/** Sends a stored answer again, marked as a replay. */
export function replayAnswer(reply: FastifyReply, answer: StoredAnswer): FastifyReply {
  reply.header('idempotent-replayed', 'true');
  for (const [k, v] of Object.entries(answer.headers)) reply.header(k, v);
  return reply.status(answer.statusCode).type('application/json; charset=utf-8').send(answer.body);
}

export default fp(
  async (app) => {
    app.decorateRequest('idempotencyRowId', null);

    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.config.idempotent !== true) return;
      const stored = await claimIdempotencyKey(request, request.body ?? null);
      if (stored) return replayAnswer(reply, stored);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const id = request.idempotencyRowId;
      if (!id) return payload;
      const db = app.database.db;
      if (reply.statusCode >= 500 || reply.statusCode === 429) {
        await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id));
      } else {
        const headers: Record<string, string> = {};
        for (const h of ['location', 'etag']) {
          const v = reply.getHeader(h);
          if (v !== undefined) headers[h] = String(v);
        }
        await db
          .update(idempotencyKeys)
          .set({
            statusCode: reply.statusCode,
            responseBody: typeof payload === 'string' ? payload : String(payload ?? ''),
            responseHeaders: headers,
          })
          .where(eq(idempotencyKeys.id, id));
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['db', 'auth'] },
);
