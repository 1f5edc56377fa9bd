/**
 * The administrator imports units from a CSV sheet: a new public service unit under the district
 * and a team under it, named in the same sheet, appear in the unit tree.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDialog, signIn } from '../lib/session.mjs';

export const name = 'the administrator imports a unit and its sub-unit from a sheet and finds them in the tree';

export async function run({ page, baseUrl, admin }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-import-'));
  try {
    const file = path.join(dir, 'don-vi.csv');
    const lines = [
      'Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên',
      'TT-CDS;Trung tâm Chuyển đổi số huyện;Đơn vị sự nghiệp;UBND-TH',
      'TT-CDS-HT;Tổ Hạ tầng số;Đơn vị sự nghiệp;TT-CDS',
    ];
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n');

    await signIn(page, baseUrl, admin.email, admin.password);
    await page.goto(`${baseUrl}/don-vi`);
    const dialog = await openDialog(page, page.getByTestId('units-import'), 'Nhập đơn vị từ tệp Excel/CSV');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByText('Sẽ thêm mới 2, cập nhật 0, giữ nguyên 0.').waitFor();
    await dialog.getByTestId('import-submit').click();
    await page.getByText('Đã nhập: thêm mới 2, cập nhật 0, giữ nguyên 0.').waitFor();

    const tree = page.getByTestId('unit-tree');
    await tree.getByText('Trung tâm Chuyển đổi số huyện', { exact: true }).waitFor();
    await tree.getByText('Trung tâm Chuyển đổi số huyện', { exact: true }).click();
    await page.getByText('TT-CDS', { exact: true }).first().waitFor();
    // The team named its parent by the code of a row above it: it is under the centre.
    const centre = tree
      .locator('.ant-tree-treenode')
      .filter({ has: page.getByText('Trung tâm Chuyển đổi số huyện', { exact: true }) });
    await centre.locator('.ant-tree-switcher').click();
    await tree.getByText('Tổ Hạ tầng số', { exact: true }).waitFor();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
