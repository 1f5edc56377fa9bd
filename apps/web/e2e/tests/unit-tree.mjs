/**
 * The unit tree as the standing office sees it (saved as test-results/unit-tree.png): the district
 * and its units, a search without diacritics, and a unit's details with its staff.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signIn } from '../lib/session.mjs';

export const name =
  'the standing office browses the unit tree, finds a commune without typing accents and sees its staff';

const SHOT = fileURLToPath(new URL('../../test-results/unit-tree.png', import.meta.url));

export async function run({ page, baseUrl }) {
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  await page.getByRole('link', { name: 'Đơn vị' }).first().click();
  await page.waitForURL(`${baseUrl}/don-vi`);

  const tree = page.getByTestId('unit-tree');
  await tree.getByText('UBND huyện Thạch Hà', { exact: true }).waitFor();
  await tree.getByText('UBND xã Thạch Hải', { exact: true }).waitFor();
  await tree.getByText('Phòng Nội vụ', { exact: true }).waitFor();

  // "thach hai" (no accents) keeps only the matching commune, under its district.
  await page.getByRole('searchbox', { name: 'Tìm đơn vị (không cần dấu)' }).fill('thach hai');
  await tree.locator('mark', { hasText: 'UBND xã Thạch Hải' }).waitFor();
  await tree.getByText('Phòng Nội vụ', { exact: true }).waitFor({ state: 'detached' });
  assert.equal(await tree.locator('mark').count(), 1, 'one unit matches "thach hai"');

  // Selecting it shows its details and its staff, loaded from the server.
  await tree.getByText('UBND xã Thạch Hải', { exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/don-vi' && url.searchParams.has('id'));
  const details = page.getByTestId('unit-details');
  await details.getByText('XA-THACHHAI').waitFor();
  await details.getByText('UBND xã, thị trấn').waitFor();
  const staff = page.locator('.ant-table-row');
  await staff.first().waitFor();
  assert.ok((await staff.count()) >= 5, 'the commune lists its staff');
  await page.getByText('Chủ tịch UBND', { exact: true }).first().waitFor();

  // The whole tree again for the picture.
  await page.getByRole('searchbox', { name: 'Tìm đơn vị (không cần dấu)' }).fill('');
  await tree.getByText('Phòng Nội vụ', { exact: true }).waitFor();
  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: false });
  assert.ok(fs.statSync(SHOT).size > 20_000, 'the screenshot was written');
}
