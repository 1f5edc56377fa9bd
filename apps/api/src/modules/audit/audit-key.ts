/**
 * The audit chain's key: new events are hashed with HMAC-SHA256 under a secret the database does not
 * hold, so whoever can write to the database cannot recompute a chain that verifies. The key comes
 * from AUDIT_KEY, or on a machine without it from DATA_DIR/audit-key, generated (0600) at first start.
 * On PostgreSQL in production it is required: replicas must share one key, and a key file beside the
 * server would be lost with the container. The key is the process's, like the password hashing
 * cost: each app (and each command) sets it when it starts, with useAuditKey().
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';

export interface AuditKey {
  secret: Buffer;
  /** Names the key without revealing it: checkpoints say which key signed them. */
  id: string;
}

export const AUDIT_KEY_FILE = 'audit-key';

export function auditKeyFrom(secret: string): AuditKey {
  const bytes = Buffer.from(secret, 'utf8');
  const id = createHash('sha256').update('thidua-audit-key-id\n').update(bytes).digest('hex').slice(0, 16);
  return { secret: bytes, id };
}

/** The key this configuration names: AUDIT_KEY, else the key file under DATA_DIR (created once). */
export function loadAuditKey(config: Pick<Config, 'auditKey' | 'dataDir' | 'databaseUrl' | 'env'>): AuditKey {
  if (config.auditKey) return auditKeyFrom(config.auditKey);
  if (config.databaseUrl && config.env === 'production') {
    throw new Error(
      "AUDIT_KEY (at least 32 characters) must be set when running on PostgreSQL in production: it keys the audit log's hash chain (docs/security.md)",
    );
  }
  const file = path.join(config.dataDir, AUDIT_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    try {
      // 'wx': of two processes starting at once, one writes the key and both read it.
      fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable audit key (at least 32 characters)`);
  return auditKeyFrom(secret);
}

let current: AuditKey | null = null;

/** Sets the key events are hashed and checkpoints signed with from now on in this process. */
export function useAuditKey(key: AuditKey): void {
  current = key;
}

export function currentAuditKey(): AuditKey {
  if (!current) throw new Error('The audit key is not set: the app (or command) calls useAuditKey() at start');
  return current;
}
