/**
 * The seed campaign's page, as the standing office sees it, saved as
 * apps/web/test-results/campaign-page.png: the criteria are grouped for collectives and for
 * individuals, general before specific, with the plan's thresholds.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openSeedCampaign } from '../lib/campaigns.mjs';
import { signIn } from '../lib/session.mjs';

export const name = 'the seed campaign page shows its criteria grouped by target and group (screenshot)';

const SHOT = fileURLToPath(new URL('../../test-results/campaign-page.png', import.meta.url));

export async function run({ page, baseUrl }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');

  await openSeedCampaign(page, baseUrl);
  await page.getByTestId('criteria-section-individual-specific').locator('tbody tr.ant-table-row').first().waitFor();

  const headings = await page
    .locator('[data-testid^="criteria-target-"] h4, [data-testid^="criteria-section-"] h5')
    .allInnerTexts();
  assert.deepEqual(
    headings.map((h) => h.replace(/\s*\(.*\)$/, '').trim()),
    [
      'Tiêu chuẩn đối với tập thể',
      'Tiêu chuẩn chung',
      'Tiêu chuẩn cụ thể',
      'Tiêu chuẩn đối với cá nhân',
      'Tiêu chuẩn chung',
      'Tiêu chuẩn cụ thể',
    ],
  );
  assert.equal(await page.getByTestId('campaign-status').first().innerText(), 'Đang diễn ra');
  await page.getByTestId('timeline-today').waitFor();

  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });
  assert.ok(fs.statSync(SHOT).size > 50_000, 'the screenshot was written');
}
