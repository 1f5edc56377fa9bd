/** Shared steps for browser tests. */
export const DEMO_PASSWORD = 'ThiDua@2022';
/**
 * The password of accounts the tests create through the API: it passes the strength rule (the demo
 * password, with the product's name in it, would not). Create them with `mustChangePassword: false`,
 * or their first sign-in shows nothing but the forced password change.
 */
export const ACCOUNT_PASSWORD = 'Sen-hong-no-giua-dam-lang';
const DEMO_ACCOUNTS = new Set([
  'lanhdao@thachha.gov.vn',
  'noivu@thachha.gov.vn',
  'motcua@thachha.gov.vn',
  'vanhoa@thachha.gov.vn',
  'chutich.thachhai@thachha.gov.vn',
  'canbo.thachhai@thachha.gov.vn',
  'canbo.tuphap@thachha.gov.vn',
  'nhanvien.thachhai@thachha.gov.vn',
  'giamsat@hatinh.gov.vn',
  'noivu@thanhsen.hatinh.gov.vn',
  'canbo.vhxh@thanhsen.hatinh.gov.vn',
]);
/** The demo password for the demo accounts, ACCOUNT_PASSWORD for the accounts a test made. */
export const passwordOf = (email) => (DEMO_ACCOUNTS.has(email) ? DEMO_PASSWORD : ACCOUNT_PASSWORD);

/** Signs in through the sign-in page and waits until the app has left it. */
export async function signIn(page, baseUrl, email, password = passwordOf(email)) {
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

/**
 * Opens an antd Select (or TreeSelect) and returns its drop-down (rendered at the end of <body>)
 * once it has finished sliding in: a click that lands during the opening animation can be lost,
 * leaving the old value selected.
 */
export async function openDropdown(page, select) {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:visible').last();
  await dropdown.waitFor();
  await settled(dropdown);
  return dropdown;
}

/** Waits until an antd pop-up (drop-down, modal) has finished its opening animation. */
async function settled(locator) {
  await locator.evaluate(
    (el) =>
      new Promise((resolve) => {
        const done = () => !/-(appear|enter)\b/.test(el.className);
        if (done()) return resolve();
        const observer = new el.ownerDocument.defaultView.MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(el, { attributes: true, attributeFilter: ['class'] });
      }),
  );
}

/**
 * Clicks what opens an antd modal and returns the dialog once it has finished zooming in: a click on
 * its buttons during the animation can be lost (the form then never validates).
 */
export async function openDialog(page, trigger, name) {
  await trigger.click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await settled(dialog); // the dialog element is the .ant-modal that carries the zoom classes
  return dialog;
}

/** Picks an option of an antd Select by its text. */
export async function pickOption(page, select, optionText) {
  const dropdown = await openDropdown(page, select);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: optionText }).first().click();
}

/** Picks a unit in a UnitTreeSelect by typing part of its name without accents. */
export async function pickUnit(page, select, search, unitTitle) {
  const dropdown = await openDropdown(page, select);
  await page.keyboard.type(search);
  await dropdown.locator('.ant-select-tree-title').filter({ hasText: unitTitle }).first().click();
}

/** Types a date (dd/MM/yyyy) into the antd DatePicker labelled `label` and confirms it. */
export async function typeDate(page, label, value) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/**
 * A tiny API client signed in as `email` (apart, outside the browser), for a test's preconditions:
 * `call(method, path, body?, headers?)` under /api/v1 (a FormData body is sent as multipart) resolves
 * with `{ body, etag }` and a status ≥ 300 fails the test; `user` is the signed-in account.
 */
export async function apiAs(baseUrl, email, password = passwordOf(email)) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status}`);
  const { accessToken, user } = await login.json();
  async function call(method, path, body, headers = {}) {
    const multipart = body instanceof globalThis.FormData;
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'accept-language': 'vi',
        ...(body !== undefined && !multipart ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: multipart ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} as ${email}: ${res.status} ${text}`);
    return { body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') };
  }
  return { user, call };
}

/**
 * What the API answers `email` (signed in apart, outside the browser) on GET `path` (from /api/v1
 * on), as JSON; a status ≥ 300 fails the test. For comparing a page with the API it is
 * drawn from.
 */
export async function apiGetAs(baseUrl, email, path) {
  const { call } = await apiAs(baseUrl, email);
  return (await call('GET', path.replace(/^\/api\/v1/, ''))).body;
}
