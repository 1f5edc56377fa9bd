/**
 * Việc cần làm: a unit's officer signs in to a home page that lists what waits for them — here
 * enrolling their commune in a campaign that just opened, with its deadline — and the line opens
 * the campaign's page (screenshot test-results/home-tasks.png).
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { OFFICER, openAwardCampaign, thachHa } from '../lib/awards.mjs';
import { signIn } from '../lib/session.mjs';

export const name =
  "the home page lists a unit officer's tasks (enrol in a new campaign) and a task opens its page (screenshot)";

const SHOT = fileURLToPath(new URL('../../test-results/home-tasks.png', import.meta.url));

export async function run({ page, baseUrl }) {
  const { xa } = await thachHa(baseUrl);
  const campaign = await openAwardCampaign(baseUrl, {
    title: `Thi đua chuyển đổi số ${Date.now().toString(36)}`,
    participants: { kinds: [], unitIds: [xa], individualsTakePart: false },
  });

  await signIn(page, baseUrl, OFFICER);
  const list = page.getByTestId('my-tasks');
  const task = list.getByTestId('task-enrol').filter({ hasText: campaign.title });
  await task.waitFor();
  assert.match(await task.innerText(), /Đăng ký thi đua cho UBND xã Thạch Hải/);
  assert.match(await task.innerText(), /hạn \d{2}\/\d{2}\/\d{4}/);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: SHOT });

  await task.getByRole('link').click();
  await page.waitForURL((url) => url.pathname === `/phong-trao/${campaign.id}`);
  await page.getByRole('heading', { name: campaign.title }).first().waitFor();
}
