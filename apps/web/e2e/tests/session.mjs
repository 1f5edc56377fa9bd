/**
 * Signing in and out: a wrong password is refused in Vietnamese, a reload keeps the session
 * (restored from the httpOnly refresh cookie, the access token being in memory only), and signing
 * out ends it.
 */
import assert from 'node:assert/strict';
import { signOut } from '../lib/session.mjs';

export const name =
  'a person signs in (a wrong password is refused in Vietnamese), stays signed in across a reload, and signs out';

export async function run({ page, baseUrl }) {
  // An anonymous visit to a page is sent to sign-in, remembering where it was going.
  await page.goto(`${baseUrl}/can-bo`);
  await page.waitForURL((url) => url.pathname === '/dang-nhap' && url.searchParams.get('redirect') === '/can-bo');
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');

  // Client-side checks first, then the server's answer for a wrong password.
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Vui lòng nhập email.').waitFor();
  await page.getByLabel('Email').fill('lanhdao@thachha.gov.vn');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('alert').filter({ hasText: 'Email hoặc mật khẩu không đúng.' }).waitFor();

  await page.getByLabel('Mật khẩu').fill('ThiDua@2022');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${baseUrl}/can-bo`);
  await page.getByRole('heading', { name: 'Cán bộ' }).waitFor();

  // The access token lives in memory: nothing of the session is in web storage.
  const stored = await page.evaluate(() =>
    JSON.stringify({ ...globalThis.localStorage, ...globalThis.sessionStorage }),
  );
  assert.ok(!/eyJ/.test(stored), 'no token in localStorage or sessionStorage');

  await page.reload();
  await page.getByRole('heading', { name: 'Cán bộ' }).waitFor();
  await page.getByTestId('user-menu').getByText('Lãnh đạo UBND huyện').waitFor();

  await signOut(page);
  await page.getByText('Bạn đã đăng xuất.').waitFor();
  await page.goto(`${baseUrl}/`);
  await page.waitForURL((url) => url.pathname === '/dang-nhap');
}
