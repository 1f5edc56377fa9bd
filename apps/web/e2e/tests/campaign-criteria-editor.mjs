/**
 * The standing office drafts a blank campaign through the browser (the choice of a blank plan holds
 * even when the template list arrives after it): the criteria editor checks a criterion's
 * threshold as it is typed (a ratio is 0–100%) and saves it once it is right.
 */
import assert from 'node:assert/strict';
import { createBlankCampaign } from '../lib/campaigns.mjs';
import { pickOption, signIn } from '../lib/session.mjs';

export const name = 'a blank campaign is drafted and the criteria editor checks thresholds as they are typed';

export async function run({ page, baseUrl }) {
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  // The template list arrives only after "blank" has been chosen (a slow network): the choice
  // holds — it used to be switched back to the template, and a campaign made from it.
  let releaseTemplates;
  const templatesHeld = new Promise((resolve) => (releaseTemplates = resolve));
  await page.route('**/api/v1/campaign-templates*', async (route) => {
    await templatesHeld;
    await route.continue();
  });
  const templatesArrived = page.waitForResponse((res) => res.url().includes('/api/v1/campaign-templates'));
  // A blank plan opens in the editor; its criteria tab starts empty.
  await createBlankCampaign(page, baseUrl, {
    number: '07/KH-UBND',
    title: 'Phát động phong trào thi đua chuyển đổi số năm 2032',
    startsOn: '01/04/2032',
    endsOn: '31/10/2032',
    afterChoosingBlank: async () => {
      releaseTemplates();
      await templatesArrived;
    },
  });
  await page.getByRole('tab', { name: /Tiêu chuẩn thi đua/ }).click();
  await page.getByTestId('criterion-add').click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel('Mã', { exact: true }).fill('1.1');
  await drawer.getByLabel('Nội dung tiêu chuẩn').fill('Trên 50% hồ sơ được tiếp nhận trực tuyến');
  await pickOption(page, page.getByTestId('criterion-kind'), 'Tỷ lệ (%)');
  await page.getByTestId('criterion-threshold-input').fill('150');
  await drawer.getByText('Ngưỡng tỷ lệ phải từ 0 đến 100 (%).').waitFor();
  await page.getByTestId('criterion-threshold-input').fill('50');
  await drawer.getByText('Ngưỡng tỷ lệ phải từ 0 đến 100 (%).').waitFor({ state: 'detached' });
  await page.getByTestId('criterion-save').click();

  const row = page
    .getByTestId('editor-section-collective-specific')
    .locator('tr.ant-table-row')
    .filter({ hasText: '1.1' });
  await row.waitFor();
  assert.match(await row.innerText(), /> 50%/);
}
