/**
 * A unit officer registers their unit for the open campaign with a commitment, on the campaign
 * page, which then offers the unit's self-assessment; the standing office sees the unit among the
 * enrolled ones.
 */
import assert from 'node:assert/strict';
import { openSeedCampaign } from '../lib/campaigns.mjs';
import { signIn } from '../lib/session.mjs';

export const name = 'a unit officer enrols their unit with a commitment and the standing office sees it enrolled';

const COMMITMENT = 'Phòng Tư pháp đăng ký thi đua, cam kết rà soát 100% thủ tục hành chính thuộc lĩnh vực tư pháp.';

export async function run({ page, baseUrl }) {
  // Phòng Tư pháp has not enrolled in the demo data.
  await signIn(page, baseUrl, 'canbo.tuphap@thachha.gov.vn');
  await openSeedCampaign(page, baseUrl);
  const card = page.getByTestId('unit-enrolment');
  await card.getByText('Phòng Tư pháp', { exact: true }).waitFor();
  assert.match(await card.innerText(), /Chưa đăng ký/);
  // A unit officer has no lifecycle buttons.
  assert.equal(
    await page
      .locator('[data-testid^="action-"]')
      .filter({ hasText: /Kết thúc|Phát động|Tổng kết/ })
      .count(),
    0,
  );

  await card.getByTestId('enrol-button').click();
  await page.getByTestId('enrolment-commitment').fill(COMMITMENT);
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await card.getByText(COMMITMENT).waitFor();
  assert.match(await card.innerText(), /Đã đăng ký/);
  // Enrolled: the same page leads straight on to the unit's self-assessment.
  await page.getByTestId('my-campaign').getByTestId('start-self-assessment').waitFor();

  // The standing office sees it in the enrolled list.
  await page.context().clearCookies();
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  await openSeedCampaign(page, baseUrl);
  await page.getByRole('tab', { name: 'Đơn vị tham gia' }).click();
  await page.getByText('Đã đăng ký', { exact: true }).first().click(); // the "enrolled" filter
  // Within the participants tab: the reminders panel below lists units too.
  const row = page.getByRole('tabpanel').locator('tr.ant-table-row').filter({ hasText: 'Phòng Tư pháp' });
  await row.waitFor();
  assert.match(await row.innerText(), /Cán bộ Phòng Tư pháp/);
  assert.match(await page.getByTestId('enrolled-count').innerText(), /Đã đăng ký: 6\/\d+ đơn vị/);
}
