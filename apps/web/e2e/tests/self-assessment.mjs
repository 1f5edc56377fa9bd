/**
 * The browser "done when": XA-THACHHAI's officer completes the seed campaign's
 * self-assessment — the ratio criterion 35/100 is evaluated "Đạt" from the saved answer, a real PDF
 * is uploaded as evidence with its progress and listed, a renamed HTML page is refused with the
 * server's reason, every criterion is answered and autosaved — then the head submits it after the
 * summary of what is missing, and the form turns read-only. Saved as
 * apps/web/test-results/self-assessment.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, signOut } from '../lib/session.mjs';
import { openSelfAssessment, seedCampaignCard } from '../lib/self-assessment.mjs';

export const name = 'a unit officer completes the self-assessment with evidence and the head submits it (screenshot)';

const SHOT = fileURLToPath(new URL('../../test-results/self-assessment.png', import.meta.url));
const OFFICER = 'canbo.thachhai@thachha.gov.vn';
const HEAD = 'chutich.thachhai@thachha.gov.vn';

/** A minimal but real PDF: the server recognises files by their bytes, not their names. */
function writeFixtures() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-files-'));
  const pdf = path.join(dir, 'bao-cao-thong-ke-dvc.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const fake = path.join(dir, 'trang-web.pdf');
  fs.writeFileSync(fake, '<!doctype html><html><body><script>alert(1)</script></body></html>\n');
  return { dir, pdf, fake };
}

const card = (page, code) => page.getByTestId(`criterion-${code}`);

async function choose(page, code, label) {
  await card(page, code)
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}

async function waitForResult(page, code, result) {
  await card(page, code).locator(`[data-testid="evaluation-badge"][data-result="${result}"]`).waitFor();
}

async function openMySelfAssessment(page, baseUrl) {
  await page.goto(`${baseUrl}/cua-toi`);
  await openSelfAssessment(page, seedCampaignCard(page));
  await page.waitForURL(/\/tu-danh-gia\//);
}

export async function run({ page, baseUrl }) {
  const files = writeFixtures();
  try {
    await page.setViewportSize({ width: 1440, height: 900 });

    // ── The officer answers and uploads ─────────────────────────────────────────────────────
    await signIn(page, baseUrl, OFFICER);
    await page.getByRole('menuitem', { name: 'Phong trào của đơn vị' }).waitFor();
    await openMySelfAssessment(page, baseUrl);
    assert.equal(await page.getByTestId('submission-status').first().innerText(), 'Đang soạn');
    // The officer drafts; only the head signs off.
    assert.equal(await page.getByTestId('submit-button').count(), 0, 'the officer has no submit button');
    await page.getByText('Thủ trưởng đơn vị ký duyệt và nộp báo cáo').waitFor();

    // 35 of 100 level-3/4 procedures with dossiers: above the 30 % threshold → Đạt, evaluated by the server.
    const ratio = card(page, '1.2.a.8');
    await ratio.getByLabel('Tử số của tiêu chuẩn 1.2.a.8').fill('35');
    await ratio.getByLabel('Mẫu số của tiêu chuẩn 1.2.a.8').fill('100');
    await ratio.getByTestId('ratio-percent').filter({ hasText: '= 35%' }).waitFor();
    await waitForResult(page, '1.2.a.8', 'met');
    assert.equal(await ratio.getByTestId('evaluation-badge').innerText(), 'Đạt');
    assert.match(await ratio.getByTestId('evaluation-reason').innerText(), /35%.*đạt ngưỡng > 30%/);
    // Met, and evidence is required: flagged until a file is attached.
    await ratio.getByTestId('evidence-missing').waitFor();

    // A renamed HTML page is refused (415) with the server's reason, and nothing is attached.
    await ratio.locator('input[type=file]').setInputFiles(files.fake);
    const refused = ratio.getByTestId('upload-failed');
    await refused.waitFor();
    assert.match(await refused.innerText(), /Loại tệp không được chấp nhận/);
    await refused.getByRole('button', { name: 'Bỏ qua thông báo lỗi' }).click();

    // A real PDF: uploaded with its progress bar, then listed and attached.
    await ratio.locator('input[type=file]').setInputFiles(files.pdf);
    await ratio.getByTestId('attached-file').filter({ hasText: 'bao-cao-thong-ke-dvc.pdf' }).waitFor();
    await ratio.getByTestId('evidence-missing').waitFor({ state: 'detached' });

    // The other criteria: 100 % of procedures through the one-stop shop, with its evidence too.
    const oneStop = card(page, '1.2.a.9');
    await oneStop.getByLabel('Tử số của tiêu chuẩn 1.2.a.9').fill('148');
    await oneStop.getByLabel('Mẫu số của tiêu chuẩn 1.2.a.9').fill('148');
    await oneStop.locator('input[type=file]').setInputFiles(files.pdf);
    await oneStop.getByTestId('attached-file').waitFor();
    await waitForResult(page, '1.2.a.9', 'met');

    await choose(page, '1.1', 'Có');
    for (const code of ['1.2.a.1', '1.2.a.2', '1.2.a.5', '1.2.a.6', '1.2.a.7', '1.2.a.10', '1.2.a.11'])
      await choose(page, code, 'Không');
    await card(page, '1.2.a.6')
      .getByLabel('Ghi chú của tiêu chuẩn 1.2.a.6')
      .fill('Chưa triển khai thanh toán trực tuyến.');
    await waitForResult(page, '1.1', 'met');
    for (const code of ['1.2.a.1', '1.2.a.11']) await waitForResult(page, code, 'not_met');

    // Derived criteria are computed from the registers, never typed.
    assert.equal(await card(page, '1.2.a.3').getByTestId('derived-answer').count(), 1);
    assert.equal(
      await card(page, '1.2.a.3').locator('input:not([type=file])').count(),
      0,
      'no typed answer (evidence may be attached)',
    );

    await page
      .getByTestId('autosave-status')
      .filter({ hasText: /Đã lưu lúc \d{2}:\d{2}/ })
      .waitFor();
    assert.equal(await page.getByTestId('progress-text').innerText(), 'Đã trả lời 12/12 tiêu chuẩn');

    // ── The head signs off ───────────────────────────────────────────────────────────────────
    await signOut(page);
    await signIn(page, baseUrl, HEAD);
    await openMySelfAssessment(page, baseUrl);
    // What the officer saved is there.
    assert.equal(await card(page, '1.2.a.8').getByLabel('Tử số của tiêu chuẩn 1.2.a.8').inputValue(), '35');
    await card(page, '1.2.a.8').getByTestId('attached-file').filter({ hasText: 'bao-cao-thong-ke-dvc.pdf' }).waitFor();

    await page.getByTestId('submit-button').click();
    const dialog = page.getByRole('dialog', { name: 'Nộp báo cáo tự đánh giá' });
    await dialog.waitFor();
    await dialog.getByText('Đã trả lời đầy đủ các tiêu chuẩn và có đủ minh chứng bắt buộc.').waitFor();
    await dialog.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Read-only now, with its status.
    await page.getByTestId('submitted-banner').waitFor();
    assert.equal(await page.getByTestId('submission-status').first().innerText(), 'Đã nộp');
    assert.equal(await page.getByTestId('submit-button').count(), 0);
    assert.equal(await card(page, '1.2.a.8').locator('input').count(), 0, 'no inputs after submit');
    await card(page, '1.2.a.8').getByText('35/100 (35%)').waitFor();

    fs.mkdirSync(path.dirname(SHOT), { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: SHOT, fullPage: true });
    assert.ok(fs.statSync(SHOT).size > 50_000, 'the screenshot was written');
  } finally {
    fs.rmSync(files.dir, { recursive: true, force: true });
  }
}
