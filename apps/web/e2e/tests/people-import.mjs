/**
 * The standing office imports staff from a CSV sheet: the template downloads; a sheet with a bad
 * row is checked without writing anything and the row and column are named; the corrected sheet
 * is imported and its people are found in the list; a sheet changing someone already there lists
 * the change (before → after) before anything is imported.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDialog, signIn } from '../lib/session.mjs';

const SHOT = path.join(import.meta.dirname, '../../test-results/people-import-errors.png');

export const name =
  'the standing office imports staff from a sheet: a bad row is named and nothing written, the corrected sheet is imported (screenshot)';

/** A UTF-8 CSV with a byte-order mark, as Excel saves it. */
function csvFile(dir, name, lines) {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]),
  );
  return file;
}

export async function run({ page, baseUrl }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-import-'));
  try {
    await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
    await page.goto(`${baseUrl}/can-bo`);
    const dialog = await openDialog(page, page.getByTestId('people-import'), 'Nhập cán bộ từ tệp Excel/CSV');

    // The template downloads as an XLSX workbook (a ZIP: "PK").
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByTestId('import-template').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'mau-nhap-can-bo.xlsx');
    assert.equal(
      fs
        .readFileSync(await download.path())
        .subarray(0, 2)
        .toString(),
      'PK',
    );

    // Row 3 names a unit that does not exist: the check says so, and nothing can be imported yet.
    const header = 'Họ và tên;Mã đơn vị;Chức vụ;Email;Năm sinh';
    const bad = csvFile(dir, 'can-bo-loi.csv', [
      header,
      'Lê Thị Thu Hà;XA-THACHHAI;Công chức Văn hoá - Xã hội;;1990',
      'Phan Văn Quyết;XA-KHONGCO;Công chức Tư pháp - Hộ tịch;;1985',
    ]);
    await dialog.locator('input[type=file]').setInputFiles(bad);
    const report = dialog.getByTestId('import-report');
    await report.getByText('Tệp có 1 lỗi, chưa có gì được ghi.').waitFor();
    const errorRow = report.locator('tr.ant-table-row').first();
    assert.match(await errorRow.innerText(), /^3\s+Mã đơn vị\s+.*XA-KHONGCO/s);
    assert.equal(await dialog.getByTestId('import-submit').isDisabled(), true);
    await page.screenshot({ path: SHOT });

    // The corrected sheet checks clean and is imported.
    const good = csvFile(dir, 'can-bo.csv', [
      header,
      'Lê Thị Thu Hà;XA-THACHHAI;Công chức Văn hoá - Xã hội;;1990',
      'Phan Văn Quyết;XA-THACHHAI;Công chức Tư pháp - Hộ tịch;;1985',
    ]);
    await dialog.locator('input[type=file]').setInputFiles(good);
    await report.getByText('Tệp hợp lệ: 2 dòng.').waitFor();
    await report.getByText('Sẽ thêm mới 2, cập nhật 0, giữ nguyên 0.').waitFor();
    await dialog.getByTestId('import-submit').click();
    await page.getByText('Đã nhập: thêm mới 2, cập nhật 0, giữ nguyên 0.').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // A sheet that changes someone already there: the check lists who changes and how, before importing.
    const again = await openDialog(page, page.getByTestId('people-import'), 'Nhập cán bộ từ tệp Excel/CSV');
    const change = csvFile(dir, 'can-bo-sua.csv', [header, 'Phan Văn Quyết;XA-THACHHAI;Phó Chủ tịch UBND;;1985']);
    await again.locator('input[type=file]').setInputFiles(change);
    const changes = again.getByTestId('import-changes');
    await changes.getByText('1 bản ghi đã có sẽ bị thay đổi — hãy xem kỹ trước khi nhập').waitFor();
    const changed = changes.locator('tr.ant-table-row').first();
    assert.match(
      await changed.innerText(),
      /^2\s+Phan Văn Quyết — XA-THACHHAI\s+Chức vụ: Công chức Tư pháp - Hộ tịch → Phó Chủ tịch UBND/s,
    );
    await again.getByRole('button', { name: 'Hủy' }).click();
    await again.waitFor({ state: 'hidden' });

    await page.getByRole('searchbox', { name: /Tìm theo (họ )?tên/ }).fill('phan van quyet');
    await page
      .locator('.ant-table-row')
      .filter({ hasText: 'Phan Văn Quyết' })
      .filter({ hasText: 'Thạch Hải' })
      .waitFor();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
