/**
 * The standing office opens the progress dashboard of the seed demo campaign from its page: every
 * count card shows what the API answers for the campaign, the charts are drawn, and a click on a
 * card filters the unit table to as many units as the card counts. Screenshot:
 * apps/web/test-results/progress-dashboard.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openSeedCampaign } from '../lib/campaigns.mjs';
import { apiGetAs, signIn } from '../lib/session.mjs';

export const name = 'the office opens the seed campaign’s progress dashboard and its counts match the API (screenshot)';

const SHOT = fileURLToPath(new URL('../../test-results/progress-dashboard.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';

/** The dashboard as the API answers it to the office (signed in apart, outside the browser). */
const apiProgress = (baseUrl, campaignId, query = '') =>
  apiGetAs(baseUrl, OFFICE, `/api/v1/campaigns/${campaignId}/progress${query}`);

/** "1.234" (vi-VN) → 1234. */
const number = (text) => Number(text.replace(/[^\d]/g, ''));

export async function run({ page, baseUrl }) {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, baseUrl, OFFICE);
  await openSeedCampaign(page, baseUrl);
  await page.getByTestId('campaign-progress-link').click();
  await page.waitForURL(/\/phong-trao\/[^/]+\/tien-do/);
  const campaignId = new URL(page.url()).pathname.split('/')[2];
  await page.getByTestId('progress-dashboard').waitFor();

  const expected = await apiProgress(baseUrl, campaignId);
  assert.ok(expected.counts.participants > 0, 'the demo campaign has participants');
  for (const [key, value] of Object.entries(expected.counts)) {
    if (key === 'notEnrolled' || key === 'submitted') continue; // in the chart, not on a card
    const shown = await page.getByTestId(`progress-count-${key}-value`).innerText();
    assert.equal(number(shown), value, `the card "${key}" shows the API's count`);
  }
  // both charts are drawn (SVG), and the table lists the units of the first page
  const drawn = async (testId) => {
    await page.getByTestId(testId).locator('svg').waitFor();
    assert.ok((await page.getByTestId(testId).locator('svg path').count()) > 6, `${testId} is drawn`);
  };
  await drawn('progress-status-chart');
  if (expected.criteria.length) await drawn('progress-criteria-chart');
  const rows = page.getByTestId('progress-units').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), Math.min(20, expected.units.total));

  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });
  assert.ok(fs.statSync(SHOT).size > 50_000, 'the screenshot was written');

  // click-through: the "enrolled" card filters the table to the enrolled units
  await page.getByTestId('progress-count-enrolled').click();
  await page.waitForURL(/trang-thai=enrolled/);
  const enrolled = await apiProgress(baseUrl, campaignId, '?status=enrolled');
  // the table's total says how many units match (fewer than 1,000 in the demo: no thousands separator)
  await page.getByText(`Tổng số ${enrolled.units.total} đơn vị`).waitFor();
  assert.equal(await rows.count(), Math.min(20, enrolled.units.total));
  const statuses = await page.getByTestId('progress-unit-status').allInnerTexts();
  assert.ok(!statuses.includes('Chưa đăng ký'), 'no unit left that has not enrolled');
  assert.equal(enrolled.units.total, expected.counts.enrolled);
}
