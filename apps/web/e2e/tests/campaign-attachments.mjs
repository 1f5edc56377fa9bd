/**
 * A campaign's attached files (the signed plan) in the browser: the standing office drafts a blank
 * campaign, whose page says nothing is attached; in the editor a file that is not a PDF is refused
 * with the server's reason, a PDF uploads, a second one is taken off again, and saving keeps the
 * PDF with the plan; the campaign page lists it by name and size and downloads the same bytes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBlankCampaign } from '../lib/campaigns.mjs';
import { signIn } from '../lib/session.mjs';

export const name =
  'the standing office attaches the signed plan to a draft campaign and downloads it from the campaign page';

const SIGNED = 'Kế hoạch 09-KH-UBND bản ký.pdf';
const SPARE = 'phu-luc-nham.pdf';
const NOT_A_PDF = 'ghi-chu.pdf';
const PDF_BYTES = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

export async function run({ page, baseUrl }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-attachments-'));
  const write = (fileName, content) => {
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, content);
    return file;
  };
  try {
    await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
    await createBlankCampaign(page, baseUrl, {
      number: '09/KH-UBND',
      title: 'Phát động phong trào thi đua xây dựng chính quyền số năm 2033',
      startsOn: '01/02/2033',
      endsOn: '30/11/2033',
    });
    const campaignUrl = page.url().replace(/\/sua$/, '');

    // ── Nothing attached yet: the campaign page says so ──────────────────────────────────────
    await page.goto(campaignUrl);
    const onPage = page.getByTestId('campaign-attachments');
    await onPage.getByText('Chưa có tệp đính kèm.').waitFor();
    assert.equal(await onPage.getByTestId('attached-file').count(), 0);

    // ── The editor: a refused file, the signed plan, a file taken off again ─────────────────
    await page.getByTestId('action-edit').click();
    await page.waitForURL(/\/sua$/);
    const field = page.getByTestId('campaign-attachments-field');
    await field.waitFor();
    const input = field.locator('input[type=file]');
    await input.setInputFiles(write(NOT_A_PDF, 'Chỉ là văn bản thường, không phải PDF.\n'));
    const refused = field.getByTestId('upload-failed');
    await refused.waitFor();
    assert.match(await refused.innerText(), /Không tải lên được ghi-chu\.pdf/);
    assert.match(
      await refused.getByRole('alert').innerText(),
      /Loại tệp không được chấp nhận\. Chỉ nhận tệp PDF, Word \(DOCX\), Excel \(XLSX\), ảnh PNG hoặc JPEG\./,
    );
    await refused.getByRole('button', { name: 'Bỏ qua thông báo lỗi' }).click();
    await refused.waitFor({ state: 'detached' });

    await input.setInputFiles(write(SIGNED, PDF_BYTES));
    await field.getByTestId('attached-file').filter({ hasText: SIGNED }).waitFor();
    await input.setInputFiles(write(SPARE, PDF_BYTES));
    const spare = field.getByTestId('attached-file').filter({ hasText: SPARE });
    await spare.waitFor();
    await spare.getByRole('button', { name: `Gỡ tệp ${SPARE}` }).click();
    await spare.waitFor({ state: 'detached' });

    await page.getByTestId('campaign-save').click();
    await page.getByText('Đã lưu kế hoạch.').waitFor();

    // Saved with the plan: a fresh load of the editor still lists it, and only it.
    await page.reload();
    await field.getByTestId('attached-file').first().waitFor();
    const savedNames = (await field.getByTestId('attached-file').allInnerTexts()).map((s) =>
      s.replace(/\s+/g, ' ').trim(),
    );
    assert.deepEqual(savedNames, [`${SIGNED} (${PDF_BYTES.length} B)`]);

    // ── The campaign page lists it and downloads the same bytes under the same name ─────────
    await page.goto(campaignUrl);
    const listed = onPage.getByTestId('attached-file');
    await listed.first().waitFor();
    assert.equal(await listed.count(), 1);
    assert.equal((await listed.innerText()).replace(/\s+/g, ' ').trim(), `${SIGNED} (${PDF_BYTES.length} B)`);
    assert.equal(await onPage.getByText('Chưa có tệp đính kèm.').count(), 0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      listed.getByRole('button', { name: `Tải về ${SIGNED}` }).click(),
    ]);
    assert.equal(download.suggestedFilename(), SIGNED);
    const saved = await download.path();
    assert.equal(fs.readFileSync(saved, 'utf8'), PDF_BYTES);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
