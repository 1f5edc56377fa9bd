/**
 * The standing office's review in the browser, on a staff member's individual self-assessment (so
 * it does not touch the unit's own): the person submits; the office finds it in the campaign's
 * list, scores one criterion as not met with a comment and returns it with a reason (required);
 * the person sees the reason and the reviewer's comment, corrects and resubmits; the office
 * compares the two submissions — the changed criterion highlighted, before and after — finds
 * accept waiting for the criteria not yet reviewed, reviews them and accepts. Saved as
 * apps/web/test-results/self-assessment-compare.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDialog, signIn, signOut } from '../lib/session.mjs';
import { openSelfAssessment, seedCampaignCard } from '../lib/self-assessment.mjs';

export const name =
  'the office returns a self-assessment with a reason, compares the corrected submission with the first and accepts it (screenshot)';

const SHOT = fileURLToPath(new URL('../../test-results/self-assessment-compare.png', import.meta.url));
const STAFF = 'nhanvien.thachhai@thachha.gov.vn';
const OFFICE = 'noivu@thachha.gov.vn';
const REASON = 'Tiêu chuẩn 1.2.b.1: đề nghị nêu cụ thể các văn bản đã tham mưu.';
const COMMENT = 'Chưa nêu số, ngày của văn bản đã tham mưu.';

const card = (page, code) => page.getByTestId(`criterion-${code}`);

async function openOwn(page, baseUrl) {
  await page.goto(`${baseUrl}/cua-toi`);
  await openSelfAssessment(page, seedCampaignCard(page).getByTestId('my-subject').filter({ hasText: 'Cá nhân:' }));
}

async function submit(page, title) {
  await page
    .getByTestId('autosave-status')
    .filter({ hasText: /Đã lưu lúc/ })
    .waitFor();
  const dialog = await openDialog(page, page.getByTestId('submit-button'), title);
  await dialog.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('submitted-banner').waitFor();
}

/** Chooses a verdict on a criterion in the office's review table. */
async function verdict(page, code, label) {
  await page.getByTestId(`review-${code}`).locator('label.ant-radio-button-wrapper').filter({ hasText: label }).click();
}

async function reviewSaved(page) {
  await page
    .getByTestId('review-summary')
    .getByTestId('autosave-status')
    .filter({ hasText: /Đã lưu lúc/ })
    .waitFor();
}

async function openInReview(page, baseUrl) {
  // The seed campaign is the running one (other tests draft campaigns from the same template).
  await page.goto(`${baseUrl}/phong-trao`);
  await page
    .locator('.ant-table-row')
    .filter({ hasText: 'Cải cách hành chính' })
    .filter({ hasText: 'Đang diễn ra' })
    .getByTestId('campaign-link')
    .first()
    .click();
  await page.getByTestId('campaign-submissions-link').click();
  const list = page.getByTestId('submission-list');
  await list.getByRole('searchbox').fill('thach hai');
  await list.locator('.ant-table-row').filter({ hasText: 'Cá nhân' }).getByTestId('submission-link').click();
  await page.getByTestId('submission-review').waitFor();
}

export async function run({ page, baseUrl }) {
  await page.setViewportSize({ width: 1440, height: 900 });

  // ── The person answers and submits ─────────────────────────────────────────────────────────
  await signIn(page, baseUrl, STAFF);
  await openOwn(page, baseUrl);
  await card(page, '1.1').locator('label.ant-radio-button-wrapper').filter({ hasText: /^Có$/ }).click();
  await card(page, '1.2.b.1').getByLabel('Nội dung của tiêu chuẩn 1.2.b.1').fill('Tham mưu kế hoạch CCHC năm của xã.');
  await card(page, '1.2.b.2').getByLabel('Số lượng của tiêu chuẩn 1.2.b.2').fill('0');
  await card(page, '1.2.b.2').locator('[data-testid="evaluation-badge"][data-result="not_met"]').waitFor();
  await submit(page, 'Nộp báo cáo tự đánh giá');
  await signOut(page);

  // ── The office scores 1.2.b.1 as not met with a comment, and returns it; a reason is required ──
  await signIn(page, baseUrl, OFFICE);
  await openInReview(page, baseUrl);
  await verdict(page, '1.2.b.1', /^Không đạt$/);
  await page.getByLabel('Nhận xét về tiêu chuẩn 1.2.b.1').fill(COMMENT);
  await reviewSaved(page);
  assert.equal(await page.getByTestId('review-count').innerText(), 'Đã chấm 1/3 tiêu chuẩn');
  const ret = await openDialog(page, page.getByTestId('return-button'), /^Trả lại báo cáo của/);
  await ret.getByRole('button', { name: 'Trả lại' }).click();
  await ret.getByText('Vui lòng nêu lý do trả lại.').waitFor();
  await ret.getByLabel('Lý do trả lại, nội dung cần bổ sung, sửa đổi').fill(REASON);
  await ret.getByRole('button', { name: 'Trả lại' }).click();
  await ret.waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('submission-status').first().innerText(), 'Bị trả lại');
  await signOut(page);

  // ── The person sees the reason and the reviewer's comment, corrects and resubmits ───────────
  await signIn(page, baseUrl, STAFF);
  await openOwn(page, baseUrl);
  const reason = page.getByTestId('return-reason');
  await reason.waitFor();
  assert.match(await reason.innerText(), /Tiêu chuẩn 1\.2\.b\.1: đề nghị nêu cụ thể/);
  const note = page.getByTestId('review-note-1.2.b.1');
  await note.waitFor();
  assert.match(await note.innerText(), /Không đạt · 0\/\d+ điểm/);
  assert.match(await note.innerText(), /Chưa nêu số, ngày của văn bản/);
  await card(page, '1.2.b.1')
    .getByLabel('Nội dung của tiêu chuẩn 1.2.b.1')
    .fill('Tham mưu Kế hoạch số 15/KH-UBND về CCHC năm của xã và Quyết định kiện toàn Bộ phận một cửa.');
  await page
    .getByTestId('autosave-status')
    .filter({ hasText: /Đã lưu lúc/ })
    .waitFor();
  await submit(page, 'Nộp lại báo cáo tự đánh giá');
  await signOut(page);

  // ── The office compares the two submissions and accepts ────────────────────────────────────
  await signIn(page, baseUrl, OFFICE);
  await openInReview(page, baseUrl);
  await page.getByRole('tab', { name: 'So sánh các lần nộp (2)' }).click();
  const compare = page.getByTestId('version-compare');
  assert.equal(
    await compare.getByTestId('compare-summary').innerText(),
    '1 tiêu chuẩn thay đổi giữa lần nộp 1 và lần nộp 2.',
  );
  const rows = compare.locator('.ant-table-row');
  assert.equal(await rows.count(), 1, 'only the changed criterion is listed');
  await rows.first().getByText('Câu trả lời').waitFor();
  await rows.first().getByText('Tham mưu kế hoạch CCHC năm của xã.').waitFor();
  await rows
    .first()
    .getByText(/Kế hoạch số 15\/KH-UBND/)
    .waitFor();
  // All criteria, unchanged ones included, on request.
  await compare.getByRole('switch', { name: 'Chỉ hiện tiêu chuẩn có thay đổi' }).click();
  assert.equal(await rows.count(), 3);
  await compare.getByRole('switch', { name: 'Chỉ hiện tiêu chuẩn có thay đổi' }).click();

  fs.mkdirSync(path.dirname(SHOT), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });

  // Accept waits for the two criteria not reviewed yet; the review of 1.2.b.1 was kept.
  await page.getByRole('tab', { name: 'Nội dung tự đánh giá' }).click();
  assert.equal(await page.getByTestId('accept-button').isDisabled(), true);
  assert.match(await page.getByTestId('accept-blocked').innerText(), /còn 2 tiêu chuẩn chưa chấm điểm/);
  await verdict(page, '1.1', /^Đạt$/);
  await verdict(page, '1.2.b.1', /^Đạt$/);
  await verdict(page, '1.2.b.2', /^Không đạt$/);
  await reviewSaved(page);
  await page.getByTestId('accept-blocked').waitFor({ state: 'detached' });

  const accept = await openDialog(page, page.getByTestId('accept-button'), /^Chấp nhận báo cáo của/);
  await accept.getByLabel('Ý kiến (không bắt buộc)').fill('Báo cáo đầy đủ, hợp lệ.');
  await accept.getByRole('button', { name: 'Chấp nhận' }).click();
  await accept.waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('submission-status').first().innerText(), 'Đã chấp nhận');
  assert.equal(await page.getByTestId('return-button').count(), 0, 'no decision left to take');
}
