/**
 * Checkpoints anchor the audit chain outside the database: the head's sequence number and hash, and
 * from which event on the chain is keyed, at a time, signed with the audit key. They are kept as
 * files under DATA_DIR/audit-checkpoints (and written to the log), so that verify can tell a deleted
 * tail (fewer events than a checkpoint counted) or a chain recomputed from some event on (a head that
 * is no longer the one anchored) from an intact log. A checkpoint whose signature fails was not
 * written by this application (or with another key) and is reported, not trusted.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.ts';
import type { AuditKey } from './audit-key.ts';

export const CHECKPOINT_FORMAT = 'thidua-audit-checkpoint' as const;
export const CHECKPOINT_DIR = 'audit-checkpoints';

export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: 1;
  /** The number of events, which is the head's sequence number. */
  seq: number;
  headId: string;
  headHash: string;
  /** The first event hashed with the key: every event from it on must be keyed. */
  keyedFrom: number;
  at: string;
  keyId: string;
  /** HMAC-SHA256 over the canonical JSON of the fields above. */
  mac: string;
}

export type CheckpointFields = Pick<AuditCheckpoint, 'seq' | 'headId' | 'headHash' | 'keyedFrom' | 'at'>;

function macOf(fields: Omit<AuditCheckpoint, 'mac'>, key: AuditKey): string {
  return createHmac('sha256', key.secret).update(canonicalJson(fields)).digest('hex');
}

export function signCheckpoint(fields: CheckpointFields, key: AuditKey): AuditCheckpoint {
  const unsigned: Omit<AuditCheckpoint, 'mac'> = {
    format: CHECKPOINT_FORMAT,
    version: 1 as const,
    seq: fields.seq,
    headId: fields.headId,
    headHash: fields.headHash,
    keyedFrom: fields.keyedFrom,
    at: fields.at,
    keyId: key.id,
  };
  return { ...unsigned, mac: macOf(unsigned, key) };
}

/** True when `value` is a checkpoint signed with `key`. */
export function isAuthenticCheckpoint(value: unknown, key: AuditKey): value is AuditCheckpoint {
  const c = value as Partial<AuditCheckpoint> | null;
  if (!c || typeof c !== 'object' || c.format !== CHECKPOINT_FORMAT || c.version !== 1) return false;
  if (!Number.isSafeInteger(c.seq) || !Number.isSafeInteger(c.keyedFrom) || typeof c.mac !== 'string') return false;
  const { mac, ...rest } = c as AuditCheckpoint;
  const expected = Buffer.from(macOf(rest, key), 'hex');
  const given = Buffer.from(mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const checkpointDirOf = (dataDir: string) => path.join(dataDir, CHECKPOINT_DIR);

/** Writes a checkpoint file whole or not at all (temporary name, fsync, rename), readable by its owner only. */
export async function writeCheckpointFile(dataDir: string, checkpoint: AuditCheckpoint): Promise<string> {
  const dir = checkpointDirOf(dataDir);
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const name = `${String(checkpoint.seq).padStart(12, '0')}-${checkpoint.at.replace(/[:.]/g, '-')}.json`;
  const file = path.join(dir, name);
  const tmp = `${file}.tmp`;
  const fd = await fsp.open(tmp, 'w', 0o600);
  try {
    await fd.writeFile(JSON.stringify(checkpoint, null, 2) + '\n');
    await fd.sync();
  } finally {
    await fd.close();
  }
  await fsp.rename(tmp, file);
  return file;
}

export interface StoredCheckpoints {
  /** Authentic checkpoints, oldest (lowest seq) first. */
  valid: AuditCheckpoint[];
  /** Files that are not a checkpoint signed with the key. */
  invalid: string[];
}

export async function readCheckpointFiles(dataDir: string, key: AuditKey): Promise<StoredCheckpoints> {
  const dir = checkpointDirOf(dataDir);
  if (!fs.existsSync(dir)) return { valid: [], invalid: [] };
  const valid: AuditCheckpoint[] = [];
  const invalid: string[] = [];
  for (const name of (await fsp.readdir(dir)).sort()) {
    if (!name.endsWith('.json')) continue;
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(await fsp.readFile(path.join(dir, name), 'utf8'));
    } catch {
      /* unreadable: invalid */
    }
    if (isAuthenticCheckpoint(parsed, key)) valid.push(parsed);
    else invalid.push(name);
  }
  valid.sort((a, b) => a.seq - b.seq);
  return { valid, invalid };
}
