/**
 * Where the bytes of uploaded files live. Two implementations share one contract: local disk under
 * DATA_DIR/files (the default) and an S3-compatible object store (production, several replicas).
 *
 * The write protocol is what makes "a 201 means committed" hold:
 *   1. stage(): the upload is streamed to a temporary local file, hashed (SHA-256) and counted as it
 *      arrives, then fsynced. Nothing is visible under any key yet, and the caller can inspect the
 *      staged bytes (magic-byte sniffing) before deciding.
 *   2. commit(staged, key): the bytes become durable and visible under a server-generated key
 *      (local: rename into a sharded directory + fsync of the directory; S3: one PutObject, atomic).
 *   3. Only then the caller commits the database row. If that fails it deletes the key; if the
 *      process dies in between, sweepOrphanBlobs() deletes the key later (it has no row).
 * A row therefore never points to a missing or partial blob.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../../config.ts';

export interface StagedBlob {
  /** The staged bytes on local disk (a temporary file), readable until commit() or discard(). */
  readonly path: string;
  readonly size: number;
  /** SHA-256 of the content, lowercase hex. */
  readonly sha256: string;
  /** MD5 of the content, base64 (sent as Content-MD5 so an object store verifies what it received). */
  readonly md5: string;
}

export interface BlobEntry {
  key: string;
  modifiedAt: Date;
}

export interface BlobStore {
  readonly kind: 'local' | 's3';
  /** Streams `source` to a temporary file, hashing it; throws BlobTooLargeError past maxBytes. */
  stage(source: Readable, maxBytes: number): Promise<StagedBlob>;
  /** Makes the staged bytes durable and visible under `key`; the staged file is consumed. */
  commit(staged: StagedBlob, key: string): Promise<void>;
  /** Drops a staged file that will not be committed (safe to call twice). */
  discard(staged: StagedBlob): Promise<void>;
  /** The content under `key`; BlobNotFoundError when there is none. */
  get(key: string): Promise<{ stream: Readable; size: number }>;
  has(key: string): Promise<boolean>;
  /** Deletes the content under `key`; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every committed blob, for the orphan sweeper. */
  list(): AsyncIterable<BlobEntry>;
  /** Deletes staged files left behind (by a crash) that were last written before `olderThan`. */
  sweepTemporary(olderThan: Date): Promise<number>;
  /** Releases connections (S3); the store is not used afterwards. */
  close(): void;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no blob under ${key}`);
  }
}

/** Storage keys are ours alone: random, sharded by their first characters ("3f/a2/3fa2…"). */
const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/;

export function newStorageKey(): string {
  const name = randomBytes(16).toString('hex');
  return `${name.slice(0, 2)}/${name.slice(2, 4)}/${name}`;
}

/** Refuses anything that is not a key we generated: no path can escape the store's root. */
export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

export const TEMP_SUFFIX = '.part';

/**
 * Writes a stream to a new temporary file in `dir`, computing SHA-256 and MD5 as it goes, and
 * fsyncs it. On any failure (too large, client gone, disk full) the temporary file is removed.
 */
export async function spoolToTempFile(source: Readable, dir: string, maxBytes: number): Promise<StagedBlob> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, randomBytes(16).toString('hex') + TEMP_SUFFIX);
  const handle = await fs.open(file, 'wx', 0o600);
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  try {
    for await (const chunk of source) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
      sha256.update(buf);
      md5.update(buf);
      let offset = 0;
      while (offset < buf.length) {
        const { bytesWritten } = await handle.write(buf, offset, buf.length - offset);
        offset += bytesWritten;
      }
    }
    await handle.sync();
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.rm(file, { force: true });
    throw err;
  }
  return { path: file, size, sha256: sha256.digest('hex'), md5: md5.digest('base64') };
}

/** Deletes temporary files in `dir` last written before `olderThan`. */
export async function sweepTempDir(dir: string, olderThan: Date): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(TEMP_SUFFIX)) continue;
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && stat.mtime < olderThan) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

export async function createBlobStore(config: Config): Promise<BlobStore> {
  if (config.blobStore === 's3') {
    const { S3BlobStore } = await import('./s3-blob-store.ts');
    return new S3BlobStore({ ...config.s3, spoolDir: path.join(config.dataDir, 'tmp', 'uploads') });
  }
  const { LocalBlobStore } = await import('./local-blob-store.ts');
  return new LocalBlobStore(path.join(config.dataDir, 'files'));
}
