/**
 * Dossier packages in the browser: the desk of Thạch Hà imports a dossier package (ZIP) that
 * another installation sent — a tampered one is refused with the file named, the genuine one is
 * filed under Thạch Hải in a closed campaign and waits in the queue — then the dossier page offers
 * "Tải gói hồ sơ (ZIP)" and the download is a package again (screenshot: test-results/dossier-package.png).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, apiGetAs, openDialog, pickOption, pickUnit, signIn } from '../lib/session.mjs';

export const name = 'the desk imports a dossier package (tampered one refused), the dossier page downloads it as a ZIP again';

const SHOT = fileURLToPath(new URL('../../test-results/dossier-package.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const RECEPTION = 'motcua@thachha.gov.vn';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function officeCall(baseUrl, method, path, body, headers = {}) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OFFICE, password: DEMO_PASSWORD }),
  });
  const { accessToken } = await login.json();
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') };
}

function vnToday(days = 0) {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A closed campaign of Thạch Hà leading to Giấy khen. */
async function closedCampaign(baseUrl) {
  const title = `Thi đua nhận hồ sơ liên thông ${Date.now().toString(36)}`;
  const c = await officeCall(baseUrl, 'POST', '/campaigns', {
    number: '/KH-UBND',
    title,
    startsOn: vnToday(-30),
    endsOn: vnToday(30),
    participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
  });
  const id = c.body.id;
  await officeCall(baseUrl, 'POST', `/campaigns/${id}/criteria`, {
    code: '1.1',
    target: 'collective',
    group: 'specific',
    title: 'Tỷ lệ hồ sơ trực tuyến',
    kind: 'ratio',
    comparator: 'gt',
    threshold: 30,
  });
  await officeCall(baseUrl, 'POST', `/campaigns/${id}/open`).catch(async (err) => {
    if ((await officeCall(baseUrl, 'GET', `/campaigns/${id}`)).body.status !== 'open') throw err;
  });
  await officeCall(baseUrl, 'POST', `/campaigns/${id}/close`);
  return { id, title };
}

/** A ZIP of stored entries (names in UTF-8), as another installation may write it. */
function storedZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [entryName, data] of entries) {
    const name = Buffer.from(entryName, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
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

/** A package of a collective Giấy khen dossier with its three documents; `tamper` alters the minutes after hashing. */
function dossierPackage({ tamper = false } = {}) {
  const docs = [
    ['proposal_letter', 'Tờ trình đề nghị khen thưởng.pdf'],
    ['achievement_report', 'Báo cáo thành tích.pdf'],
    ['meeting_minutes', 'Biên bản họp xét.pdf'],
  ].map(([kind, name]) => ({ kind, name, data: Buffer.from(PDF) }));
  const manifest = {
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    sourceInstallation: 'https://thidua.tinh-ban.gov.vn',
    sourceDossierId: 'ds_nguon_01',
    authority: { code: 'UBND-XB', name: 'UBND xã Bạn' },
    campaign: { title: 'Thi đua cải cách hành chính năm 2025', number: '12/KH-UBND' },
    nominee: { kind: 'unit', unitName: 'UBND xã Thạch Hải', personName: null },
    awardType: { code: 'giay_khen_collective', name: 'Giấy khen (tập thể)' },
    achievement: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2025.',
    receiptNumber: '08/TN-UBND',
    councilResult: null,
    documents: docs.map((d) => ({
      kind: d.kind,
      source: 'uploaded',
      name: d.name,
      mediaType: 'application/pdf',
      size: d.data.length,
      sha256: createHash('sha256').update(d.data).digest('hex'),
      path: `${d.kind}/${d.name}`,
    })),
  };
  if (tamper) docs[2].data[20] = docs[2].data[20] ^ 0x01;
  return storedZip([
    ['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2))],
    ...docs.map((d) => [`${d.kind}/${d.name}`, d.data]),
  ]);
}

async function importThrough(page, campaign, zip) {
  const dialog = await openDialog(page, page.getByTestId('import-package'), 'Nhập gói hồ sơ từ hệ thống khác');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'ho-so-lien-thong.zip', mimeType: 'application/zip', buffer: zip });
  await pickOption(page, dialog.getByTestId('import-campaign'), campaign.title);
  await pickUnit(page, dialog.locator('.ant-select').nth(1), 'Thach Hai', 'UBND xã Thạch Hải');
  await dialog.getByRole('button', { name: 'Nhập hồ sơ' }).click();
  return dialog;
}

export async function run({ page, baseUrl }) {
  const campaign = await closedCampaign(baseUrl);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, baseUrl, RECEPTION);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).first().click();
  await page.waitForURL(/\/tiep-nhan$/);

  // ── A tampered package is refused, naming the altered document ─────────────────────────────
  const refused = await importThrough(page, campaign, dossierPackage({ tamper: true }));
  await refused.getByTestId('import-error').getByText(/Biên bản họp xét\.pdf.*không khớp/).waitFor();
  await refused.getByRole('button', { name: 'Huỷ' }).click();
  await refused.waitFor({ state: 'hidden' });
  const none = await apiGetAs(baseUrl, RECEPTION, `/api/v1/reception/dossiers?campaignId=${campaign.id}`);
  assert.equal(none.items.length, 0);

  // ── The genuine package is filed and waits at the desk ─────────────────────────────────────
  const dialog = await importThrough(page, campaign, dossierPackage());
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Đã nhập hồ sơ của UBND xã Thạch Hải, chờ tiếp nhận.').waitFor();
  const queue = await apiGetAs(baseUrl, RECEPTION, `/api/v1/reception/dossiers?campaignId=${campaign.id}`);
  assert.equal(queue.items.length, 1);
  const imported = queue.items[0];
  assert.equal(imported.status, 'submitted');
  const dossier = await apiGetAs(baseUrl, RECEPTION, `/api/v1/dossiers/${imported.id}`);
  assert.deepEqual(dossier.missingDocuments, []);
  assert.equal(dossier.documents.length, 3);
  assert.equal(dossier.awardTypeId, 'awt_giay_khen_collective');

  // ── The dossier page: the package downloads again ──────────────────────────────────────────
  await page.goto(`${baseUrl}/ho-so/${imported.id}`);
  const button = page.getByTestId('dossier-package');
  await button.waitFor();
  assert.equal(await page.getByTestId('dossier-forward').count(), 0, 'a submitted dossier is not forwarded');
  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^ho-so-de-nghi-.*\.zip$/);
  const bytes = fs.readFileSync(await file.path());
  assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'a ZIP');
  assert.ok(bytes.includes(Buffer.from('manifest.json')), 'with its manifest');
}
