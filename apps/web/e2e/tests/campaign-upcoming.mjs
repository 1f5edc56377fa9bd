/**
 * A campaign launched before its first day (issue 11): the list, its page and the public site call
 * it "Sắp diễn ra" (not "Đang diễn ra") and say when it begins; the enrolled unit's officer sees on
 * "Của tôi" when self-assessment opens, with no button to start it yet; once the office opens
 * self-assessment early on purpose, the page says so and the unit may start. Screenshots at 1440×900
 * and 390×844 go to SHOTS_DIR (default: test-results/field-ready).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openUpcomingCampaign } from '../lib/campaigns.mjs';
import { apiAs, signIn, signOut } from '../lib/session.mjs';

export const name =
  'a campaign launched ahead of its start is shown as upcoming and takes no self-assessment yet (screenshots)';

const SHOTS = process.env.SHOTS_DIR ?? fileURLToPath(new URL('../../test-results/field-ready', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const OFFICER = 'canbo.thachhai@thachha.gov.vn';
const dmy = (iso) => iso.split('-').reverse().join('/');

async function shoot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file });
  assert.ok(fs.statSync(file).size > 5_000, `${name} was written`);
}

export async function run({ page, baseUrl }) {
  const office = await apiAs(baseUrl, OFFICE);
  const xa = (await office.call('GET', '/units/tree')).body.items.find((u) => u.code === 'XA-THACHHAI').id;
  const { id, title, startsOn } = await openUpcomingCampaign(office, {
    title: `Thi đua chuyển đổi số quý tới ${Date.now().toString(36)}`,
    startsInDays: 12,
  });
  await office.call('POST', `/campaigns/${id}/enrollments`, { unitId: xa, commitment: 'Cam kết thực hiện.' });

  await page.setViewportSize({ width: 1440, height: 900 });
  // ── The office: the list and the campaign's page ──────────────────────────────────────────
  await signIn(page, baseUrl, OFFICE);
  await page.goto(`${baseUrl}/phong-trao`);
  await page.getByRole('searchbox').first().fill(title);
  const listed = page.locator('tr.ant-table-row').filter({ hasText: title });
  await listed.getByTestId('campaign-status').filter({ hasText: 'Sắp diễn ra' }).waitFor();
  await page.goto(`${baseUrl}/phong-trao/${id}`);
  await page.getByTestId('campaign-page').waitFor();
  assert.equal(await page.getByTestId('campaign-status').first().innerText(), 'Sắp diễn ra');
  assert.match(await page.getByTestId('campaign-upcoming').innerText(), new RegExp(dmy(startsOn)));
  await shoot(page, 'upcoming-campaign-1440.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('campaign-upcoming').waitFor();
  await shoot(page, 'upcoming-campaign-390.png');
  await page.setViewportSize({ width: 1440, height: 900 });
  await signOut(page);

  // ── The public site ───────────────────────────────────────────────────────────────────────
  await page.goto(`${baseUrl}/cong-khai`);
  await page.getByRole('searchbox').first().fill(title);
  const item = page.getByTestId('public-campaign-item').filter({ hasText: title });
  await item.getByTestId('campaign-status').filter({ hasText: 'Sắp diễn ra' }).waitFor();
  await shoot(page, 'upcoming-public-list-1440.png');
  await item.getByRole('link', { name: title }).click();
  await page.getByTestId('public-campaign').waitFor();
  assert.equal(await page.getByTestId('campaign-status').first().innerText(), 'Sắp diễn ra');
  await page.getByTestId('campaign-upcoming').waitFor();
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, 'upcoming-public-390.png');
  await page.setViewportSize({ width: 1440, height: 900 });

  // ── The enrolled unit: no self-assessment before the first day ───────────────────────────
  await signIn(page, baseUrl, OFFICER);
  await page.goto(`${baseUrl}/cua-toi`);
  const entry = page.getByTestId('my-campaign').filter({ hasText: title });
  await entry
    .getByTestId('starts-later')
    .filter({ hasText: dmy(startsOn) })
    .waitFor();
  assert.equal(await entry.getByTestId('start-self-assessment').count(), 0, 'no start button before the first day');
  await entry.scrollIntoViewIfNeeded();
  await shoot(page, 'upcoming-my-campaigns-1440.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await entry.scrollIntoViewIfNeeded();
  await shoot(page, 'upcoming-my-campaigns-390.png');
  await page.setViewportSize({ width: 1440, height: 900 });
  await signOut(page);

  // ── The office opens self-assessment early, on purpose: the page says so, the unit may start ──
  await signIn(page, baseUrl, OFFICE);
  await page.goto(`${baseUrl}/phong-trao/${id}`);
  const notice = page.getByTestId('campaign-upcoming');
  await notice.getByRole('button', { name: 'Mở tự đánh giá sớm' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Mở tự đánh giá sớm' }).click();
  await notice.filter({ hasText: 'Văn phòng đã mở tự đánh giá sớm' }).waitFor();
  assert.equal(await page.getByTestId('campaign-status').first().innerText(), 'Sắp diễn ra');
  await shoot(page, 'opened-early-campaign-1440.png');
  await signOut(page);
  await signIn(page, baseUrl, OFFICER);
  await page.goto(`${baseUrl}/cua-toi`);
  await page.getByTestId('my-campaign').filter({ hasText: title }).getByTestId('start-self-assessment').waitFor();
}
