/**
 * Unit administration: the administrator changes a unit (PATCH with the ETag it read), adds a
 * sub-unit under a commune and archives it.
 */
import { pickOption, signIn } from '../lib/session.mjs';

export const name = 'the administrator edits a unit, adds a sub-unit under a commune and archives it';

export async function run({ page, baseUrl, admin }) {
  await signIn(page, baseUrl, admin.email, admin.password);
  await page.goto(`${baseUrl}/don-vi`);
  const tree = page.getByTestId('unit-tree');
  await tree.getByText('Phòng Tư pháp', { exact: true }).click();
  const details = page.getByTestId('unit-details');
  await details.getByText('TP', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Sửa' }).first().click();
  let dialog = page.getByRole('dialog', { name: 'Sửa thông tin đơn vị' });
  await dialog.getByLabel('Điện thoại').fill('0239 3845 678');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu đơn vị “Phòng Tư pháp”.').waitFor();
  await details.getByText('0239 3845 678').waitFor();

  await tree.getByText('UBND xã Thạch Hải', { exact: true }).click();
  await details.getByText('XA-THACHHAI').waitFor();
  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dialog.getByText('UBND xã Thạch Hải (XA-THACHHAI)').waitFor(); // the parent is preset
  await dialog.getByLabel('Mã đơn vị').fill('XA-THACHHAI-BH');
  await dialog.getByLabel('Tên đơn vị').fill('Thôn Bắc Hải');
  await pickOption(page, dialog.getByLabel('Loại đơn vị'), 'Khác');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu đơn vị “Thôn Bắc Hải”.').waitFor();
  await details.getByText('XA-THACHHAI-BH').waitFor();
  await tree.getByText('Thôn Bắc Hải', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Lưu trữ' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu trữ' }).click();
  await page.getByText('Đã lưu trữ đơn vị “Thôn Bắc Hải”.').waitFor();
  // Archived units leave the tree unless asked for.
  await tree.getByText('Thôn Bắc Hải', { exact: true }).waitFor({ state: 'detached' });
  await page.getByRole('checkbox', { name: 'Hiện đơn vị đã lưu trữ' }).check();
  await tree.getByText('Thôn Bắc Hải', { exact: true }).waitFor();
}
