import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, files, users } from '../../src/db/schema/index.ts';
import { attachFiles, assertFilesAttachable } from '../../src/modules/files/files.service.ts';
import { rolesOf } from '../../src/modules/auth/auth.repository.ts';
import { makeActor, type Actor } from '../../src/lib/actor.ts';
import type { ApiModule } from '../../src/lib/api-module.ts';
import { apiModules, prepareModules } from '../../src/modules/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { binary, docx, exe, html, jpeg, pdf, png, sha256, storedFiles, text, xlsx, zip } from './fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Who = (typeof DEMO)[keyof typeof DEMO];

async function upload(
  who: Who,
  buf: Buffer,
  filename: string,
  opts: { unitId?: string; key?: string; contentType?: string } = {},
) {
  let req = t.api.post('/api/v1/files').set('authorization', await t.auth(who));
  if (opts.key) req = req.set('idempotency-key', opts.key);
  if (opts.unitId) req = req.field('unitId', opts.unitId);
  return req.attach('file', buf, { filename, contentType: opts.contentType ?? 'application/octet-stream' });
}

async function fileCount() {
  const [row] = await t.database.db.select({ n: count() }).from(files);
  return row!.n;
}

/** The actor another module's service would receive for this account. */
async function actorOf(email: string): Promise<Actor> {
  const [u] = await t.database.db.select().from(users).where(eq(users.email, email));
  return makeActor({
    userId: u!.id,
    email: u!.email,
    fullName: u!.fullName,
    personId: u!.personId,
    roles: await rolesOf(t.database.db, u!.id),
  });
}

describe('uploading evidence', () => {
  it('a unit officer uploads a PDF, a PNG, a JPEG, a DOCX and an XLSX: each is stored with the type read from its content, its size and SHA-256', async () => {
    const cases: [Buffer, string, string][] = [
      [pdf(), 'bao-cao.pdf', 'application/pdf'],
      [png(), 'anh-chup.png', 'image/png'],
      [jpeg(), 'anh.JPG', 'image/jpeg'],
      [await docx(), 'bao-cao.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [await xlsx(), 'so-lieu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ];
    const unitId = await t.unitId('XA-THACHHAI');
    for (const [buf, name, mediaType] of cases) {
      const res = await upload(DEMO.unitOfficer, buf, name);
      expect(res.status, name).toBe(201);
      expect(res.body).toMatchObject({
        name,
        mediaType,
        size: buf.length,
        sha256: sha256(buf),
        unitId,
        personId: null,
        attached: false,
      });
      expect(res.body.uploadedById).toBe(await t.userId(DEMO.unitOfficer));
      expect(res.headers.location).toBe(`/api/v1/files/${res.body.id}`);
      expect(Object.keys(res.body).sort()).toEqual([
        'attached',
        'createdAt',
        'id',
        'mediaType',
        'name',
        'personId',
        'sha256',
        'size',
        'unitId',
        'uploadedById',
      ]);
    }
  });

  it("stores the blob under a server-generated name, never the client's", async () => {
    const res = await upload(DEMO.unitOfficer, pdf(), '../../etc/passwd.pdf');
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('passwd.pdf');
    const [row] = await t.database.db.select().from(files).where(eq(files.id, res.body.id));
    expect(row!.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(storedFiles(t)).toContain(row!.storageKey);
    expect(storedFiles(t).some((p) => p.includes('passwd'))).toBe(false);
  });

  it('the media type comes from the bytes, not from the header or the name: a PNG sent as "scan.pdf" is a PNG', async () => {
    const res = await upload(DEMO.unitOfficer, png(), 'scan.pdf', { contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body.mediaType).toBe('image/png');
    expect(res.body.name).toBe('scan.pdf.png');
  });

  it('a renamed executable, an HTML page, plain text, a plain zip and an empty file are refused with 415 and nothing is stored', async () => {
    const before = { rows: await fileCount(), blobs: storedFiles(t) };
    const refused: [Buffer, string, string][] = [
      [exe(), 'bao-cao.pdf', 'application/pdf'],
      [html(), 'bao-cao.html', 'text/html'],
      [html(), 'bao-cao.pdf', 'application/pdf'],
      [text(), 'ghi-chu.txt', 'text/plain'],
      [zip(), 'ho-so.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [Buffer.alloc(0), 'rong.pdf', 'application/pdf'],
    ];
    for (const [buf, name, contentType] of refused) {
      const res = await upload(DEMO.unitOfficer, buf, name, { contentType });
      expect(res.status, name).toBe(415);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('file.type_not_allowed');
      expect(res.body.detail).toMatch(/PDF/);
    }
    expect(await fileCount()).toBe(before.rows);
    expect(storedFiles(t)).toEqual(before.blobs);
  });

  it('keeps a Vietnamese file name for display and download, with an ASCII fallback', async () => {
    const name = 'Báo cáo tổng kết năm 2022 – Đảng ủy xã.pdf';
    const res = await upload(DEMO.unitOfficer, pdf(), name);
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(name);
    const dl = await t.api
      .get(`/api/v1/files/${res.body.id}/content`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(dl.status).toBe(200);
    const disposition = dl.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(disposition).toContain('filename="Bao cao tong ket nam 2022 _ Dang uy xa.pdf"');
    const encoded = /filename\*=UTF-8''(.+)$/.exec(String(disposition))![1]!;
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('a request that is not multipart is 415, a form without a file 400, an unknown field 400', async () => {
    const auth = await t.auth(DEMO.unitOfficer);
    const json = await t.api.post('/api/v1/files').set('authorization', auth).send({ name: 'x.pdf' });
    expect(json.status).toBe(415);
    const noFile = await t.api
      .post('/api/v1/files')
      .set('authorization', auth)
      .field('unitId', await t.unitId('XA-THACHHAI'));
    expect(noFile.status).toBe(400);
    expect(noFile.body.code).toBe('file.missing');
    const extra = await t.api
      .post('/api/v1/files')
      .set('authorization', auth)
      .field('status', 'accepted')
      .attach('file', pdf(), 'a.pdf');
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('/status');
    const twoFiles = await t.api
      .post('/api/v1/files')
      .set('authorization', auth)
      .attach('file', pdf(), 'a.pdf')
      .attach('file', pdf(), 'b.pdf');
    expect(twoFiles.status).toBe(400);
    expect(twoFiles.body.code).toBe('file.single_file_only');
  });

  it('each upload is recorded in the audit log', async () => {
    const res = await upload(DEMO.unitOfficer, pdf(), 'audit.pdf');
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'file.upload'), eq(auditEvents.objectId, res.body.id)));
    expect(events).toHaveLength(1);
    expect(events[0]!.actorEmail).toBe(DEMO.unitOfficer);
  });
});

describe('who owns an upload', () => {
  it("a staff member's file belongs to them and to their unit; the unit officer can read it, a colleague cannot", async () => {
    const res = await upload(DEMO.staff, png(), 'sang-kien.png');
    expect(res.status).toBe(201);
    const staff = await actorOf(DEMO.staff);
    expect(res.body.personId).toBe(staff.personId);
    expect(res.body.unitId).toBe(await t.unitId('XA-THACHHAI'));
    const officer = await t.api
      .get(`/api/v1/files/${res.body.id}`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(officer.status).toBe(200);
  });

  it('the secretariat uploads on behalf of a unit with unitId; that unit can read it, another unit cannot', async () => {
    const unitId = await t.unitId('XA-THACHHAI');
    const res = await upload(DEMO.secretariat, pdf(), 'ket-luan-kiem-tra.pdf', { unitId });
    expect(res.status).toBe(201);
    expect(res.body.unitId).toBe(unitId);
    expect(
      (await t.api.get(`/api/v1/files/${res.body.id}`).set('authorization', await t.auth(DEMO.unitHead))).status,
    ).toBe(200);
    expect(
      (await t.api.get(`/api/v1/files/${res.body.id}`).set('authorization', await t.auth(DEMO.otherUnitOfficer)))
        .status,
    ).toBe(404);
  });

  it('without unitId an authority upload belongs to the authority; an unknown unitId is 400', async () => {
    const own = await upload(DEMO.secretariat, pdf(), 'ke-hoach.pdf');
    expect(own.body.unitId).toBeNull();
    const unknown = await upload(DEMO.secretariat, pdf(), 'x.pdf', { unitId: 'un_doesnotexist' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('file.unit_not_found');
  });

  it('a unit officer cannot upload for another unit', async () => {
    const before = await fileCount();
    const res = await upload(DEMO.unitOfficer, pdf(), 'x.pdf', { unitId: await t.unitId('TP') });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('file.unit_not_allowed');
    expect(res.body.errors[0].field).toBe('/unitId');
    expect(await fileCount()).toBe(before);
  });

  it('an observer may not upload (403); without a token every files route is 401', async () => {
    const observer = await upload(DEMO.observer, pdf(), 'x.pdf');
    expect(observer.status).toBe(403);
    const mine = await upload(DEMO.unitOfficer, pdf(), 'x.pdf');
    expect((await t.api.post('/api/v1/files').attach('file', pdf(), 'x.pdf')).status).toBe(401);
    expect((await t.api.get(`/api/v1/files/${mine.body.id}`)).status).toBe(401);
    expect((await t.api.get(`/api/v1/files/${mine.body.id}/content`)).status).toBe(401);
    expect((await t.api.delete(`/api/v1/files/${mine.body.id}`)).status).toBe(401);
  });
});

describe('downloading', () => {
  it('the uploader downloads the exact bytes as an attachment with nosniff, the stored type, length and an ETag of the SHA-256', async () => {
    const buf = await docx();
    const up = await upload(DEMO.unitOfficer, buf, 'bao-cao.docx', { contentType: 'text/html' });
    const res = await t.api
      .get(`/api/v1/files/${up.body.id}/content`)
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-length']).toBe(String(buf.length));
    expect(res.headers.etag).toBe(`"${sha256(buf)}"`);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="bao-cao\.docx"; filename\*=UTF-8''bao-cao\.docx$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Buffer.compare(res.body as Buffer, buf)).toBe(0);
  });

  it("reviewers of the authority read a unit's file; the same unit's head reads it", async () => {
    const up = await upload(DEMO.unitOfficer, pdf(), 'minh-chung.pdf');
    for (const who of [DEMO.admin, DEMO.secretariat, DEMO.leader, DEMO.reception, DEMO.unitHead]) {
      const meta = await t.api.get(`/api/v1/files/${up.body.id}`).set('authorization', await t.auth(who));
      expect(meta.status, who).toBe(200);
      expect(meta.body.sha256).toBe(up.body.sha256);
      const content = await t.api.get(`/api/v1/files/${up.body.id}/content`).set('authorization', await t.auth(who));
      expect(content.status, who).toBe(200);
    }
  });

  it("another unit's officer, a colleague without a unit role, an observer and communications get 404 on metadata, content and delete, and nothing changes", async () => {
    const up = await upload(DEMO.unitOfficer, pdf(), 'ho-so-noi-bo.pdf');
    for (const who of [DEMO.otherUnitOfficer, DEMO.staff, DEMO.observer, DEMO.communications]) {
      const auth = await t.auth(who);
      const meta = await t.api.get(`/api/v1/files/${up.body.id}`).set('authorization', auth);
      const content = await t.api.get(`/api/v1/files/${up.body.id}/content`).set('authorization', auth);
      const del = await t.api.delete(`/api/v1/files/${up.body.id}`).set('authorization', auth);
      expect([meta.status, content.status, del.status], who).toEqual([404, 404, 404]);
      // The same answer as for an id that does not exist: nothing is revealed.
      const missing = await t.api.get('/api/v1/files/fi_doesnotexist').set('authorization', auth);
      expect(meta.body.code).toBe(missing.body.code);
      expect(meta.body.detail).toBe(missing.body.detail);
    }
    const still = await t.api
      .get(`/api/v1/files/${up.body.id}/content`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(still.status).toBe(200);
  });
});

describe('Idempotency-Key', () => {
  it('the same upload retried with the same key creates one file and answers the same', async () => {
    const before = await fileCount();
    const blobs = storedFiles(t).length;
    const buf = pdf(5000);
    const first = await upload(DEMO.unitOfficer, buf, 'nop-lai.pdf', { key: 'upload-key-1' });
    const retry = await upload(DEMO.unitOfficer, buf, 'nop-lai.pdf', { key: 'upload-key-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.location).toBe(first.headers.location);
    expect(await fileCount()).toBe(before + 1);
    expect(storedFiles(t).length).toBe(blobs + 1);
  });

  it('the same key with another file is 422; without a key a repeat is a new file', async () => {
    await upload(DEMO.unitOfficer, pdf(), 'a.pdf', { key: 'upload-key-2' });
    const other = await upload(DEMO.unitOfficer, png(), 'a.png', { key: 'upload-key-2' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency.key_reused');
    const a = await upload(DEMO.unitOfficer, pdf(), 'a.pdf');
    const b = await upload(DEMO.unitOfficer, pdf(), 'a.pdf');
    expect(a.body.id).not.toBe(b.body.id);
  });
});

describe('deleting', () => {
  it('the uploader deletes an unattached file: the row, then the blob, go; the deletion is audited', async () => {
    const up = await upload(DEMO.unitOfficer, pdf(), 'nham.pdf');
    const [row] = await t.database.db.select().from(files).where(eq(files.id, up.body.id));
    expect(storedFiles(t)).toContain(row!.storageKey);
    const del = await t.api.delete(`/api/v1/files/${up.body.id}`).set('authorization', await t.auth(DEMO.unitOfficer));
    expect(del.status).toBe(200);
    expect(
      (await t.api.get(`/api/v1/files/${up.body.id}`).set('authorization', await t.auth(DEMO.unitOfficer))).status,
    ).toBe(404);
    expect(storedFiles(t)).not.toContain(row!.storageKey);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'file.delete'), eq(auditEvents.objectId, up.body.id)));
    expect(events).toHaveLength(1);
  });

  it("the unit head can read the officer's file but not delete it (403)", async () => {
    const up = await upload(DEMO.unitOfficer, pdf(), 'cua-can-bo.pdf');
    const del = await t.api.delete(`/api/v1/files/${up.body.id}`).set('authorization', await t.auth(DEMO.unitHead));
    expect(del.status).toBe(403);
    expect(del.body.code).toBe('file.not_uploader');
  });

  it('an attached file cannot be deleted (409) and stays readable', async () => {
    const up = await upload(DEMO.unitOfficer, pdf(), 'da-dinh-kem.pdf');
    const officer = await actorOf(DEMO.unitOfficer);
    await t.database.db.transaction((tx) =>
      attachFiles(tx, officer, {
        objectType: 'test_record',
        objectId: 'rec_1',
        fileIds: [up.body.id],
        unitId: up.body.unitId,
      }),
    );
    const del = await t.api.delete(`/api/v1/files/${up.body.id}`).set('authorization', await t.auth(DEMO.unitOfficer));
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('file.attached');
    const meta = await t.api.get(`/api/v1/files/${up.body.id}`).set('authorization', await t.auth(DEMO.unitOfficer));
    expect(meta.body.attached).toBe(true);
  });
});

describe('attaching files from other modules', () => {
  it("a unit cannot attach another unit's file: 400 naming the bad position, nothing attached", async () => {
    const mine = await upload(DEMO.unitOfficer, pdf(), 'cua-xa.pdf');
    const theirs = await upload(DEMO.otherUnitOfficer, pdf(), 'cua-phong-tu-phap.pdf');
    const officer = await actorOf(DEMO.unitOfficer);
    const unitId = await t.unitId('XA-THACHHAI');
    const attempt = t.database.db.transaction((tx) =>
      attachFiles(tx, officer, {
        objectType: 'test_record',
        objectId: 'rec_2',
        fileIds: [mine.body.id, theirs.body.id, 'fi_nope'],
        unitId,
        field: '/answers/0/fileIds',
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      code: 'file.not_attachable',
      errors: [
        { field: '/answers/0/fileIds/1', code: 'file.not_attachable' },
        { field: '/answers/0/fileIds/2', code: 'file.not_attachable' },
      ],
    });
    const meta = await t.api.get(`/api/v1/files/${mine.body.id}`).set('authorization', await t.auth(DEMO.unitOfficer));
    expect(meta.body.attached).toBe(false);
    await expect(
      t.database.db.transaction((tx) => assertFilesAttachable(tx, officer, [mine.body.id], { unitId })),
    ).resolves.toBeUndefined();
  });

  it("an access rule of another module's lets more people read what is attached to its records", async () => {
    const published: ApiModule = {
      name: 'test-published',
      routes: [],
      fileAccessRules: [
        async (_tx, actor, file) =>
          actor.roles.some((r) => r.role === 'observer') &&
          file.attachments.some((a) => a.objectType === 'test_published'),
      ],
    };
    prepareModules([...apiModules, published]);
    onTestFinished(() => prepareModules());
    const up = await upload(DEMO.unitOfficer, pdf(), 'dien-hinh.pdf');
    const observerAuth = await t.auth(DEMO.observer);
    expect((await t.api.get(`/api/v1/files/${up.body.id}`).set('authorization', observerAuth)).status).toBe(404);
    const officer = await actorOf(DEMO.unitOfficer);
    await t.database.db.transaction((tx) =>
      attachFiles(tx, officer, {
        objectType: 'test_published',
        objectId: 'pr_1',
        fileIds: [up.body.id],
        unitId: up.body.unitId,
      }),
    );
    expect((await t.api.get(`/api/v1/files/${up.body.id}`).set('authorization', observerAuth)).status).toBe(200);
    expect(
      (await t.api.get(`/api/v1/files/${up.body.id}`).set('authorization', await t.auth(DEMO.otherUnitOfficer))).status,
    ).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('documents the files routes under the files tag, the upload as multipart/form-data', async () => {
    const res = await t.api.get('/api/v1/openapi.json');
    const doc = res.body;
    const post = doc.paths['/api/v1/files'].post;
    expect(post.tags).toEqual(['files']);
    expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data']);
    expect(post.requestBody.content['multipart/form-data'].schema.properties.file.format).toBe('binary');
    expect(
      doc.paths['/api/v1/files/{id}/content'].get.responses['200'].content['application/octet-stream'],
    ).toBeDefined();
    expect(doc.paths['/api/v1/files/{id}'].delete.tags).toEqual(['files']);
  });
});
