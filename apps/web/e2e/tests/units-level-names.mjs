/**
 * The administrator renames the levels of the unit tree (no district level is assumed): a commune
 * then shows its level under the new name. The names are put back afterwards for the other tests.
 */
import { signIn } from '../lib/session.mjs';

export const name =
  'the administrator renames a level of the unit tree and a commune shows its level under the new name';

async function renameSecondLevel(page, to) {
  await page.getByTestId('units-level-names').click();
  const dialog = page.getByRole('dialog', { name: 'Tên các cấp trong cơ cấu tổ chức' });
  const second = dialog.getByLabel('Cấp 2', { exact: true });
  await second.fill(to);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu tên các cấp.').last().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

export async function run({ page, baseUrl, admin }) {
  await signIn(page, baseUrl, admin.email, admin.password);
  await page.goto(`${baseUrl}/don-vi`);
  const tree = page.getByTestId('unit-tree');
  await tree.getByText('UBND xã Thạch Hải', { exact: true }).click();
  const details = page.locator('.ant-descriptions').first();
  await details.getByText('Cơ quan, đơn vị', { exact: true }).waitFor();

  // An empty name is refused under its field.
  await page.getByTestId('units-level-names').click();
  const dialog = page.getByRole('dialog', { name: 'Tên các cấp trong cơ cấu tổ chức' });
  await dialog.getByLabel('Cấp 2', { exact: true }).fill('');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.locator('.ant-form-item-explain-error').first().waitFor();
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await dialog.waitFor({ state: 'hidden' });

  await renameSecondLevel(page, 'Cấp sở, ngành và xã, phường');
  await details.getByText('Cấp sở, ngành và xã, phường', { exact: true }).waitFor();
  await renameSecondLevel(page, 'Cơ quan, đơn vị');
  await details.getByText('Cơ quan, đơn vị', { exact: true }).waitFor();
}
