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
import { HEAD, PDF, closedAwardCampaign, draftDocuments, uploadMinutes } from '../lib/awards.mjs';
import { apiGetAs, openDialog, pickOption, signIn } from '../lib/session.mjs';

export const name =
  'the unit head prepares a dossier (one document uploaded, two drafted) and submits it after a refusal naming what was missing';

const SHOT = fileURLToPath(new URL('../../test-results/dossier-prepared.png', import.meta.url));

export async function run({ page, baseUrl }) {
  const campaign = await closedAwardCampaign(baseUrl);
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
  await uploadMinutes(page, scan);

  // ── The proposal letter and the achievement report drafted by the system (each downloads) ───
  await draftDocuments(page);

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
