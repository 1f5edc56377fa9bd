/** The English switch: on the sign-in page and in the app, remembered across a reload. */
import assert from 'node:assert/strict';

export const name = 'a person switches to English on the sign-in page, signs in, and the choice survives a reload';

export async function run({ page, baseUrl }) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  await page.getByLabel('Email').fill('lanhdao@thachha.gov.vn');
  await page.getByLabel('Password').fill('ThiDua@2022');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Hello, Lãnh đạo UBND huyện' }).waitFor();
  await page.getByRole('navigation', { name: 'Main menu' }).getByText('Staff').waitFor();

  await page.reload();
  await page.getByRole('heading', { name: 'Hello, Lãnh đạo UBND huyện' }).waitFor();
  // Server messages follow too: the API answers in the Accept-Language the app sends.
  await page.goto(`${baseUrl}/don-vi?id=un_does_not_exist`);
  await page.getByText('The requested resource was not found.').waitFor();

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByText('Không tìm thấy dữ liệu yêu cầu.').waitFor();
}
