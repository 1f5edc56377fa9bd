/**
 * The findings register, which feeds the derived criterion "% of findings remedied", in the
 * browser: the standing office records an inspection finding for XA-THACHHAI with the inspection's
 * minutes, the unit's officer reports the remedy (refused without evidence, then with it), the
 * office verifies it: 100 % remedied.
 */
import { pickUnit, signIn, signOut, typeDate } from '../lib/session.mjs';
import { OFFICE, OFFICER, vnDate, withPdfFiles } from '../lib/self-assessment.mjs';

export const name =
  'the office records an inspection finding, the unit reports its remedy with evidence, the office verifies it';

const FINDING = 'Chưa niêm yết đầy đủ thủ tục hành chính tại Bộ phận một cửa';

export async function run({ page, baseUrl }) {
  await withPdfFiles('thidua-e2e-findings-', async (pdf) => {
    // ── The office records a finding ────────────────────────────────────────────────────────
    await signIn(page, baseUrl, OFFICE);
    await page.goto(`${baseUrl}/ton-tai`);
    await page.getByTestId('findings-register').waitFor();
    await page.getByTestId('create-finding').click();
    const form = page.getByRole('dialog', { name: 'Ghi nhận tồn tại, hạn chế' });
    await pickUnit(page, form.getByLabel('Đơn vị'), 'thach hai', 'UBND xã Thạch Hải');
    await form.getByLabel('Tồn tại, hạn chế').fill(FINDING);
    await form.getByLabel('Đoàn kiểm tra').fill('Đoàn kiểm tra công tác CCHC theo Quyết định số 215/QĐ-UBND');
    await typeDate(page, 'Ngày kiểm tra', vnDate(-3));
    await typeDate(page, 'Hạn khắc phục', vnDate(20));
    await form.locator('input[type=file]').setInputFiles(pdf('bien-ban-kiem-tra.pdf'));
    await form.getByTestId('attached-file').filter({ hasText: 'bien-ban-kiem-tra.pdf' }).waitFor();
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row').filter({ hasText: FINDING });
    await row.getByText('Chưa khắc phục').waitFor();
    await signOut(page);

    // ── The unit reports its remedy ─────────────────────────────────────────────────────────
    await signIn(page, baseUrl, OFFICER);
    await page.goto(`${baseUrl}/ton-tai`);
    await row.getByTestId('remedy-button').click();
    const remedy = page.getByRole('dialog', { name: 'Kết quả khắc phục' });
    // Without evidence the remedy is not sent.
    await remedy
      .getByLabel('Đơn vị đã khắc phục như thế nào')
      .fill('Đã niêm yết bổ sung 12 thủ tục hành chính (ảnh chụp kèm theo).');
    await remedy.getByRole('button', { name: 'Gửi báo cáo khắc phục' }).click();
    await remedy.getByText('Cần đính kèm ít nhất một tài liệu kiểm chứng kết quả khắc phục.').waitFor();
    await remedy.locator('input[type=file]').setInputFiles(pdf('anh-niem-yet.pdf'));
    await remedy.getByTestId('attached-file').waitFor();
    await remedy.getByRole('button', { name: 'Gửi báo cáo khắc phục' }).click();
    await remedy.waitFor({ state: 'hidden' });
    await row.getByText('Đã báo cáo khắc phục').waitFor();
    // The office's record and documents are readable by the unit.
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('attached-file').filter({ hasText: 'bien-ban-kiem-tra.pdf' }).waitFor();
    await signOut(page);

    // ── The office verifies the remedy ──────────────────────────────────────────────────────
    await signIn(page, baseUrl, OFFICE);
    await page.goto(`${baseUrl}/ton-tai`);
    await row.getByTestId('verify-button').click();
    await page.getByRole('button', { name: 'Xác nhận đã khắc phục' }).click();
    await row.getByText('Đã xác nhận khắc phục').waitFor();
    await page.locator('.ant-statistic').filter({ hasText: 'Tỷ lệ đã khắc phục' }).getByText('100%').waitFor();
  });
}
