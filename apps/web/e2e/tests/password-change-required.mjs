/**
 * A password someone else knows must be replaced first (issue 10, point 7): the administrator resets
 * the password of an account; signing in with it shows only the change-password screen, which says
 * why — no menu, and other addresses lead back to it. A password made of the person's own e-mail is
 * refused under its field, in Vietnamese; a strong one is taken, and after signing in again the
 * person reaches the app.
 */
import { apiAs, signIn } from '../lib/session.mjs';

export const name =
  'after an administrator resets the password, the person sees only the change-password screen (explained) until they set a strong password of their own';

const RESET_TO = 'Gio-Lao-thoi-qua-dong-Thach-Ha';
const OWN = 'Canh-co-bay-la-tren-dong-lua';

export async function run({ page, baseUrl, admin }) {
  const office = await apiAs(baseUrl, admin.email, admin.password);
  const email = `doi.matkhau.${Date.now().toString(36)}@thachha.gov.vn`;
  const created = await office.call('POST', '/users', {
    email,
    fullName: 'Đỗ Thị Duyên',
    password: 'Mat-khau-tam-thoi-cua-Duyen',
    mustChangePassword: false,
    roles: [{ role: 'observer' }],
  });
  // The reset is what a forgotten password comes to: the administrator now knows the new one.
  const reset = await office.call(
    'PATCH',
    `/users/${created.body.id}`,
    { password: RESET_TO },
    { 'if-match': created.etag },
  );
  if (reset.body.mustChangePassword !== true) throw new Error('a reset password must be changed at the next sign-in');

  await signIn(page, baseUrl, email, RESET_TO);
  await page.waitForURL((url) => url.pathname === '/doi-mat-khau-bat-buoc');
  await page.getByRole('heading', { name: 'Đổi mật khẩu trước khi tiếp tục' }).waitFor();
  await page.getByText('Tài khoản của bạn đang dùng mật khẩu được cấp sẵn.').waitFor();
  await page.getByText(/do quản trị viên đặt, hoặc là mật khẩu dùng thử đã công bố/).waitFor();
  if ((await page.getByRole('navigation', { name: 'Menu chính' }).count()) > 0)
    throw new Error('the app menu must not show before the password is changed');

  // Any other address leads back here.
  await page.goto(`${baseUrl}/phong-trao`);
  await page.waitForURL((url) => url.pathname === '/doi-mat-khau-bat-buoc');
  await page.getByRole('heading', { name: 'Đổi mật khẩu trước khi tiếp tục' }).waitFor();

  // One's own e-mail is no password: refused under the field, saying why.
  await page.getByLabel('Mật khẩu hiện tại').fill(RESET_TO);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(email);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(email);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page
    .locator('.ant-form-item-explain-error')
    .filter({ hasText: 'Mật khẩu chứa email, tên của bạn hoặc tên hệ thống' })
    .waitFor();

  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(OWN);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(OWN);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.waitForURL((url) => url.pathname === '/dang-nhap');
  await page.getByText('Đã đổi mật khẩu. Vui lòng đăng nhập lại bằng mật khẩu mới.').waitFor();

  await signIn(page, baseUrl, email, OWN);
  await page.getByRole('heading', { name: 'Xin chào, Đỗ Thị Duyên' }).waitFor();
  await page.getByRole('navigation', { name: 'Menu chính' }).waitFor();
}
