/**
 * The sign-in page helps whoever cannot sign in: "Quên mật khẩu?" says to ask the administrator (no
 * e-mail reset yet), and a link leads to the public campaigns, which need no account.
 */
import assert from 'node:assert/strict';

export const name = 'the sign-in page explains a forgotten password and links to the public campaigns';

export async function run({ page, baseUrl }) {
  await page.goto(`${baseUrl}/dang-nhap`);
  const forgot = page.getByRole('button', { name: 'Quên mật khẩu?' });
  assert.equal(await forgot.getAttribute('aria-expanded'), 'false');
  await forgot.click();
  const help = page.locator('#forgot-password-help');
  await help.waitFor();
  assert.match(await help.innerText(), /liên hệ quản trị hệ thống/);
  assert.equal(await forgot.getAttribute('aria-expanded'), 'true');

  await page.getByRole('link', { name: 'Xem các phong trào công khai' }).click();
  await page.waitForURL((url) => url.pathname === '/cong-khai');
}
