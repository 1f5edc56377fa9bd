/**
 * Blobs in an S3-compatible object store (MinIO in docker-compose), under `files/<key>`. Uploads are
 * spooled to a local temporary file first (hashing, size limit, magic-byte sniffing need the bytes
 * before anything is stored); commit() is a single PutObject, which S3 makes visible atomically, with
 * Content-MD5 so the store refuses a body damaged in transit.
 *
 * Path-style addressing and "checksums only when required": S3-compatible servers do not all speak
 * virtual-host buckets or the SDK's newer default trailing checksums (aws-chunked bodies).
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import {
  assertStorageKey,
  BlobNotFoundError,
  spoolToTempFile,
  sweepTempDir,
  type BlobEntry,
  type BlobStore,
  type StagedBlob,
} from './blob-store.ts';

export interface S3BlobStoreOptions {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** Local directory for staging uploads before they are sent. */
  spoolDir: string;
}

const PREFIX = 'files/';
const PUT_ATTEMPTS = 3;

export function s3ClientConfig(
  opts: Omit<S3BlobStoreOptions, 'spoolDir' | 'bucket'>,
  maxAttempts?: number,
): S3ClientConfig {
  return {
    region: opts.region,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.accessKeyId && opts.secretAccessKey
      ? { credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } }
      : {}),
    ...(maxAttempts ? { maxAttempts } : {}),
  };
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  /** A stream body cannot be replayed by the SDK's own retries: puts retry here, with a fresh stream. */
  private readonly putClient: S3Client;
  private readonly bucket: string;
  private readonly spoolDir: string;

  constructor(opts: S3BlobStoreOptions) {
    this.client = new S3Client(s3ClientConfig(opts));
    this.putClient = new S3Client(s3ClientConfig(opts, 1));
    this.bucket = opts.bucket;
    this.spoolDir = opts.spoolDir;
  }

  objectKey(key: string): string {
    assertStorageKey(key);
    return PREFIX + key;
  }

  stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    return spoolToTempFile(source, this.spoolDir, maxBytes);
  }

  async commit(staged: StagedBlob, key: string): Promise<void> {
    const Key = this.objectKey(key);
    let lastError: unknown;
    for (let attempt = 1; attempt <= PUT_ATTEMPTS; attempt++) {
      try {
        await this.putClient.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key,
            Body: fs.createReadStream(staged.path),
            ContentLength: staged.size,
            ContentMD5: staged.md5,
            ContentType: 'application/octet-stream',
            Metadata: { sha256: staged.sha256 },
          }),
        );
        await fs.promises.rm(staged.path, { force: true });
        return;
      } catch (err) {
        lastError = err;
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        // A 4xx (bad digest, access denied, no such bucket) will not get better by retrying.
        if (status && status >= 400 && status < 500) break;
        if (attempt < PUT_ATTEMPTS) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
    }
    throw lastError;
  }

  async discard(staged: StagedBlob): Promise<void> {
    await fs.promises.rm(staged.path, { force: true });
  }

  async get(key: string): Promise<{ stream: Readable; size: number }> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return { stream: out.Body as Readable, size: Number(out.ContentLength ?? 0) };
    } catch (err) {
      if (isNotFound(err)) throw new BlobNotFoundError(key);
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<BlobEntry> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: PREFIX, ContinuationToken }),
      );
      for (const o of page.Contents ?? []) {
        if (!o.Key || !o.LastModified) continue;
        const key = o.Key.slice(PREFIX.length);
        try {
          assertStorageKey(key);
        } catch {
          continue;
        }
        yield { key, modifiedAt: o.LastModified };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  sweepTemporary(olderThan: Date): Promise<number> {
    return sweepTempDir(this.spoolDir, olderThan);
  }

  close(): void {
    this.client.destroy();
    this.putClient.destroy();
  }
}
