/** Staff: a search without accents runs on the server; the standing office adds a staff member. */
import { pickOption, pickUnit, signIn } from '../lib/session.mjs';

export const name = 'the standing office finds staff without typing accents and adds a staff member to a unit';

export async function run({ page, baseUrl }) {
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  await page.goto(`${baseUrl}/can-bo`);
  await page.locator('.ant-table-row').first().waitFor();

  await page.getByRole('searchbox', { name: /Tìm theo tên/ }).fill('dang kim trang');
  await page.locator('.ant-table-row').filter({ hasText: 'Đặng Kim Trang' }).first().waitFor();
  await page.getByText(/Tổng số \d+ cán bộ/).waitFor();

  await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm cán bộ' });
  await pickUnit(page, dialog.locator('.ant-select').first(), 'tu phap', 'Phòng Tư pháp');
  await dialog.getByLabel('Họ và tên').fill('Hoàng Thị Ánh Tuyết');
  await dialog.getByLabel('Chức vụ').fill('Chuyên viên');
  await pickOption(page, dialog.getByLabel('Giới tính'), 'Nữ');
  await dialog.getByLabel('Năm sinh').fill('1994');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu thông tin cán bộ Hoàng Thị Ánh Tuyết.').waitFor();

  await page.getByRole('searchbox', { name: /Tìm theo tên/ }).fill('anh tuyet');
  await page
    .locator('.ant-table-row')
    .filter({ hasText: 'Hoàng Thị Ánh Tuyết' })
    .filter({ hasText: 'Phòng Tư pháp' })
    .waitFor();
}
