/**
 * The audit log: every write records who did what to which object, before and after, in the same
 * transaction as the change. Rows are chained: each hash covers the event and the previous hash, so
 * an edited or deleted row breaks the chain at that point, which verifyAuditChain() names.
 */
import { createHash } from 'node:crypto';
import type { AuditBreak, AuditListQuery, AuditVerifyResult } from '@thidua/contract';
import type { Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { primaryGrant, type Actor } from '../../lib/actor.ts';
import { reachOf } from '../../lib/access.ts';
import { newId } from '../../lib/ids.ts';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { pageParams } from '../../lib/http.ts';
import { message } from '../../lib/messages.ts';
import {
  auditEventsFrom,
  findAuditEventsPage,
  insertAuditEvent,
  lastAuditLink,
  lockAuditChain,
  type AuditEventRow,
} from './audit.repository.ts';
import { toAuditEvent } from './audit.mapper.ts';

const GENESIS = '0'.repeat(64);
/** Serialises writers of the chain across connections and replicas (any fixed number will do). */
const AUDIT_LOCK_KEY = 720_22;

export interface AuditInput {
  action: string;
  objectType: string;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
}

function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** The hash of an event: its content and the previous hash (exported for the tamper tests, which forge one as an attacker knowing the algorithm would). */
export function hashOf(row: Omit<AuditEventRow, 'hash'>): string {
  const content = canonicalJson({
    id: row.id,
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    actorUnitId: row.actorUnitId,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  });
  return createHash('sha256').update(row.prevHash).update('\n').update(content).digest('hex');
}

export async function recordAudit(tx: Tx, ctx: Ctx, input: AuditInput): Promise<void> {
  await lockAuditChain(tx, AUDIT_LOCK_KEY);
  const last = await lastAuditLink(tx);
  const grant = ctx.actor ? primaryGrant(ctx.actor) : null;
  const row = {
    id: newId('ae'),
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actorId: ctx.actor?.userId ?? null,
    actorEmail: ctx.actor?.email ?? null,
    actorRole: grant?.role ?? null,
    actorUnitId: grant?.unitId ?? null,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    before: plain(input.before),
    after: plain(input.after),
    requestId: ctx.requestId,
    prevHash: last?.hash ?? GENESIS,
  };
  await insertAuditEvent(tx, { ...row, hash: hashOf(row) });
}

/**
 * Events newest first. A reader whose 'audit.read' reaches an authority only (a commune's office)
 * sees the events of accounts working in that authority's units.
 */
export async function listAuditEvents(db: Executor, actor: Actor, query: AuditListQuery) {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findAuditEventsPage(
    db,
    { ...query, reach: reachOf(actor, 'audit.read') },
    { limit: pageSize, offset },
  );
  return { items: rows.map(toAuditEvent), page, pageSize, total };
}

/** Walks the chain in order and names the first event whose link or content does not hold, explained in `lang`. */
export async function verifyAuditChain(db: Executor, lang: 'vi' | 'en' = 'vi'): Promise<AuditVerifyResult> {
  const BATCH = 2000;
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await auditEventsFrom(db, expectedSeq, BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      const broken = (reasonCode: AuditBreak): AuditVerifyResult => ({
        ok: false,
        checked,
        firstBrokenSeq: row.seq,
        firstBrokenId: row.id,
        reasonCode,
        reason: message(lang, reasonCode, { seq: row.seq }),
      });
      if (row.seq !== expectedSeq) return broken('audit.missing_event');
      if (row.prevHash !== prevHash) return broken('audit.prev_hash_mismatch');
      const { hash, ...rest } = row;
      if (hashOf(rest) !== hash) return broken('audit.content_mismatch');
      prevHash = hash;
      expectedSeq++;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenSeq: null, firstBrokenId: null, reasonCode: null, reason: null };
}
