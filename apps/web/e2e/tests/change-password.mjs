/**
 * Changing one's own password: mistakes are shown under their fields, and after the change every
 * session ends, so the person signs in again with the new password.
 */
import { signIn } from '../lib/session.mjs';

export const name =
  'a person changes their password (a wrong current password is refused under its field) and signs in with the new one';

export async function run({ page, baseUrl }) {
  const email = 'giamsat@hatinh.gov.vn';
  await signIn(page, baseUrl, email);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();

  await page.getByLabel('Mật khẩu hiện tại').fill('khong-dung-2022');
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill('Bien-xanh-Thach-Hai');
  await page.getByLabel('Nhập lại mật khẩu mới').fill('Bien-xanh-Thach-Ha');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByText('Hai mật khẩu không khớp nhau.').waitFor();

  await page.getByLabel('Nhập lại mật khẩu mới').fill('Bien-xanh-Thach-Hai');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.locator('.ant-form-item-explain-error').filter({ hasText: 'Mật khẩu hiện tại không đúng.' }).waitFor();

  await page.getByLabel('Mật khẩu hiện tại').fill('ThiDua@2022');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.waitForURL((url) => url.pathname === '/dang-nhap');
  await page.getByText('Đã đổi mật khẩu. Vui lòng đăng nhập lại bằng mật khẩu mới.').waitFor();

  await signIn(page, baseUrl, email, 'Bien-xanh-Thach-Hai');
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
}
