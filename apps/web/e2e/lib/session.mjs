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

/** Signs out through the user menu in the header. */
export async function signOut(page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: /Đăng xuất|Sign out/ }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/dang-nhap'));
}

/** Picks an option of an antd Select (the open drop-down is rendered at the end of <body>). */
export async function pickOption(page, select, optionText) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click();
}

/** Picks a unit in a UnitTreeSelect by typing part of its name without accents. */
export async function pickUnit(page, select, search, unitTitle) {
  await select.click();
  await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-title').filter({ hasText: unitTitle }).first().click();
}
