/**
 * The unit head prepares and submits Thạch Hải's award dossier in the browser: from the closed
 * campaign's page to "Hồ sơ khen thưởng", "Lập hồ sơ" (Giấy khen for the collective), a first
 * "Nộp hồ sơ" refused with the three missing documents named, then the minutes uploaded as a
 * signed PDF and the proposal letter and the achievement report drafted by the system (each DOCX
 * downloads), and the submit accepted (screenshot: apps/web/test-results/dossier-prepared.png).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, apiGetAs, openDialog, pickOption, signIn } from '../lib/session.mjs';

export const name =
  'the unit head prepares a dossier (one document uploaded, two drafted) and submits it after a refusal naming what was missing';

const SHOT = fileURLToPath(new URL('../../test-results/dossier-prepared.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const HEAD = 'chutich.thachhai@thachha.gov.vn';

async function apiAs(baseUrl, email) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status}`);
  const { accessToken } = await login.json();
  return async function call(method, p, body, headers = {}) {
    const res = await fetch(`${baseUrl}/api/v1${p}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${p} as ${email}: ${res.status} ${text}`);
    return { body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') };
  };
}

const vnToday = (days = 0) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A closed campaign of Thạch Hà leading to Giấy khen (collective and individual). */
async function closedCampaign(baseUrl) {
  const office = await apiAs(baseUrl, OFFICE);
  const title = `Thi đua cải cách hành chính ${Date.now().toString(36)}`;
  const c = await office('POST', '/campaigns', {
    number: '/KH-UBND',
    title,
    startsOn: vnToday(-30),
    endsOn: vnToday(30),
    participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
  });
  const id = c.body.id;
  await office('POST', `/campaigns/${id}/criteria`, {
    code: '1.1',
    target: 'collective',
    group: 'specific',
    title: 'Tỷ lệ hồ sơ trực tuyến',
    kind: 'ratio',
    comparator: 'gt',
    threshold: 30,
  });
  const current = await office('GET', `/campaigns/${id}/award-types`);
  await office(
    'PUT',
    `/campaigns/${id}/award-types`,
    { awardTypeIds: ['awt_giay_khen_collective', 'awt_giay_khen_individual'], thematic: true },
    { 'if-match': current.etag },
  );
  await office('POST', `/campaigns/${id}/open`);
  await office('POST', `/campaigns/${id}/close`);
  return { id, title };
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function run({ page, baseUrl }) {
  const campaign = await closedCampaign(baseUrl);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, baseUrl, HEAD);

  // ── From the campaign page to its dossiers, and "Lập hồ sơ" ──────────────────────────────────
  await page.goto(`${baseUrl}/phong-trao/${campaign.id}`);
  await page.getByTestId('campaign-dossiers-link').click();
  await page.waitForURL(new RegExp(`/phong-trao/${campaign.id}/ho-so$`));
  await page.getByText('Chưa có hồ sơ khen thưởng nào.').waitFor();
  const dialog = await openDialog(page, page.getByTestId('dossier-create'), 'Lập hồ sơ đề nghị khen thưởng');
  await pickOption(page, dialog.getByTestId('dossier-award-type'), 'Giấy khen (tập thể)');
  await dialog.getByLabel('Thành tích').fill('Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.');
  await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
  await page.waitForURL(/\/ho-so\/[^/]+$/);
  const dossierId = page.url().split('/').pop();
  await page.getByTestId('dossier-nominee').filter({ hasText: 'UBND xã Thạch Hải' }).waitFor();
  assert.equal((await page.getByTestId('dossier-status').first().innerText()).trim(), 'Đang soạn');

  // ── A submit with nothing attached is refused, naming each missing document ─────────────────
  await page.getByTestId('dossier-submit').click();
  const refusal = page.getByTestId('submit-refusal');
  await refusal.waitFor();
  const refusalText = await refusal.innerText();
  for (const doc of ['Tờ trình đề nghị khen thưởng', 'Báo cáo thành tích', 'Biên bản họp xét'])
    assert.ok(refusalText.includes(doc), `the refusal names ${doc}: ${refusalText}`);

  // ── The minutes: the signed scan uploaded ────────────────────────────────────────────────────
  const scan = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-')), 'bien-ban-hop-xet-da-ky.pdf');
  fs.writeFileSync(scan, PDF);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('upload-meeting_minutes').click(),
  ]);
  await chooser.setFiles(scan);
  await page.getByTestId('dossier-document-meeting_minutes').getByText('bien-ban-hop-xet-da-ky.pdf').waitFor();

  // ── The proposal letter and the achievement report drafted by the system (each downloads) ───
  for (const kind of ['proposal_letter', 'achievement_report']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`draft-${kind}`).click()]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    await page.getByTestId(`dossier-document-${kind}`).getByText('Bản soạn tự động').waitFor();
  }

  // ── Submitted ────────────────────────────────────────────────────────────────────────────────
  await page.getByTestId('dossier-submit').click();
  await page.getByTestId('dossier-status').filter({ hasText: 'Đã nộp' }).first().waitFor();
  await page.getByText('Nộp hồ sơ', { exact: true }).last().waitFor(); // the history lists the submit
  await page.screenshot({ path: SHOT, fullPage: true });

  const d = await apiGetAs(baseUrl, HEAD, `/api/v1/dossiers/${dossierId}`);
  assert.equal(d.status, 'submitted');
  assert.deepEqual(
    d.documents.map((x) => [x.kind, x.source]),
    [
      ['proposal_letter', 'drafted'],
      ['achievement_report', 'drafted'],
      ['meeting_minutes', 'uploaded'],
    ],
  );

  // ── "Hồ sơ của tôi" lists it ─────────────────────────────────────────────────────────────────
  await page.getByRole('link', { name: 'Hồ sơ của tôi' }).first().click();
  await page.waitForURL(/\/ho-so$/);
  await page.getByRole('row').filter({ hasText: campaign.title }).filter({ hasText: 'Đã nộp' }).first().waitFor();
}
