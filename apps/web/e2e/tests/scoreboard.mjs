/**
 * The standing office opens the scoreboard of the seed demo campaign from its page: the provisional
 * banner, one row per participant as the API answers, the ranking by unit kind, and the XLSX
 * download. Screenshot: apps/web/test-results/scoreboard.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openSeedCampaign } from '../lib/campaigns.mjs';
import { apiGetAs, signIn } from '../lib/session.mjs';

export const name =
  'the office opens the seed campaign’s scoreboard, groups it by unit kind and downloads it (screenshot)';

const SHOT = fileURLToPath(new URL('../../test-results/scoreboard.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';

/** The board as the API answers it to the office (signed in apart, outside the browser). */
const apiBoard = (baseUrl, campaignId, query = '') =>
  apiGetAs(baseUrl, OFFICE, `/api/v1/campaigns/${campaignId}/scoreboard${query}`);

export async function run({ page, baseUrl }) {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, baseUrl, OFFICE);
  // The seed campaign from the list of open ones (other tests make drafts from the same plan).
  await openSeedCampaign(page, baseUrl);
  await page.getByTestId('campaign-scoreboard-link').click();
  await page.waitForURL(/\/phong-trao\/[^/]+\/xep-hang/);
  const campaignId = new URL(page.url()).pathname.split('/')[2];
  await page.getByTestId('scoreboard-page').waitFor();
  await page.getByTestId('scoreboard-banner').getByText('Kết quả tạm tính').waitFor();

  const board = await apiBoard(baseUrl, campaignId);
  assert.ok(board.rows.length > 0, 'the demo campaign has participants on its board');
  const rows = page.getByTestId('scoreboard-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), Math.min(50, board.rows.length), 'one row per participant (first page)');
  const first = await rows.first().innerText();
  assert.ok(first.includes(board.rows[0].unit.name), `the first row is ${board.rows[0].unit.name}`);

  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });
  assert.ok(fs.statSync(SHOT).size > 30_000, 'the screenshot was written');

  // Ranked within each unit kind: the URL keeps it, the table gains the group column.
  await page.getByTestId('scoreboard-group-by').getByText('Theo khối').click();
  await page.waitForURL(/theo=khoi/);
  const byKind = await apiBoard(baseUrl, campaignId, '?groupBy=kind');
  await page.getByTestId('scoreboard-table').getByRole('columnheader', { name: 'Khối/cụm' }).waitFor();
  const firstGroup = byKind.rows[0].group.name;
  await page.getByTestId('scoreboard-table').locator('tbody tr.ant-table-row').first().getByText(firstGroup).waitFor();

  // The official XLSX downloads under its Vietnamese name.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('scoreboard-xlsx').click()]);
  assert.match(download.suggestedFilename(), /^Bảng xếp hạng thi đua \d{4} - Tập thể \(tạm tính\)\.xlsx$/);
  const file = await download.path();
  assert.ok(fs.statSync(file).size > 5_000, 'the workbook is not empty');
}
