/**
 * The initiatives register, which feeds the derived criterion "recognised initiatives", in the
 * browser: XA-THACHHAI's officer registers an initiative with its author and a file; only the
 * standing office recognises it, with the authority, decision number, date and the decision's scan.
 */
import assert from 'node:assert/strict';
import { openDropdown, signIn, signOut, typeDate } from '../lib/session.mjs';
import { OFFICE, OFFICER, vnDate, withPdfFiles } from '../lib/self-assessment.mjs';

export const name = 'the unit registers an initiative with its authors and a file, the office records its recognition';

const INITIATIVE = 'Số hóa hồ sơ hộ tịch và trả kết quả qua Zalo';

export async function run({ page, baseUrl }) {
  await withPdfFiles('thidua-e2e-initiatives-', async (pdf) => {
    // ── The unit registers an initiative ────────────────────────────────────────────────────
    await signIn(page, baseUrl, OFFICER);
    await page.goto(`${baseUrl}/sang-kien`);
    await page.getByTestId('create-initiative').click();
    const initiative = page.getByRole('dialog', { name: 'Đăng ký sáng kiến' });
    await initiative.getByLabel('Tên sáng kiến, giải pháp').fill(INITIATIVE);
    await initiative
      .getByLabel('Tóm tắt nội dung, hiệu quả')
      .fill('Quét và lưu 4.200 sổ hộ tịch; thông báo kết quả qua Zalo OA của UBND xã.');
    const authors = await openDropdown(page, initiative.getByLabel('Tác giả'));
    await authors.locator('.ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await initiative.locator('input[type=file]').setInputFiles(pdf('mo-ta-sang-kien.pdf'));
    await initiative.getByTestId('attached-file').waitFor();
    await initiative.getByRole('button', { name: 'Đăng ký' }).click();
    await initiative.waitFor({ state: 'hidden' });
    const initiativeRow = page.locator('.ant-table-row').filter({ hasText: INITIATIVE });
    assert.equal(await initiativeRow.getByTestId('initiative-status').innerText(), 'Đã đăng ký');
    // Recognition is the office's.
    assert.equal(await page.getByTestId('recognise-button').count(), 0);
    await signOut(page);

    // ── The office recognises it ────────────────────────────────────────────────────────────
    await signIn(page, baseUrl, OFFICE);
    await page.goto(`${baseUrl}/sang-kien`);
    await initiativeRow.getByTestId('recognise-button').click();
    const recognise = page.getByRole('dialog', { name: 'Ghi nhận công nhận sáng kiến' });
    await recognise.getByLabel('Cơ quan, hội đồng công nhận').fill('Hội đồng Sáng kiến huyện Thạch Hà');
    await recognise.getByLabel('Số quyết định').fill('1520/QĐ-UBND');
    await typeDate(page, 'Ngày quyết định', vnDate(-1));
    await recognise.locator('input[type=file]').setInputFiles(pdf('quyet-dinh-1520.pdf'));
    await recognise.getByTestId('attached-file').waitFor();
    await recognise.getByRole('button', { name: 'Ghi nhận công nhận' }).click();
    await recognise.waitFor({ state: 'hidden' });
    await initiativeRow.getByText('QĐ số 1520/QĐ-UBND').waitFor();
    assert.equal(await initiativeRow.getByTestId('initiative-status').innerText(), 'Đã được công nhận');
  });
}
