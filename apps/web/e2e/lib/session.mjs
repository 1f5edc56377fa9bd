/** Shared steps for browser tests. */
export const DEMO_PASSWORD = 'ThiDua@2022';

/** Signs in through the sign-in page and waits until the app has left it. */
export async function signIn(page, baseUrl, email, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}
