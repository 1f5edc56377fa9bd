/**
 * Idempotency-Key for creates (Stripe's design): the first request with a key runs and its answer is
 * stored; a retry with the same key and body gets the same answer without running again; the same
 * key with another body is 422. Keys are scoped to the calling account. Routes opt in with
 * `config.idempotent: true`.
 */
import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import { and, eq, lt, isNull } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema/index.ts';
import { DomainError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { canonicalJson } from '../lib/canonical-json.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyRowId: string | null;
  }
}

/** A key whose first request died before answering may be taken again after this long. */
const ABANDONED_AFTER_MS = 60_000;

export default fp(
  async (app) => {
    app.decorateRequest('idempotencyRowId', null);

    app.addHook('preHandler', async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (!request.routeOptions.config.idempotent || typeof key !== 'string' || !key) return;
      if (key.length > 200) throw new DomainError(400, 'validation.failed', {}, [{ field: 'Idempotency-Key', code: 'maxLength' }]);
      const db = app.database.db;
      const scope = `${request.actor?.userId ?? 'anonymous'}:${request.method}:${request.routeOptions.url}`;
      const requestHash = createHash('sha256').update(request.url).update(canonicalJson(request.body ?? null)).digest('hex');
      await db
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.statusCode), lt(idempotencyKeys.createdAt, new Date(Date.now() - ABANDONED_AFTER_MS))));
      const id = newId('idk');
      const inserted = await db.insert(idempotencyKeys).values({ id, scope, key, requestHash }).onConflictDoNothing().returning({ id: idempotencyKeys.id });
      if (inserted.length) {
        request.idempotencyRowId = id;
        return;
      }
      const [existing] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      if (!existing) return;
      if (existing.requestHash !== requestHash) throw new DomainError(422, 'idempotency.key_reused');
      if (existing.statusCode === null) throw new DomainError(409, 'idempotency.in_progress');
      reply.header('idempotent-replayed', 'true');
      for (const [k, v] of Object.entries((existing.responseHeaders ?? {}) as Record<string, string>)) reply.header(k, v);
      return reply.status(existing.statusCode).type('application/json; charset=utf-8').send(existing.responseBody);
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
        await db.update(idempotencyKeys).set({ statusCode: reply.statusCode, responseBody: typeof payload === 'string' ? payload : String(payload ?? ''), responseHeaders: headers }).where(eq(idempotencyKeys.id, id));
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['db', 'auth'] },
);
