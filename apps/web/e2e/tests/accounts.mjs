/**
 * Account administration: the administrator creates an account with a unit role (the unit picked
 * from the tree), a second account with the same email is refused under the email field, and the
 * new person — first made to replace the password the administrator gave — signs in to a menu cut
 * to their role.
 */
import { pickOption, pickUnit, signIn, signOut } from '../lib/session.mjs';

export const name =
  'the administrator creates a unit officer account; a duplicate email is refused under the field; the officer sees only their menu';

const EMAIL = 'canbo.moi@thachha.gov.vn';
const PASSWORD = 'Hoa-sen-no-ro-2022';
const OWN_PASSWORD = 'Ruong-bac-thang-mua-lua-chin';

async function fillNewAccount(page) {
  await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm tài khoản' });
  await dialog.getByLabel('Email').fill(EMAIL);
  await dialog.getByLabel('Họ và tên').fill('Trần Thị Mới');
  await dialog.getByLabel('Mật khẩu ban đầu').fill(PASSWORD);
  await pickOption(page, dialog.locator('.ant-select').first(), 'Cán bộ đơn vị');
  await pickUnit(
    page,
    dialog.locator('.ant-select-tree-select, .ant-tree-select').first(),
    'thach hai',
    'UBND xã Thạch Hải',
  );
  return dialog;
}

export async function run({ page, baseUrl, admin }) {
  await signIn(page, baseUrl, admin.email, admin.password);
  await page.getByRole('link', { name: 'Tài khoản' }).first().click();
  await page.getByRole('heading', { name: 'Tài khoản' }).waitFor();

  let dialog = await fillNewAccount(page);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu tài khoản Trần Thị Mới.').waitFor();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.locator('.ant-table-row').filter({ hasText: EMAIL });
  await row.getByText('Cán bộ đơn vị — UBND xã Thạch Hải').waitFor();

  // Same email again: the server's 409 lands under the email field, in Vietnamese.
  dialog = await fillNewAccount(page);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog
    .locator('.ant-form-item-explain-error')
    .filter({ hasText: 'Email này đã được dùng cho một tài khoản khác.' })
    .waitFor();
  await dialog.getByRole('button', { name: 'Hủy' }).click();

  await signOut(page);
  // The administrator knows the password they gave: the person replaces it before anything else.
  await signIn(page, baseUrl, EMAIL, PASSWORD);
  await page.getByRole('heading', { name: 'Đổi mật khẩu trước khi tiếp tục' }).waitFor();
  await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(OWN_PASSWORD);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(OWN_PASSWORD);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.waitForURL((url) => url.pathname === '/dang-nhap');
  await signIn(page, baseUrl, EMAIL, OWN_PASSWORD);
  await page.getByRole('heading', { name: 'Xin chào, Trần Thị Mới' }).waitFor();
  await page.getByText('Cán bộ đơn vị — UBND xã Thạch Hải').first().waitFor();
  const menu = page.getByRole('navigation', { name: 'Menu chính' });
  await menu.getByRole('link', { name: 'Đơn vị', exact: true }).waitFor();
  if ((await menu.getByRole('link', { name: 'Tài khoản', exact: true }).count()) > 0)
    throw new Error('a unit officer must not see "Tài khoản" in the menu');
  if ((await menu.getByRole('link', { name: 'Nhật ký hệ thống', exact: true }).count()) > 0)
    throw new Error('a unit officer must not see the audit log in the menu');

  await page.goto(`${baseUrl}/tai-khoan`);
  await page.getByText('Không có quyền truy cập').waitFor();
}
