/**
 * Two administrators edit the same unit. The second save carries a stale ETag: the server answers
 * 412, the form shows the other person's change and explains, and saving again keeps both edits.
 */
import { signIn } from '../lib/session.mjs';

export const name = 'when two people edit the same unit, the later save is refused until it has seen the earlier one';

async function openEdit(page, baseUrl, unitName) {
  await page.goto(`${baseUrl}/don-vi`);
  await page.getByTestId('unit-tree').getByText(unitName, { exact: true }).click();
  await page.getByTestId('unit-details').getByText('YT', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Sửa' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Sửa thông tin đơn vị' });
  await dialog.getByLabel('Tên đơn vị').waitFor();
  return dialog;
}

export async function run({ page, context, baseUrl, admin }) {
  await signIn(page, baseUrl, admin.email, admin.password);
  const first = await openEdit(page, baseUrl, 'Phòng Y tế');

  // Meanwhile, in another tab, the same unit gets an address.
  const other = await context.newPage();
  const second = await openEdit(other, baseUrl, 'Phòng Y tế');
  await second.getByLabel('Địa chỉ').fill('Số 1 đường Trần Phú, thị trấn Thạch Hà');
  await second.getByRole('button', { name: 'Lưu' }).click();
  await other.getByText('Đã lưu đơn vị “Phòng Y tế”.').waitFor();
  await other.close();

  // The first tab still holds the old version: its save is refused and the form reloads.
  await first.getByLabel('Điện thoại').fill('0239 3888 999');
  await first.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Bản ghi đã bị người khác thay đổi. Hãy tải lại rồi sửa tiếp.').waitFor();
  await first.getByLabel('Địa chỉ').and(page.locator('[value="Số 1 đường Trần Phú, thị trấn Thạch Hà"]')).waitFor();

  await first.getByLabel('Điện thoại').fill('0239 3888 999');
  await first.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu đơn vị “Phòng Y tế”.').waitFor();
  const details = page.getByTestId('unit-details');
  await details.getByText('0239 3888 999').waitFor();
  await details.getByText('Số 1 đường Trần Phú, thị trấn Thạch Hà').waitFor();
}
