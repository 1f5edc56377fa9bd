/**
 * Pickers search without diacritics (issue 11, bug 2): in "Đăng ký sáng kiến", typing "nguyen" in
 * the author picker finds the same people as typing "Nguyễn" (it found none before), and the
 * staff list searches the name, exact and word-prefix matches first, unless asked to look at the
 * position too (bug 6).
 */
import assert from 'node:assert/strict';
import { apiAs, openDialog, openDropdown, signIn } from '../lib/session.mjs';
import { OFFICER } from '../lib/self-assessment.mjs';

export const name = 'the author picker and the staff list find "Nguyễn" when "nguyen" is typed';

/** Waits until `locator` matches `n` elements (a debounced search answers a moment later). */
async function untilCount(locator, n, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) !== n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} rows, saw ${await locator.count()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The texts of the options an open antd Select drop-down shows now. */
async function optionTexts(dropdown) {
  return dropdown.locator('.ant-select-item-option').allInnerTexts();
}

export async function run({ page, baseUrl }) {
  // Three authors of the test's own in the officer's unit, two of them Nguyễn.
  const { user, call } = await apiAs(baseUrl, OFFICER);
  const unitId = user.roles.find((r) => r.unitId)?.unitId;
  assert.ok(unitId, 'the officer has a unit');
  const tag = Date.now().toString(36).slice(-4).toUpperCase();
  const staff = [`Nguyễn Thị Ánh Tuyết ${tag}`, `Nguyễn Hữu Đạt ${tag}`, `Trần Thị Ngọc Yến ${tag}`];
  for (const fullName of staff) await call('POST', '/people', { unitId, fullName, position: 'Chuyên viên' });

  await signIn(page, baseUrl, OFFICER);
  await page.goto(`${baseUrl}/sang-kien`);
  const dialog = await openDialog(page, page.getByTestId('create-initiative'), 'Đăng ký sáng kiến');
  const authors = await openDropdown(page, dialog.getByLabel('Tác giả'));

  await page.keyboard.type(`Nguyễn ${tag}`);
  await authors.locator('.ant-select-item-option').filter({ hasText: staff[0] }).waitFor();
  const withMarks = await optionTexts(authors);
  assert.deepEqual(withMarks.map((t) => t.replace(/ \(.*\)$/, '')).sort(), [staff[0], staff[1]].sort());

  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(`nguyen ${tag.toLowerCase()}`);
  await authors.locator('.ant-select-item-option').filter({ hasText: staff[0] }).waitFor();
  assert.deepEqual(await optionTexts(authors), withMarks);

  // Words in any order, đ typed as d.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(`dat huu ${tag}`);
  await authors.locator('.ant-select-item-option').filter({ hasText: staff[1] }).waitFor();
  assert.equal((await optionTexts(authors)).length, 1);
  await authors.locator('.ant-select-item-option').first().click();
  await page.keyboard.press('Escape');
  await dialog.locator('.ant-select-selection-item').filter({ hasText: staff[1] }).waitFor();
  await page.keyboard.press('Escape');

  // The staff list: the name by default, ranked ("yen" puts Yến before the Nguyễn it is part of),
  // the position only when asked ("chuyen" is in "Chuyên viên", not in a name).
  await page.goto(`${baseUrl}/can-bo`);
  const search = page.getByLabel('Tìm theo tên (không cần dấu)');
  const rows = page.locator('.ant-table-row');
  await search.fill(`yen ${tag}`);
  await untilCount(rows, 3);
  assert.match(await rows.first().innerText(), new RegExp(staff[2]));
  await search.fill(`chuyen ${tag}`);
  await page.getByText('Không tìm thấy cán bộ phù hợp').waitFor();
  await page.getByLabel('Tìm cả chức vụ, email').check();
  await page.getByLabel('Tìm theo tên, chức vụ, email (không cần dấu)').waitFor();
  await untilCount(rows, 3);
}
