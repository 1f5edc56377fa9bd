/**
 * The findings page shows one campaign at a time: by default the one in progress (not the newest,
 * which may only be announced), and after another is chosen, that choice is kept when the user comes
 * back to the page from elsewhere.
 */
import assert from 'node:assert/strict';
import { openUpcomingCampaign } from '../lib/campaigns.mjs';
import { apiAs, openDropdown, signIn } from '../lib/session.mjs';

export const name = 'the findings page starts on the campaign in progress and remembers the last campaign chosen';

const OFFICE = 'noivu@thachha.gov.vn';

export async function run({ page, baseUrl }) {
  const office = await apiAs(baseUrl, OFFICE);
  // The newest campaign is only announced: it must not become the default.
  const { id, title } = await openUpcomingCampaign(office, {
    title: `Thi đua sắp tới ${Date.now().toString(36)}`,
    startsInDays: 20,
  });

  await signIn(page, baseUrl, OFFICE);
  await page.goto(`${baseUrl}/ton-tai`);
  const picker = page.getByRole('combobox', { name: 'Phong trào thi đua' });
  await picker.waitFor();
  const select = page.locator('.ant-select').filter({ has: picker }).first();
  // The findings of the chosen campaign have loaded before the choice is read.
  await page.getByRole('table').first().waitFor();
  assert.doesNotMatch(await select.innerText(), new RegExp(title), 'the announced campaign is not the default');

  const dropdown = await openDropdown(page, picker);
  await dropdown.getByTitle(title).click();
  await page.waitForURL((url) => url.searchParams.get('phong-trao') === id);

  // Away and back through the menu (two full page loads in a row could race the session's refresh).
  await page.getByRole('menuitem', { name: 'Trang chủ' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('menuitem', { name: 'Tồn tại, hạn chế' }).click();
  await page.waitForURL((url) => url.pathname === '/ton-tai');
  // The last choice is remembered: the page opens on it, and says so in its URL's absence.
  await select.filter({ hasText: title }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('phong-trao'), null);
}
