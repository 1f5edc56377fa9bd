/**
 * Đôn đốc: the standing office reminds one unit from the campaign page with a message; the unit's
 * officer signs in, sees the count on the bell in the header, opens it and reads the reminder
 * (screenshot test-results/reminder-bell.png), and marks it read.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openSeedCampaign } from '../lib/campaigns.mjs';
import { signIn } from '../lib/session.mjs';

export const name =
  'the office reminds a unit from the campaign page; its officer sees the count on the bell and reads the reminder (screenshot)';

const SHOT = fileURLToPath(new URL('../../test-results/reminder-bell.png', import.meta.url));
const MESSAGE = 'Đề nghị UBND xã Thạch Hải khẩn trương hoàn thành và gửi bản tự đánh giá trước hạn.';

/** The number on the bell (0 when antd shows no badge). */
async function bellCount(page) {
  const sup = page.getByTestId('notification-bell').locator('sup');
  if ((await sup.count()) === 0) return 0;
  return Number((await sup.first().getAttribute('title')) ?? (await sup.first().innerText()));
}

export async function run({ page, baseUrl }) {
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  await openSeedCampaign(page, baseUrl);
  const panel = page.getByTestId('reminders-panel');
  await panel.scrollIntoViewIfNeeded();
  const form = panel.getByTestId('reminder-form');
  const row = form.locator('tr.ant-table-row').filter({ hasText: 'UBND xã Thạch Hải' });
  await row.waitFor();
  // Only this unit: clear the units chosen already, then tick it.
  await form.getByTestId('reminder-clear-selection').click();
  await row.locator('.ant-checkbox-input').check();
  await form.getByLabel('Nội dung đôn đốc').fill(MESSAGE);
  await form.getByRole('button', { name: /Gửi đôn đốc \(1 đơn vị\)/ }).click();
  await page.getByText('Đã gửi đôn đốc đến 1 đơn vị.').waitFor();
  const sent = panel.getByTestId('reminder-history').locator('tr.ant-table-row').filter({ hasText: MESSAGE });
  await sent.waitFor();
  assert.match(await sent.innerText(), /Thạch Hải/);
  assert.match(await sent.innerText(), /0\/\d+ tài khoản/);

  // The unit's officer: the bell shows the count, and the reminder is under it.
  await page.context().clearCookies();
  await signIn(page, baseUrl, 'canbo.thachhai@thachha.gov.vn');
  const bell = page.getByTestId('notification-bell');
  await bell.locator('sup').waitFor();
  const before = await bellCount(page);
  assert.ok(before >= 1, `the bell counts the reminder (${before})`);
  await bell.click();
  const item = page.getByTestId('notification-item').filter({ hasText: MESSAGE });
  await item.waitFor();
  // The screenshot once the pop-over has finished zooming in.
  await page
    .locator('.ant-popover:visible')
    .evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await page
    .locator('.ant-popover:visible')
    .evaluate(
      (el) => new Promise((resolve) => (/-(appear|enter)\b/.test(el.className) ? setTimeout(resolve, 400) : resolve())),
    );
  assert.match(await item.innerText(), /Đôn đốc: .*Cải cách hành chính/i);
  await page.screenshot({ path: SHOT });
  assert.ok(fs.statSync(SHOT).size > 20_000, 'the screenshot was written');

  await item.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
  // The count goes down by one once the list is read again.
  for (let i = 0; i < 50 && (await bellCount(page)) !== before - 1; i++) await page.waitForTimeout(100);
  assert.equal(await bellCount(page), before - 1);
}
