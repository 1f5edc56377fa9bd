/**
 * The one-stop desk in the browser: Thạch Hải files two award dossiers (its collective one and one
 * for a member of staff) in a closed campaign; the reception of Thạch Hà sees both in its queue
 * (screenshot: apps/web/test-results/reception-queue.png), receives one (reception-dossier.png) — a receipt number from
 * the register and the receipt to print — and returns the other with two reasons, which the unit
 * then reads on its dossier.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, apiGetAs, openDialog, signIn, signOut } from '../lib/session.mjs';

export const name =
  'reception receives one dossier (receipt number, receipt to print) and returns another with reasons (screenshot of the queue)';

// Node's own multipart classes (the file runs in Node, not in the page).
const { FormData, Blob } = globalThis;

const SHOT = fileURLToPath(new URL('../../test-results/reception-queue.png', import.meta.url));
const DESK_SHOT = fileURLToPath(new URL('../../test-results/reception-dossier.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const OFFICER = 'canbo.thachhai@thachha.gov.vn';
const HEAD = 'chutich.thachhai@thachha.gov.vn';
const STAFF = 'nhanvien.thachhai@thachha.gov.vn';
const RECEPTION = 'motcua@thachha.gov.vn';

/** A tiny API client signed in as `email`, outside the browser: the data the desk works on. */
async function apiAs(baseUrl, email) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status}`);
  const { accessToken, user } = await login.json();
  async function call(method, path, body, headers = {}) {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} as ${email}: ${res.status} ${text}`);
    return { body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') };
  }
  return { user, call };
}

function vnToday(days = 0) {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A closed campaign of Thạch Hà leading to Giấy khen, and XA-THACHHAI's two dossiers submitted with their documents. */
async function twoSubmittedDossiers(baseUrl) {
  const office = await apiAs(baseUrl, OFFICE);
  const officer = await apiAs(baseUrl, OFFICER);
  const head = await apiAs(baseUrl, HEAD);
  const staff = await apiAs(baseUrl, STAFF);
  const xa = officer.user.roles.find((r) => r.unitId).unitId;
  const title = `Thi đua cải cách hành chính ${Date.now().toString(36)}`;
  const c = await office.call('POST', '/campaigns', {
    number: '/KH-UBND',
    title,
    startsOn: vnToday(-30),
    endsOn: vnToday(30),
    participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
  });
  const id = c.body.id;
  await office.call('POST', `/campaigns/${id}/criteria`, {
    code: '1.1',
    target: 'collective',
    group: 'specific',
    title: 'Tỷ lệ hồ sơ trực tuyến',
    kind: 'ratio',
    comparator: 'gt',
    threshold: 30,
  });
  const current = await office.call('GET', `/campaigns/${id}`);
  await office.call(
    'PUT',
    `/campaigns/${id}/award-types`,
    { awardTypeIds: ['awt_giay_khen_collective', 'awt_giay_khen_individual'], thematic: true },
    { 'if-match': current.etag },
  );
  // The jobs runner opens a campaign whose start date has come: open it unless it already has.
  await office.call('POST', `/campaigns/${id}/open`).catch(async (err) => {
    if ((await office.call('GET', `/campaigns/${id}`)).body.status !== 'open') throw err;
  });
  await office.call('POST', `/campaigns/${id}/close`);

  const made = [];
  for (const nominee of [
    { nomineeKind: 'unit', unitId: xa, awardTypeId: 'awt_giay_khen_collective' },
    { nomineeKind: 'person', unitId: xa, personId: staff.user.personId, awardTypeId: 'awt_giay_khen_individual' },
  ]) {
    const d = await officer.call('POST', `/campaigns/${id}/dossiers`, {
      ...nominee,
      achievement: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.',
    });
    for (const kind of ['proposal_letter', 'achievement_report', 'meeting_minutes']) {
      const upload = new FormData();
      upload.append('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}-da-ky.pdf`);
      const file = await officer.call('POST', '/files', upload);
      await officer.call('PUT', `/dossiers/${d.body.id}/documents/${kind}`, { fileId: file.body.id });
    }
    await head.call('POST', `/dossiers/${d.body.id}/submit`);
    made.push(d.body);
  }
  return { title, unitDossier: made[0], personDossier: made[1] };
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function run({ page, baseUrl }) {
  const { title, unitDossier, personDossier } = await twoSubmittedDossiers(baseUrl);

  // ── The queue: both dossiers wait, oldest first ─────────────────────────────────────────────
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, baseUrl, RECEPTION);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).first().click();
  await page.waitForURL(/\/tiep-nhan$/);
  const rows = page.getByTestId('queue-row').filter({ hasText: title });
  await rows.nth(1).waitFor();
  assert.equal(await rows.count(), 2);
  await rows.first().getByText('UBND xã Thạch Hải').first().waitFor();
  await rows.first().getByText('Đã nộp').waitFor();
  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });
  assert.ok(fs.statSync(SHOT).size > 30_000, 'the screenshot was written');

  // ── Receive the unit's dossier ─────────────────────────────────────────────────────────────
  await rows.filter({ hasText: unitDossier.awardTypeName }).getByTestId('queue-open').click();
  await page.waitForURL(new RegExp(`/tiep-nhan/${unitDossier.id}$`));
  await page.getByTestId('dossier-document-meeting_minutes').getByText('meeting_minutes-da-ky.pdf').waitFor();
  await page.getByTestId('checklist-proposal_letter_signed').click();
  await page.getByText('Đã lưu kết quả kiểm tra.').waitFor();
  await page.getByTestId('receive-button').click();
  const receipt = page.getByTestId('receipt-alert');
  await receipt.waitFor();
  const number = (await page.getByTestId('receipt-number').innerText()).trim();
  assert.match(number, /^\d{2,}\/TN-UBND$/);
  await receipt.getByText(`Số tiếp nhận: ${number}`).waitFor();
  const download = page.waitForEvent('download');
  await page.getByTestId('print-receipt').click();
  assert.match((await download).suggestedFilename(), /^giay-tiep-nhan-.*\.docx$/);
  await page.screenshot({ path: DESK_SHOT, fullPage: true });
  const received = await apiGetAs(baseUrl, RECEPTION, `/api/v1/reception/dossiers/${unitDossier.id}`);
  assert.equal(received.status, 'received');
  assert.equal(received.receiptNumber, number);
  assert.equal(received.checklist.proposal_letter_signed, true);

  // ── Return the staff member's dossier with two reasons ─────────────────────────────────────
  await page.getByRole('button', { name: 'Về danh sách tiếp nhận' }).click();
  await page.waitForURL(/\/tiep-nhan$/);
  // The received dossier has left the waiting list.
  await rows.filter({ hasText: unitDossier.awardTypeName }).waitFor({ state: 'detached' });
  await rows.filter({ hasText: personDossier.awardTypeName }).getByTestId('queue-open').click();
  await page.waitForURL(new RegExp(`/tiep-nhan/${personDossier.id}$`));
  const dialog = await openDialog(page, page.getByTestId('return-button'), 'Trả lại hồ sơ để bổ sung');
  // Without a reason nothing is sent.
  await dialog.getByTestId('return-save').click();
  await dialog.getByText('Nhập lý do, hoặc xoá dòng này.').waitFor();
  await dialog.getByLabel('Lý do 1').fill('Biên bản họp xét chưa có chữ ký của chủ trì cuộc họp');
  await dialog.getByTestId('return-add-reason').click();
  await dialog.getByLabel('Lý do 2').fill('Báo cáo thành tích thiếu số liệu năm 2022');
  await dialog.getByTestId('return-save').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Đã trả lại hồ sơ để đơn vị bổ sung.').waitFor();
  await page.getByTestId('dossier-status').filter({ hasText: 'Trả lại bổ sung' }).first().waitFor();
  await page.getByText('- Báo cáo thành tích thiếu số liệu năm 2022').waitFor();
  await signOut(page);

  // The unit reads the reasons on its dossier.
  const seen = await apiGetAs(baseUrl, HEAD, `/api/v1/dossiers/${personDossier.id}`);
  assert.equal(seen.status, 'returned');
  assert.deepEqual(seen.returns.at(-1).reasons, [
    'Biên bản họp xét chưa có chữ ký của chủ trì cuộc họp',
    'Báo cáo thành tích thiếu số liệu năm 2022',
  ]);
}
