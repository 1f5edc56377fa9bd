/**
 * The dossier package across installations: export (documents in a folder per kind with their
 * names, manifest.json valid against its schema, which the OpenAPI document publishes), import at
 * another authority of the same test app (a submitted dossier with the same files; a person nominee
 * found by name or created), and the refusals: a tampered document, an unknown award type, a
 * campaign of another authority, and a ZIP bomb that lies about its sizes.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { strToU8, unzipSync, zipSync } from 'fflate';
import Value from 'typebox/value';
import { DossierPackageManifest } from '@thidua/contract';
import { dossiers, files, people } from '../../src/db/schema/index.ts';
import { readZip, ZipReadError } from '../../src/lib/zip.ts';
import { binary } from '../files/fixtures.ts';
import { makeAccount, makeUnit, unique } from '../factories.ts';
import { createTestApp, type TestApp } from '../helpers.ts';
import { approvedDossier, BANG_KHEN_INDIVIDUAL, closedCampaignOf, makeProvince, type Province } from './support.ts';

let t: TestApp;
let p: Province;
let exported: { id: string; fileIds: string[]; zip: Buffer };
/** Another authority of the same app, standing for another installation. */
let other: {
  authority: { id: string };
  unit: { id: string };
  campaign: { id: string };
  reception: { auth: string };
};

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function exportZip(id: string, auth: string): Promise<Buffer> {
  const res = await t.api
    .get(`/api/v1/dossiers/${id}/package.zip`)
    .set('authorization', auth)
    .buffer(true)
    .parse(binary);
  expect(res.status, String(res.status)).toBe(200);
  expect(res.headers['content-type']).toMatch(/application\/zip/);
  return res.body as Buffer;
}

function importZip(zip: Buffer, opts: { campaignId?: string; unitId?: string; auth?: string } = {}) {
  return t.api
    .post('/api/v1/reception/dossier-packages')
    .set('authorization', opts.auth ?? other.reception.auth)
    .field('campaignId', opts.campaignId ?? other.campaign.id)
    .field('unitId', opts.unitId ?? other.unit.id)
    .attach('file', zip, { filename: 'ho-so.zip', contentType: 'application/zip' });
}

async function dossiersAt(authorityUnitId: string) {
  const [r] = await t.database.db
    .select({ n: count() })
    .from(dossiers)
    .where(eq(dossiers.authorityUnitId, authorityUnitId));
  return r!.n;
}

async function fileCount() {
  const [r] = await t.database.db.select({ n: count() }).from(files);
  return r!.n;
}

/** The package with its entries changed by `edit` (entries: path → bytes). */
function repack(zip: Buffer, edit: (entries: Record<string, Uint8Array>) => void): Buffer {
  const entries = unzipSync(new Uint8Array(zip));
  edit(entries);
  return Buffer.from(zipSync(entries));
}

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://thidua.hatinh.gov.vn' });
  p = await makeProvince(t);
  const d = await approvedDossier(t, p);
  exported = { ...d, zip: await exportZip(d.id, p.schoolHead.auth) };
  const authority = await makeUnit(t, { parentId: null, kind: 'authority', name: `UBND tỉnh ${unique('N')}` });
  const unit = await makeUnit(t, { parentId: authority.id, kind: 'public_service', name: `Trường ${unique('K')}` });
  other = {
    authority,
    unit,
    campaign: await closedCampaignOf(t, authority.id),
    reception: await makeAccount(t, 'reception', authority.id),
  };
});
afterAll(() => t.close());

describe('export', () => {
  it('packs the documents in a folder per kind and a manifest valid against its schema', async () => {
    const entries = unzipSync(new Uint8Array(exported.zip));
    const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8'));
    expect(Value.Check(DossierPackageManifest, manifest)).toBe(true);
    expect(manifest).toMatchObject({
      formatVersion: 1,
      sourceInstallation: 'https://thidua.hatinh.gov.vn',
      sourceDossierId: exported.id,
      campaign: { title: p.campaign.title, number: p.campaign.number },
      nominee: { kind: 'unit', personName: null },
      awardType: { code: 'bang_khen_collective', name: 'Bằng khen của Chủ tịch UBND tỉnh (tập thể)' },
      councilResult: null,
    });
    expect(manifest.receiptNumber).toMatch(/\/TN-UBND$/);
    expect(manifest.documents.map((d: { path: string }) => d.path).sort()).toEqual([
      'achievement_report/Báo cáo thành tích.pdf',
      'meeting_minutes/Biên bản họp xét.pdf',
      'proposal_letter/Tờ trình đề nghị.pdf',
    ]);
    const stored = await t.database.db.select().from(files).where(eq(files.id, exported.fileIds[0]!));
    for (const doc of manifest.documents) {
      const bytes = entries[doc.path]!;
      expect(sha256(bytes)).toBe(doc.sha256);
      expect(bytes.length).toBe(doc.size);
    }
    expect(manifest.documents.map((d: { sha256: string }) => d.sha256)).toContain(stored[0]!.sha256);
  });

  it('publishes the manifest schema among the OpenAPI components', async () => {
    const res = await t.api.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const schema = res.body.components?.schemas?.DossierPackageManifest;
    expect(schema, Object.keys(res.body.components?.schemas ?? {}).join(',')).toBeDefined();
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['formatVersion', 'exportedAt', 'sourceInstallation', 'documents', 'councilResult']),
    );
    expect(res.body.paths['/api/v1/dossiers/{id}/package.zip']).toBeDefined();
    expect(res.body.paths['/api/v1/reception/dossier-packages']).toBeDefined();
  });

  it('answers 404 to a unit that may not read the dossier', async () => {
    const stranger = await makeAccount(t, 'unit_head', other.unit.id);
    const res = await t.api.get(`/api/v1/dossiers/${exported.id}/package.zip`).set('authorization', stranger.auth);
    expect(res.status).toBe(404);
  });
});

describe('import', () => {
  it('files the package as a submitted dossier at the receiving authority, with the same files', async () => {
    const res = await importZip(exported.zip);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      campaignId: other.campaign.id,
      authorityUnitId: other.authority.id,
      unitId: other.unit.id,
      nomineeKind: 'unit',
      awardTypeId: 'awt_bang_khen_collective',
      status: 'submitted',
      missingDocuments: [],
    });
    const original = unzipSync(new Uint8Array(exported.zip));
    const manifest = JSON.parse(Buffer.from(original['manifest.json']!).toString('utf8'));
    expect(
      res.body.documents
        .map((d: { kind: string; file: { sha256: string; name: string } }) => [d.kind, d.file.sha256, d.file.name])
        .sort(),
    ).toEqual(
      manifest.documents.map((d: { kind: string; sha256: string; name: string }) => [d.kind, d.sha256, d.name]).sort(),
    );
    // It waits at the receiving desk, whose people read its documents.
    const queue = await t.api.get('/api/v1/reception/dossiers').set('authorization', other.reception.auth);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((x: { id: string }) => x.id)).toContain(res.body.id);
    const file = await t.api
      .get(`/api/v1/files/${res.body.documents[0].file.id}`)
      .set('authorization', other.reception.auth);
    expect(file.status).toBe(200);

    // The same nominee twice in one campaign: refused, nothing more written.
    const before = await fileCount();
    const again = await importZip(exported.zip);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('dossier_package.already_filed');
    expect(await fileCount()).toBe(before);
  });

  it('files a person under the chosen unit: found by exact name, or created', async () => {
    const d = await approvedDossier(t, p, { personId: p.person.id, awardTypeId: BANG_KHEN_INDIVIDUAL });
    const zip = await exportZip(d.id, p.communeSecretariat.auth);
    const first = await importZip(zip);
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ nomineeKind: 'person', personName: p.person.fullName, unitId: other.unit.id });
    const [created] = await t.database.db.select().from(people).where(eq(people.id, first.body.personId));
    expect(created).toMatchObject({ unitId: other.unit.id, fullName: p.person.fullName });

    const campaign2 = await closedCampaignOf(t, other.authority.id);
    const second = await importZip(zip, { campaignId: campaign2.id });
    expect(second.status, second.text).toBe(201);
    expect(second.body.personId).toBe(first.body.personId);
  });

  it('422 checksum_mismatch naming the altered document; nothing written', async () => {
    const path = 'meeting_minutes/Biên bản họp xét.pdf';
    const tampered = repack(exported.zip, (e) => {
      const bytes = Buffer.from(e[path]!);
      bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0xff;
      e[path] = bytes;
    });
    const [dossiersBefore, filesBefore] = [await dossiersAt(other.authority.id), await fileCount()];
    const res = await importZip(tampered);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('dossier_package.checksum_mismatch');
    expect(res.body.detail).toContain('Biên bản họp xét.pdf');
    // The manifest altered to match another content: the sha256 is checked, not only the size.
    const forged = repack(exported.zip, (e) => {
      const m = JSON.parse(Buffer.from(e['manifest.json']!).toString('utf8'));
      m.documents[0].sha256 = '0'.repeat(64);
      e['manifest.json'] = strToU8(JSON.stringify(m));
    });
    const res2 = await importZip(forged);
    expect(res2.status).toBe(422);
    expect(res2.body.code).toBe('dossier_package.checksum_mismatch');
    expect(await dossiersAt(other.authority.id)).toBe(dossiersBefore);
    expect(await fileCount()).toBe(filesBefore);
  });

  it('422 for an unknown award type, a manifest that is not one, a campaign of another authority', async () => {
    const unknown = repack(exported.zip, (e) => {
      const m = JSON.parse(Buffer.from(e['manifest.json']!).toString('utf8'));
      m.awardType.code = 'huan_chuong_lao_dong';
      e['manifest.json'] = strToU8(JSON.stringify(m));
    });
    const before = await dossiersAt(other.authority.id);
    const res = await importZip(unknown);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('dossier_package.unknown_award_type');
    expect(res.body.detail).toContain('huan_chuong_lao_dong');

    const invalid = repack(exported.zip, (e) => {
      const m = JSON.parse(Buffer.from(e['manifest.json']!).toString('utf8'));
      delete m.nominee;
      e['manifest.json'] = strToU8(JSON.stringify(m));
    });
    const res2 = await importZip(invalid);
    expect(res2.status).toBe(422);
    expect(res2.body.code).toBe('dossier_package.manifest_invalid');

    const res3 = await importZip(exported.zip, { campaignId: p.campaign.id });
    expect(res3.status).toBe(422);
    expect(res3.body.code).toBe('dossier_package.campaign_not_found');
    expect(await dossiersAt(other.authority.id)).toBe(before);

    const notZip = await importZip(Buffer.from('%PDF-1.4 không phải ZIP'));
    expect(notZip.status).toBe(422);
    expect(notZip.body.code).toBe('dossier_package.unreadable');
  });

  it('refuses roles without dossier.receive (the unit head)', async () => {
    const res = await importZip(exported.zip, { auth: p.schoolHead.auth });
    expect(res.status).toBe(403);
  });
});

// ── A ZIP that lies about its sizes ───────────────────────────────────────────────────────────

/** Raw deflate of `total` zero bytes, made in 1 MB steps (the test never holds them all). */
async function deflatedZeros(total: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < total; written += chunk.length) {
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A ZIP written by hand: each entry's declared sizes are what the caller says, not the truth. */
function handMadeZip(entries: { name: string; method: 0 | 8; data: Buffer; declaredSize: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('a ZIP bomb', () => {
  it('is refused (413) at the entry limit, whatever it declares, without inflating it whole', async () => {
    const bomb = await deflatedZeros(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const original = unzipSync(new Uint8Array(exported.zip));
    const zip = handMadeZip([
      {
        name: 'manifest.json',
        method: 0,
        data: Buffer.from(original['manifest.json']!),
        declaredSize: original['manifest.json']!.length,
      },
      { name: 'proposal_letter/Tờ trình đề nghị.pdf', method: 8, data: bomb, declaredSize: 1000 },
    ]);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const res = await importZip(zip);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('dossier_package.entry_too_large');
    expect(res.body.detail).toContain('Tờ trình đề nghị.pdf');
    // 300 MB inflated would show here; the reader stops at the 25 MB budget.
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('readZip stops at the total budget across entries, and at the entry count', async () => {
    const tenMb = await deflatedZeros(10 * 1024 * 1024);
    const zip = handMadeZip(
      ['a', 'b', 'c'].map((name) => ({ name, method: 8 as const, data: tenMb, declaredSize: 10 })),
    );
    const limits = { maxEntries: 5, maxEntryBytes: 16 * 1024 * 1024, maxTotalBytes: 25 * 1024 * 1024 };
    expect(() => readZip(zip, limits)).toThrow(ZipReadError);
    try {
      readZip(zip, limits);
    } catch (err) {
      expect((err as ZipReadError).problem).toEqual({ kind: 'total_too_large', max: 25 * 1024 * 1024 });
    }
    expect(readZip(zip, { ...limits, maxTotalBytes: 40 * 1024 * 1024 }).get('c')!.length).toBe(10 * 1024 * 1024);
    try {
      readZip(zip, { ...limits, maxEntries: 2 });
      expect.unreachable();
    } catch (err) {
      expect((err as ZipReadError).problem).toEqual({ kind: 'too_many_entries', max: 2 });
    }
  });
});
