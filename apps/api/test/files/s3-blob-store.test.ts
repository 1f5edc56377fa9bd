/**
 * The S3 blob store against an in-process fake S3 server (there is no real S3 or MinIO here): the
 * requests it builds (path-style, signed, Content-MD5, no aws-chunked bodies) and the whole upload,
 * download, delete and sweep path of the API with BLOB_STORE=s3.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { files } from '../../src/db/schema/index.ts';
import { S3BlobStore } from '../../src/modules/files/blob-store/s3-blob-store.ts';
import { BlobNotFoundError, newStorageKey } from '../../src/modules/files/blob-store/blob-store.ts';
import { sweepOrphanBlobs, uploadFaults } from '../../src/modules/files/files.service.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { binary, pdf, png, sha256 } from './fixtures.ts';
import { startFakeS3 } from './fake-s3.ts';

const BUCKET = 'thidua';
let s3: Awaited<ReturnType<typeof startFakeS3>>;
let t: TestApp;
let store: S3BlobStore;
let spoolDir: string;

beforeAll(async () => {
  s3 = await startFakeS3(BUCKET);
  const s3Config = {
    endpoint: s3.endpoint,
    region: 'us-east-1',
    bucket: BUCKET,
    accessKeyId: 'thidua-test',
    secretAccessKey: 'thidua-test-secret-key',
  };
  t = await createTestApp({ blobStore: 's3', s3: s3Config });
  spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-s3-spool-'));
  store = new S3BlobStore({ ...s3Config, spoolDir });
});
afterAll(async () => {
  store.close();
  await t.close();
  await s3.close();
  fs.rmSync(spoolDir, { recursive: true, force: true });
});

describe('the S3 blob store', () => {
  it('puts path-style, signed, with Content-MD5 and the SHA-256 as metadata, and a plain body', async () => {
    const buf = Buffer.from('nội dung kiểm tra');
    const staged = await store.stage(Readable.from([buf]), 1024);
    const key = newStorageKey();
    s3.requests.length = 0;
    await store.commit(staged, key);
    expect(fs.existsSync(staged.path)).toBe(false);
    const put = s3.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/${BUCKET}/files/${key}`);
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=thidua-test\//);
    expect(put.headers['content-md5']).toBe(staged.md5);
    expect(put.headers['content-length']).toBe(String(buf.length));
    expect(put.headers['content-encoding']).toBeUndefined();
    expect(put.headers['x-amz-decoded-content-length']).toBeUndefined();
    const o = s3.objects.get(`files/${key}`)!;
    expect(Buffer.compare(o.body, buf)).toBe(0);
    expect(o.metadata.sha256).toBe(sha256(buf));

    const got = await store.get(key);
    const chunks: Buffer[] = [];
    for await (const c of got.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('nội dung kiểm tra');
    expect(got.size).toBe(buf.length);
    expect(await store.has(key)).toBe(true);
    await store.delete(key);
    expect(await store.has(key)).toBe(false);
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('lists every blob across pages and ignores objects that are not ours', async () => {
    s3.objects.clear();
    const keys = [newStorageKey(), newStorageKey(), newStorageKey()];
    for (const k of keys) await store.commit(await store.stage(Readable.from([Buffer.from(k)]), 1024), k);
    s3.objects.set('files/not-a-key.txt', { body: Buffer.from('x'), modified: new Date(), metadata: {} });
    s3.objects.set('backups/2022.tar', { body: Buffer.from('x'), modified: new Date(), metadata: {} });
    const listed: string[] = [];
    for await (const e of store.list()) listed.push(e.key);
    expect(listed.sort()).toEqual([...keys].sort());
  });

  it('a store that refuses the body (bad digest) fails the commit instead of storing a damaged file', async () => {
    const staged = await store.stage(Readable.from([Buffer.from('abc')]), 1024);
    await expect(
      store.commit({ ...staged, md5: Buffer.alloc(16).toString('base64') }, newStorageKey()),
    ).rejects.toMatchObject({ name: 'BadDigest' });
    await store.discard(staged);
  });
});

describe('the API with BLOB_STORE=s3', () => {
  it('uploads into the object store, downloads the exact bytes, and deletes the object with the file', async () => {
    const buf = pdf(3000);
    const auth = await t.auth(DEMO.unitOfficer);
    const up = await t.api.post('/api/v1/files').set('authorization', auth).attach('file', buf, 'Kế hoạch.pdf');
    expect(up.status).toBe(201);
    expect(up.body.sha256).toBe(sha256(buf));
    const [row] = await t.database.db.select().from(files).where(eq(files.id, up.body.id));
    const object = s3.objects.get(`files/${row!.storageKey}`);
    expect(object && Buffer.compare(object.body, buf)).toBe(0);
    // Nothing is left in the local spool once the object is stored.
    expect(fs.readdirSync(path.join(t.config.dataDir, 'tmp', 'uploads'))).toEqual([]);

    const dl = await t.api
      .get(`/api/v1/files/${up.body.id}/content`)
      .set('authorization', auth)
      .buffer(true)
      .parse(binary as never);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-length']).toBe(String(buf.length));
    expect(Buffer.compare(dl.body as Buffer, buf)).toBe(0);

    const del = await t.api.delete(`/api/v1/files/${up.body.id}`).set('authorization', auth);
    expect(del.status).toBe(200);
    expect(s3.objects.has(`files/${row!.storageKey}`)).toBe(false);
  });

  it('a failure before the row commits removes the object again', async () => {
    const before = new Set(s3.objects.keys());
    uploadFaults.beforeRowCommit = () => {
      throw new Error('simulated crash before commit');
    };
    try {
      const res = await t.api
        .post('/api/v1/files')
        .set('authorization', await t.auth(DEMO.unitOfficer))
        .attach('file', png(), 'a.png');
      expect(res.status).toBe(500);
    } finally {
      uploadFaults.beforeRowCommit = null;
    }
    expect(new Set(s3.objects.keys())).toEqual(before);
  });

  it('the sweeper deletes old objects that have no row and keeps recorded ones', async () => {
    const up = await t.api
      .post('/api/v1/files')
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .attach('file', png(), 'giu.png');
    const [row] = await t.database.db.select().from(files).where(eq(files.id, up.body.id));
    const orphan = newStorageKey();
    await store.commit(await store.stage(Readable.from([Buffer.from('orphan')]), 1024), orphan);
    const old = new Date(Date.now() - 3 * 3600_000);
    s3.objects.get(`files/${orphan}`)!.modified = old;
    s3.objects.get(`files/${row!.storageKey}`)!.modified = old;
    const result = await sweepOrphanBlobs(t.database.db, store, { minAgeMinutes: 60 });
    expect(result.orphans).toBeGreaterThanOrEqual(1);
    expect(s3.objects.has(`files/${orphan}`)).toBe(false);
    expect(s3.objects.has(`files/${row!.storageKey}`)).toBe(true);
  });
});
