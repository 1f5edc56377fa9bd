/**
 * What a crash, a failed commit or an oversize upload leaves behind: never a row without its file,
 * never a visible file without its row for long, never a partial file.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvents, files } from '../../src/db/schema/index.ts';
import { LocalBlobStore } from '../../src/modules/files/blob-store/local-blob-store.ts';
import { newStorageKey } from '../../src/modules/files/blob-store/blob-store.ts';
import { sweepOrphanBlobs, uploadFaults } from '../../src/modules/files/files.service.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { binary, pdf, png, storedFiles } from './fixtures.ts';

const LIMIT = 64 * 1024;

let t: TestApp;
let store: LocalBlobStore;
beforeAll(async () => {
  t = await createTestApp({ uploadMaxBytes: LIMIT });
  store = new LocalBlobStore(path.join(t.config.dataDir, 'files'));
});
afterAll(() => t.close());
afterEach(() => {
  uploadFaults.beforeRowCommit = null;
});

async function upload(buf: Buffer, filename: string) {
  return t.api
    .post('/api/v1/files')
    .set('authorization', await t.auth(DEMO.unitOfficer))
    .attach('file', buf, filename);
}

async function rowCount() {
  const [row] = await t.database.db.select({ n: count() }).from(files);
  return row!.n;
}

function age(file: string, minutes: number) {
  const when = new Date(Date.now() - minutes * 60_000);
  fs.utimesSync(file, when, when);
}

async function orphanBlob(content: Buffer, ageMinutes: number): Promise<string> {
  const key = newStorageKey();
  await store.commit(await store.stage(Readable.from([content]), LIMIT), key);
  age(store.pathOf(key), ageMinutes);
  return key;
}

describe('size limit', () => {
  it('a file over the limit is refused with 413 and leaves no row, no blob and no temporary file', async () => {
    const rows = await rowCount();
    const before = storedFiles(t);
    const res = await upload(pdf(100 * 1024), 'qua-lon.pdf');
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('file.too_large');
    expect(res.body.detail).toContain('64 KB');
    expect(await rowCount()).toBe(rows);
    // Not one file more in the store, committed or temporary (other tests' uploads may be there).
    expect(storedFiles(t)).toEqual(before);
  });

  it('a file of exactly the limit is accepted', async () => {
    const buf = pdf(LIMIT);
    expect(buf.length).toBe(LIMIT);
    const res = await upload(buf, 'vua-du.pdf');
    expect(res.status).toBe(201);
    expect(res.body.size).toBe(LIMIT);
  });
});

describe('a client that goes away', () => {
  it('mid-upload leaves no row and no temporary file', async () => {
    const rows = await rowCount();
    const blobs = storedFiles(t);
    await new Promise<void>((resolve) => t.app.server.listen(0, '127.0.0.1', resolve));
    const { port } = t.app.server.address() as AddressInfo;
    try {
      const boundary = 'thidua-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dang-tai.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      );
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/files',
        headers: {
          authorization: await t.auth(DEMO.unitOfficer),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(LIMIT),
        },
      });
      req.on('error', () => {});
      req.write(head);
      req.write(pdf(20 * 1024));
      // Wait until the server is spooling the upload, then drop the connection.
      const deadline = Date.now() + 5000;
      while (!storedFiles(t).some((f) => f.startsWith('.tmp')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(storedFiles(t).some((f) => f.startsWith('.tmp'))).toBe(true);
      req.destroy();
      const temporary = () => storedFiles(t).filter((f) => f.startsWith('.tmp'));
      const gone = Date.now() + 5000;
      while (temporary().length && Date.now() < gone) await new Promise((r) => setTimeout(r, 20));
      expect(temporary()).toEqual([]);
      expect(storedFiles(t)).toEqual(blobs);
      expect(await rowCount()).toBe(rows);
    } finally {
      await new Promise<void>((resolve) => t.app.server.close(() => resolve()));
    }
  });
});

describe('a failure between writing the file and committing its row', () => {
  it('leaves neither a row nor a visible file, and no audit event', async () => {
    const rows = await rowCount();
    const blobsBefore = storedFiles(t);
    let injectedFor: string | null = null;
    let blobsAtFailure: string[] = [];
    uploadFaults.beforeRowCommit = (fileId) => {
      injectedFor = fileId;
      // The blob is in place and the row inserted, uncommitted: the worst moment to fail.
      blobsAtFailure = storedFiles(t);
      throw new Error('simulated crash before commit');
    };
    const res = await upload(pdf(), 'se-hong.pdf');
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal.error');
    expect(JSON.stringify(res.body)).not.toContain('simulated');
    expect(injectedFor).not.toBeNull();
    expect(blobsAtFailure.length).toBe(blobsBefore.length + 1);
    expect(await rowCount()).toBe(rows);
    const [row] = await t.database.db.select().from(files).where(eq(files.id, injectedFor!));
    expect(row).toBeUndefined();
    expect(await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, injectedFor!))).toEqual([]);
    expect(storedFiles(t)).toEqual(blobsBefore);
  });

  it('the next upload works and its file is there', async () => {
    uploadFaults.beforeRowCommit = null;
    const buf = png();
    const res = await upload(buf, 'lan-sau.png');
    expect(res.status).toBe(201);
    const dl = await t.api
      .get(`/api/v1/files/${res.body.id}/content`)
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .buffer(true)
      .parse(binary as never);
    expect(Buffer.compare(dl.body as Buffer, buf)).toBe(0);
  });
});

describe('the orphan sweeper', () => {
  it('deletes old blobs without a row and old temporary files; keeps recorded files and anything recent', async () => {
    const kept = await upload(pdf(), 'giu-lai.pdf');
    const [keptRow] = await t.database.db.select().from(files).where(eq(files.id, kept.body.id));
    age(store.pathOf(keptRow!.storageKey), 180);

    const oldOrphan = await orphanBlob(Buffer.from('left by a crash'), 180);
    const youngOrphan = await orphanBlob(Buffer.from('an upload in flight'), 1);
    fs.mkdirSync(store.tempDir, { recursive: true });
    const oldTemp = path.join(store.tempDir, 'deadbeef.part');
    fs.writeFileSync(oldTemp, 'half an upload');
    age(oldTemp, 180);
    const youngTemp = path.join(store.tempDir, 'cafebabe.part');
    fs.writeFileSync(youngTemp, 'an upload arriving');

    const result = await sweepOrphanBlobs(t.database.db, store, { minAgeMinutes: 60 });
    expect(result).toEqual({ orphans: 1, temporary: 1 });
    expect(await store.has(oldOrphan)).toBe(false);
    expect(fs.existsSync(oldTemp)).toBe(false);
    expect(await store.has(youngOrphan)).toBe(true);
    expect(fs.existsSync(youngTemp)).toBe(true);
    expect(await store.has(keptRow!.storageKey)).toBe(true);
    const dl = await t.api
      .get(`/api/v1/files/${kept.body.id}/content`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(dl.status).toBe(200);
    fs.rmSync(youngTemp);
    await store.delete(youngOrphan);
  });

  it('runs when the server starts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-sweep-'));
    const early = new LocalBlobStore(path.join(dataDir, 'files'));
    const key = newStorageKey();
    await early.commit(await early.stage(Readable.from([Buffer.from('orphan from the last run')]), LIMIT), key);
    age(early.pathOf(key), 24 * 60);
    const app = await createTestApp({ dataDir, fileOrphanMinAgeMinutes: 60 });
    try {
      const deadline = Date.now() + 5000;
      while ((await early.has(key)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await early.has(key)).toBe(false);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
