/**
 * The administrator links an account to its staff record, finding the person without typing
 * accents; the link is shown when the account is opened again.
 */
import { openDropdown, pickOption, signIn } from '../lib/session.mjs';

export const name =
  'the administrator links a new account to its staff record, found without accents, and sees it when editing';

const EMAIL = 'dang.kim.trang@thachha.gov.vn';

export async function run({ page, baseUrl, admin }) {
  await signIn(page, baseUrl, admin.email, admin.password);
  await page.goto(`${baseUrl}/tai-khoan`);
  await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản' });
  await dialog.getByLabel('Email').fill(EMAIL);
  await dialog.getByLabel('Họ và tên').fill('Đặng Kim Trang');
  await dialog.getByLabel('Mật khẩu ban đầu').fill('Kim-Trang-Thach-Ha-2022');
  await pickOption(page, dialog.locator('.ant-select').first(), 'Giám sát');

  const people = await openDropdown(page, dialog.getByTestId('user-person'));
  await page.keyboard.type('dang kim trang');
  await people.locator('.ant-select-item-option').filter({ hasText: 'Đặng Kim Trang' }).first().click();
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu tài khoản Đặng Kim Trang.').waitFor();
  await dialog.waitFor({ state: 'hidden' });

  const row = page.locator('.ant-table-row').filter({ hasText: EMAIL });
  await row.getByRole('button', { name: 'Sửa' }).click();
  const edit = page.getByRole('dialog', { name: 'Sửa tài khoản' });
  await edit
    .getByTestId('user-person')
    .getByText(/^Đặng Kim Trang — /)
    .waitFor();
}
