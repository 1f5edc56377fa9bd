/**
 * The campaign calendar: a unit officer makes the secret calendar link on the account page, a
 * calendar application fetches it (the seed campaign's deadline is in it), the page then says when
 * it was last fetched; a new link ends the old one, and revoking ends the new one. Screenshot of
 * the card with a new link: apps/web/test-results/calendar-feed.png.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openDialog, signIn } from '../lib/session.mjs';

export const name =
  'a unit officer makes a calendar link for Outlook / Google Calendar, which serves the seed campaign; replacing and revoking it end the old link';

/** The card with a new link, for a look at the layout: apps/web/test-results/calendar-feed.png. */
const SHOT = fileURLToPath(new URL('../../test-results/calendar-feed.png', import.meta.url));

/** Fetches a feed as a calendar application does: no session, the URL is the credential. */
async function fetchFeed(page, url) {
  const res = await page.request.get(url, { failOnStatusCode: false });
  return { status: res.status(), type: res.headers()['content-type'] ?? '', text: await res.text() };
}

export async function run({ page, baseUrl }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, baseUrl, 'canbo.thachhai@thachha.gov.vn');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Lịch công tác' }).click();
  const card = page.getByTestId('calendar-feed-card');
  await card.getByText('Bạn chưa có đường dẫn lịch.').waitFor();
  await card.getByText('Google Calendar (trên máy tính)', { exact: false }).waitFor();

  await card.getByTestId('calendar-feed-create').click();
  const first = (await card.getByTestId('calendar-feed-url').innerText()).trim();
  assert.match(first, /\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await card.getByText('Chưa có ứng dụng lịch nào lấy').waitFor();
  await page.screenshot({ path: SHOT, fullPage: true });

  const feed = await fetchFeed(page, first);
  assert.equal(feed.status, 200);
  assert.equal(feed.type, 'text/calendar; charset=utf-8');
  assert.ok(feed.text.startsWith('BEGIN:VCALENDAR\r\n'), 'an iCalendar file');
  // The seed campaign, in which Xã Thạch Hải takes part (lines may be folded: unfold first).
  assert.match(feed.text.replace(/\r\n[ \t]/g, ''), /SUMMARY:Hạn nộp báo cáo tự đánh giá: .*cải cách hành chính/iu);

  // Back on the page, the link is no longer shown, and the fetch is.
  await page.reload();
  await card.getByText('Đường dẫn lịch của bạn đang hoạt động.').waitFor();
  assert.equal(await card.getByTestId('calendar-feed-url').count(), 0, 'the link is shown once only');
  assert.equal(await card.getByText('Chưa có ứng dụng lịch nào lấy').count(), 0, 'the fetch is shown');

  const rotate = await openDialog(page, card.getByTestId('calendar-feed-rotate'), 'Tạo đường dẫn lịch mới?');
  await rotate.getByRole('button', { name: 'Tạo đường dẫn mới' }).click();
  await rotate.waitFor({ state: 'hidden' });
  const second = (await card.getByTestId('calendar-feed-url').innerText()).trim();
  assert.notEqual(second, first);
  assert.equal((await fetchFeed(page, first)).status, 404, 'the old link stopped working');
  assert.equal((await fetchFeed(page, second)).status, 200);

  const revoke = await openDialog(page, card.getByTestId('calendar-feed-revoke'), 'Thu hồi đường dẫn lịch?');
  await revoke.getByRole('button', { name: 'Thu hồi' }).click();
  await revoke.waitFor({ state: 'hidden' });
  await card.getByText('Bạn chưa có đường dẫn lịch.').waitFor();
  assert.equal((await fetchFeed(page, second)).status, 404, 'the revoked link stopped working');
}
