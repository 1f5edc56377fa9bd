/** Steps shared by the campaign browser tests. */
import { pickOption } from './session.mjs';

/** From the campaign list, opens the demo data's campaign (open, from the 2022 reform plan). */
export async function openSeedCampaign(page, baseUrl) {
  await page.goto(`${baseUrl}/phong-trao`);
  await pickOption(page, page.getByRole('combobox', { name: 'Trạng thái' }), 'Đang diễn ra');
  const link = page.getByTestId('campaign-link').filter({ hasText: 'Cải cách hành chính' }).first();
  await link.waitFor();
  await link.click();
  await page.getByTestId('campaign-page').waitFor();
}
