/**
 * The audit log: every write records who did what to which object, before and after, in the same
 * transaction as the change. Rows are chained: each hash covers the event and the previous hash, so
 * an edited or deleted row breaks the chain at that point, which verifyAuditChain() names.
 *
 * New events are hashed with HMAC-SHA256 under the audit key (audit-key.ts), which the database does
 * not hold, and their hash says so ("hmac-sha256:…"); events written before the key existed keep
 * their plain SHA-256 and still verify, but an unkeyed event after a keyed one — or from the point
 * a checkpoint says the chain was keyed — is a recomputed chain. The table refuses UPDATE, DELETE
 * and TRUNCATE (migration 0007); checkpoints outside the database (audit-checkpoints.ts) catch what
 * its owner could still do: delete the tail, or rewrite the chain.
 */
import { createHash, createHmac } from 'node:crypto';
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
import { currentAuditKey, type AuditKey } from './audit-key.ts';
import type { JobDefinition, JobPlanner } from '../../lib/api-module.ts';
import { readCheckpointFiles, signCheckpoint, writeCheckpointFile, type AuditCheckpoint } from './audit-checkpoints.ts';

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

/** What an event's hash covers: its content, canonically, after the previous hash. */
function hashedContent(row: Omit<AuditEventRow, 'hash'>): string {
  return canonicalJson({
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
}

/**
 * The unkeyed hash of the events written before the audit key existed (exported for the tamper
 * tests, which forge one as an attacker knowing the algorithm would).
 */
export function hashOf(row: Omit<AuditEventRow, 'hash'>): string {
  return createHash('sha256').update(row.prevHash).update('\n').update(hashedContent(row)).digest('hex');
}

/** Marks a keyed hash: the scheme is recorded in each row's hash, so no column was needed. */
export const KEYED_PREFIX = 'hmac-sha256:';
export const isKeyedHash = (hash: string) => hash.startsWith(KEYED_PREFIX);

/** The keyed hash of an event: HMAC-SHA256 under the audit key of the previous hash and the content. */
export function keyedHashOf(row: Omit<AuditEventRow, 'hash'>, key: AuditKey): string {
  const mac = createHmac('sha256', key.secret).update(row.prevHash).update('\n').update(hashedContent(row));
  return KEYED_PREFIX + mac.digest('hex');
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
  await insertAuditEvent(tx, { ...row, hash: keyedHashOf(row, currentAuditKey()) });
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

export interface VerifyOptions {
  /** Authentic checkpoints to compare against (audit-checkpoints.ts), any order. */
  checkpoints?: readonly AuditCheckpoint[];
  /** Checkpoint files whose signature failed: reported when the chain itself holds. */
  invalidCheckpoints?: readonly string[];
}

/**
 * Walks the chain in order and names the first event whose link, content or key does not hold, or
 * that differs from a checkpoint's head; then compares the count with the newest checkpoint (a
 * deleted tail). Explained in `lang`.
 */
export async function verifyAuditChain(
  db: Executor,
  lang: 'vi' | 'en' = 'vi',
  opts: VerifyOptions = {},
): Promise<AuditVerifyResult> {
  return (await walkAuditChain(db, lang, opts)).result;
}

interface ChainWalk {
  result: AuditVerifyResult;
  /** The last event walked (the head, when the chain holds). */
  head: { seq: number; id: string; hash: string } | null;
  /** The first keyed event walked, if any. */
  firstKeyed: number | null;
}

async function walkAuditChain(db: Executor, lang: 'vi' | 'en', opts: VerifyOptions): Promise<ChainWalk> {
  const BATCH = 2000;
  const key = currentAuditKey();
  const checkpoints = [...(opts.checkpoints ?? [])].sort((a, b) => a.seq - b.seq);
  const newest = checkpoints.at(-1) ?? null;
  const anchoredAt = new Map(checkpoints.map((c) => [c.seq, c] as const));
  // From which event on the chain must be keyed, as the checkpoints saw it (the earliest claim wins).
  const keyedFrom = Math.min(Infinity, ...checkpoints.map((c) => c.keyedFrom));
  const checkpoint = newest ? { seq: newest.seq, at: newest.at } : null;
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let keyedSeen = false;
  let lastMatched: AuditCheckpoint | null = null;
  let head: ChainWalk['head'] = null;
  let firstKeyed: number | null = null;
  const walk = (result: AuditVerifyResult): ChainWalk => ({ result, head, firstKeyed });
  const result = (
    reasonCode: AuditBreak,
    at: { seq: number | null; id: string | null },
    params: Record<string, string | number> = {},
  ): AuditVerifyResult => ({
    ok: false,
    checked,
    firstBrokenSeq: at.seq,
    firstBrokenId: at.id,
    reasonCode,
    reason: message(lang, reasonCode, { seq: at.seq ?? '?', ...params }),
    checkpoint,
  });
  for (;;) {
    const rows = await auditEventsFrom(db, expectedSeq, BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      const broken = (reasonCode: AuditBreak, params?: Record<string, string | number>) =>
        walk(result(reasonCode, { seq: row.seq, id: row.id }, params));
      if (row.seq !== expectedSeq) return broken('audit.missing_event');
      if (row.prevHash !== prevHash) return broken('audit.prev_hash_mismatch');
      const { hash, ...rest } = row;
      if (isKeyedHash(hash)) {
        if (keyedHashOf(rest, key) !== hash) return broken('audit.content_mismatch');
        keyedSeen = true;
        firstKeyed ??= row.seq;
      } else {
        if (keyedSeen || row.seq >= keyedFrom) return broken('audit.unkeyed_event');
        if (hashOf(rest) !== hash) return broken('audit.content_mismatch');
      }
      const anchor = anchoredAt.get(row.seq);
      if (anchor) {
        if (anchor.headHash !== hash)
          return broken('audit.checkpoint_mismatch', { at: anchor.at, from: (lastMatched?.seq ?? 0) + 1 });
        lastMatched = anchor;
      }
      prevHash = hash;
      head = { seq: row.seq, id: row.id, hash };
      expectedSeq++;
      checked++;
    }
  }
  if (newest && newest.seq > checked) {
    const firstMissing = checked + 1;
    return walk(
      result(
        'audit.tail_missing',
        { seq: firstMissing, id: firstMissing === newest.seq ? newest.headId : null },
        { count: newest.seq, checked, at: newest.at },
      ),
    );
  }
  if (opts.invalidCheckpoints?.length) {
    return walk(result('audit.checkpoint_invalid', { seq: null, id: null }, { file: opts.invalidCheckpoints[0]! }));
  }
  return walk({
    ok: true,
    checked,
    firstBrokenSeq: null,
    firstBrokenId: null,
    reasonCode: null,
    reason: null,
    checkpoint,
  });
}

/** The chain checked against the checkpoints kept under `dataDir` (what the verify route and the checkpoint job use). */
export async function verifyAuditLog(db: Executor, dataDir: string, lang: 'vi' | 'en' = 'vi') {
  const stored = await readCheckpointFiles(dataDir, currentAuditKey());
  return verifyAuditChain(db, lang, { checkpoints: stored.valid, invalidCheckpoints: stored.invalid });
}

export const AUDIT_CHECKPOINT_JOB = 'audit.checkpoint';

/**
 * Anchors the chain's head outside the database: verifies the chain against the checkpoints so far
 * (a broken chain is not anchored: it throws, and the job fails where the administrator sees it),
 * then writes a signed checkpoint under DATA_DIR/audit-checkpoints and logs it. Nothing new since
 * the last checkpoint: nothing written. Returns what it wrote.
 */
export async function writeAuditCheckpoint(
  db: Executor,
  opts: { dataDir: string; now: Date; log?: { info(obj: object, msg: string): void } },
): Promise<AuditCheckpoint | null> {
  const key = currentAuditKey();
  const stored = await readCheckpointFiles(opts.dataDir, key);
  const { result, head, firstKeyed } = await walkAuditChain(db, 'en', {
    checkpoints: stored.valid,
    invalidCheckpoints: stored.invalid,
  });
  if (!result.ok) throw new Error(`The audit chain does not verify, no checkpoint written: ${result.reason}`);
  if (!head || head.seq === result.checkpoint?.seq) return null;
  const keyedFrom = Math.min(firstKeyed ?? head.seq + 1, ...stored.valid.map((c) => c.keyedFrom));
  const checkpoint = checkpointOfHead(head, keyedFrom, opts.now);
  const file = await writeCheckpointFile(opts.dataDir, checkpoint);
  opts.log?.info({ auditCheckpoint: { ...checkpoint, file } }, 'audit: checkpoint written');
  return checkpoint;
}

/**
 * A checkpoint of `head`, signed with the process's key. `firstKeyed`: the first keyed event, or
 * null when none is yet (every event after the head will be).
 */
export function checkpointOfHead(
  head: { seq: number; id: string; hash: string },
  firstKeyed: number | null,
  now: Date,
): AuditCheckpoint {
  return signCheckpoint(
    {
      seq: head.seq,
      headId: head.id,
      headHash: head.hash,
      keyedFrom: firstKeyed ?? head.seq + 1,
      at: now.toISOString(),
    },
    currentAuditKey(),
  );
}

/** One checkpoint per interval (AUDIT_CHECKPOINT_INTERVAL_MINUTES); the first tick after a start plans one at once. */
export const planAuditCheckpoint: JobPlanner = async (ctx) => {
  const slot = Math.floor(ctx.now.getTime() / (ctx.config.auditCheckpointIntervalMinutes * 60_000));
  return [{ kind: AUDIT_CHECKPOINT_JOB, key: `${AUDIT_CHECKPOINT_JOB}:${slot}` }];
};

export const auditCheckpointJob: JobDefinition = {
  kind: AUDIT_CHECKPOINT_JOB,
  run: async (ctx) => {
    await writeAuditCheckpoint(ctx.db, { dataDir: ctx.config.dataDir, now: ctx.now, log: ctx.log });
  },
};
