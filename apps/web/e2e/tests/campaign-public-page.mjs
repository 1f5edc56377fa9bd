/** Anyone, without signing in, opens the public list and the open campaign's public page. */
import assert from 'node:assert/strict';

export const name = 'the public page of the open campaign needs no sign-in and shows its title';

export async function run({ page, baseUrl }) {
  // No session: no refresh cookie in this browser context.
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/cong-khai`);
  // The demo data's campaign: open, from the 2022 reform plan (other tests may open others).
  const item = page
    .getByTestId('public-campaign-item')
    .filter({ hasText: 'Đang diễn ra' })
    .filter({ hasText: 'Cải cách hành chính' })
    .first();
  await item.waitFor();
  const listedTitle = (await item.locator('a').first().innerText()).trim();
  assert.match(listedTitle, /Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính/);

  await item.locator('a').first().click();
  await page.waitForURL(/\/cong-khai\/phong-trao\/[^/]+$/);
  assert.ok(!page.url().includes('/dang-nhap'), 'not sent to the sign-in page');
  const title = page.getByTestId('public-campaign-title');
  await title.waitFor();
  assert.equal((await title.innerText()).trim(), listedTitle);
  // Its criteria are there too, grouped.
  await page.getByTestId('criteria-section-collective-specific').waitFor();
  assert.ok((await page.getByTestId('criterion-threshold').allInnerTexts()).includes('> 30%'));
  // And a reload of the page itself (a shared link) works without a session.
  await page.reload();
  await page.getByTestId('public-campaign-title').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Đăng nhập' }).count(), 1);
}
