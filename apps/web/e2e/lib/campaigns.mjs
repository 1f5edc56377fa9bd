/** Steps shared by the campaign browser tests. */

/** From the campaign list, opens the demo data's campaign (open, from the 2022 reform plan). */
export async function openSeedCampaign(page, baseUrl) {
  await page.goto(`${baseUrl}/phong-trao`);
  await page.getByRole('combobox', { name: 'Trạng thái' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'Đang diễn ra' }).click();
  const link = page.getByTestId('campaign-link').filter({ hasText: 'Cải cách hành chính' }).first();
  await link.waitFor();
  await link.click();
  await page.getByTestId('campaign-page').waitFor();
}
