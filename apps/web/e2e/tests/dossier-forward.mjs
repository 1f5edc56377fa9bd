/**
 * Proposals upward in the browser. A province of its own (granting at the provincial level) with a
 * commune under it: the commune's council approved its dossier for a Bằng khen of the provincial
 * chairman (all through the API); the commune's office presses "Chuyển lên cấp trên", the dialog
 * names the province, and the page then shows the chain as steps (screenshot:
 * test-results/dossier-forward.png). Then dossier packages: the desk of Thạch Hà imports a package
 * (ZIP) another installation sent — a tampered one is refused with the file named, the genuine one
 * is filed under Thạch Hải and waits in the queue — and the dossier page downloads it as a ZIP again
 * (screenshot: test-results/dossier-package.png).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { PDF, RECEPTION, closedAwardCampaign, councilApproves, receivedDossier } from '../lib/awards.mjs';
import {
  ACCOUNT_PASSWORD,
  apiAs,
  apiGetAs,
  openDialog,
  pickOption,
  pickUnit,
  signIn,
  signOut,
} from '../lib/session.mjs';

export const name =
  'the commune forwards an approved dossier to the province (chain as steps); the desk imports a dossier package (tampered one refused) and downloads it again';

const SHOT = fileURLToPath(new URL('../../test-results/dossier-package.png', import.meta.url));
const FORWARD_SHOT = fileURLToPath(new URL('../../test-results/dossier-forward.png', import.meta.url));
const ADMIN = { email: 'admin@thidua.local', password: 'Quantri@Thidua2022' };

/**
 * A province (root authority, provincial level) with a commune under it, the commune's accounts, a
 * closed campaign of the commune leading to a collective Bằng khen, and the commune's own dossier
 * for it: filed, submitted, received, put to the council (in review) and approved by the chairman.
 */
async function approvedDossierBeyondTheCommune(baseUrl) {
  const tag = Date.now().toString(36);
  const admin = await apiAs(baseUrl, ADMIN.email, ADMIN.password);
  const province = (
    await admin.call('POST', '/units', {
      parentId: null,
      code: `TINH-${tag}`.toUpperCase(),
      name: `UBND tỉnh Liên Thông ${tag}`,
      kind: 'authority',
    })
  ).body;
  const settings = await admin.call('GET', `/authorities/${province.id}/award-settings`);
  const { authorityUnitId: _a, stored: _s, version: _v, ...fields } = settings.body;
  await admin.call(
    'PUT',
    `/authorities/${province.id}/award-settings`,
    { ...fields, grantorLevel: 'province' },
    { 'if-match': settings.etag ?? '"v0"' },
  );
  const commune = (
    await admin.call('POST', '/units', {
      parentId: province.id,
      code: `XA-${tag}`.toUpperCase(),
      name: `UBND xã Bình Minh ${tag}`,
      kind: 'commune',
    })
  ).body;
  const chair = (
    await admin.call('POST', '/people', { unitId: commune.id, fullName: 'Trần Văn Chủ', position: 'Chủ tịch UBND xã' })
  ).body;
  const clerk = (
    await admin.call('POST', '/people', { unitId: commune.id, fullName: 'Lê Thị Thư', position: 'Công chức Văn phòng' })
  ).body;
  const account = async (role) => {
    const email = `${role.replace('_', '')}.${tag}@binhminh.gov.vn`;
    await admin.call('POST', '/users', {
      email,
      fullName: `Tài khoản ${role}`,
      password: ACCOUNT_PASSWORD,
      mustChangePassword: false,
      roles: [{ role, unitId: commune.id }],
    });
    return email;
  };
  const who = {
    office: await account('secretariat'),
    leader: await account('leader'),
    desk: await account('reception'),
    officer: await account('unit_officer'),
    head: await account('unit_head'),
  };

  const campaign = await closedAwardCampaign(baseUrl, {
    who,
    unitId: commune.id,
    title: `Thi đua xây dựng nông thôn mới ${tag}`,
    authorityUnitId: commune.id,
    participants: { kinds: ['commune'], unitIds: [commune.id], individualsTakePart: false },
    criterion: { title: 'Tỷ lệ hộ đạt chuẩn' },
    awardTypeIds: ['awt_bang_khen_collective'],
    thematic: false,
  });
  const { id } = await receivedDossier(baseUrl, campaign, {
    awardTypeId: 'awt_bang_khen_collective',
    achievement: 'Dẫn đầu phong trào xây dựng nông thôn mới kiểu mẫu.',
  });
  // The council votes: its chairman present and in favour; the tally approves the dossier.
  await councilApproves(baseUrl, campaign, [id], {
    authorityUnitId: commune.id,
    chairPersonId: chair.id,
    secretaryPersonId: clerk.id,
    name: 'Hội đồng Thi đua - Khen thưởng xã',
    place: 'Hội trường UBND xã',
  });
  assert.equal((await apiGetAs(baseUrl, who.leader, `/api/v1/dossiers/${id}`)).status, 'approved');
  return { id, office: who.office, head: who.head, province, commune };
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
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'ho-so-lien-thong.zip', mimeType: 'application/zip', buffer: zip });
  await pickOption(page, dialog.getByTestId('import-campaign'), campaign.title);
  await pickUnit(page, dialog.locator('.ant-select').nth(1), 'Thach Hai', 'UBND xã Thạch Hải');
  await dialog.getByRole('button', { name: 'Nhập hồ sơ' }).click();
  return dialog;
}

export async function run({ page, baseUrl }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });

  // ── The commune forwards its approved dossier to the province ──────────────────────────────
  const up = await approvedDossierBeyondTheCommune(baseUrl);
  await signIn(page, baseUrl, up.office);
  await page.goto(`${baseUrl}/ho-so/${up.id}`);
  const confirm = await openDialog(page, page.getByTestId('dossier-forward'), 'Chuyển hồ sơ lên cấp trên?');
  await confirm.getByTestId('forward-confirm-text').getByText(up.province.name, { exact: false }).waitFor();
  await confirm.getByRole('button', { name: 'Chuyển hồ sơ' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await page.getByText(`Đã chuyển hồ sơ đến ${up.province.name}.`).waitFor();
  const chain = page.getByTestId('forwarding-chain');
  await chain.getByText(up.province.name).waitFor();
  await chain.getByText(up.commune.name).waitFor();
  assert.equal(await chain.getByTestId('forwarding-step').count(), 2);
  await page.getByTestId('dossier-forward').waitFor({ state: 'detached' });
  await page.screenshot({ path: FORWARD_SHOT, fullPage: true });
  const forwarding = await apiGetAs(baseUrl, up.head, `/api/v1/dossiers/${up.id}/forwarding`);
  assert.deepEqual(
    forwarding.steps.map((s) => [s.authorityUnitId, s.status]),
    [
      [up.commune.id, 'forwarded'],
      [up.province.id, 'submitted'],
    ],
  );
  await signOut(page);

  // ── Packages: import at the desk of Thạch Hà ──────────────────────────────────────────────
  const campaign = await closedAwardCampaign(baseUrl);
  await signIn(page, baseUrl, RECEPTION);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).first().click();
  await page.waitForURL(/\/tiep-nhan$/);

  // ── A tampered package is refused, naming the altered document ─────────────────────────────
  const refused = await importThrough(page, campaign, dossierPackage({ tamper: true }));
  await refused
    .getByTestId('import-error')
    .getByText(/Biên bản họp xét\.pdf.*không khớp/)
    .waitFor();
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
  await page.screenshot({ path: SHOT, fullPage: true });
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^ho-so-de-nghi-.*\.zip$/);
  const bytes = fs.readFileSync(await file.path());
  assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'a ZIP');
  assert.ok(bytes.includes(Buffer.from('manifest.json')), 'with its manifest');
}
