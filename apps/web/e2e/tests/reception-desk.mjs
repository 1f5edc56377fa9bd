/**
 * The one-stop desk in the browser: Thạch Hải files two award dossiers (its collective one and one
 * for one of its people) in a closed campaign; the reception of Thạch Hà sees both in its queue
 * (screenshot: apps/web/test-results/reception-queue.png), receives one (reception-dossier.png) — a receipt number from
 * the register and the receipt to print — and returns the other with two reasons, which the unit
 * then reads on its dossier.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HEAD, RECEPTION, closedAwardCampaign, submittedDossier, unitAndPersonDossiers } from '../lib/awards.mjs';
import { apiGetAs, openDialog, signIn, signOut } from '../lib/session.mjs';

export const name =
  'reception receives one dossier (receipt number, receipt to print) and returns another with reasons (screenshot of the queue)';

const SHOT = fileURLToPath(new URL('../../test-results/reception-queue.png', import.meta.url));
const DESK_SHOT = fileURLToPath(new URL('../../test-results/reception-dossier.png', import.meta.url));

export async function run({ page, baseUrl }) {
  const campaign = await closedAwardCampaign(baseUrl);
  const { unitDossier, personDossier } = await unitAndPersonDossiers(baseUrl, campaign, submittedDossier);

  // ── The queue: both dossiers wait, oldest first ─────────────────────────────────────────────
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, baseUrl, RECEPTION);
  await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).first().click();
  await page.waitForURL(/\/tiep-nhan$/);
  const rows = page.getByTestId('queue-row').filter({ hasText: campaign.title });
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
