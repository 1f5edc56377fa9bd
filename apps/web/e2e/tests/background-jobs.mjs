/**
 * The administrator's background jobs page: a draft whose start date has come is opened by the
 * system; one refused by its launch checks (no criteria) shows as a job waiting for its retry, with
 * the reason in words. The runner ticks every 2 s in the browser tests (run.mjs).
 */
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, signIn } from '../lib/session.mjs';

export const name = 'the administrator sees a campaign the system could not open, and why';

export async function run({ page, baseUrl, admin }) {
  const login = await page.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { email: 'noivu@thachha.gov.vn', password: DEMO_PASSWORD },
  });
  const { accessToken } = await login.json();
  const todayInVietnam = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const created = await page.request.post(`${baseUrl}/api/v1/campaigns`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: {
      number: '11/KH-UBND',
      title: 'Thi đua “Ngày thứ Bảy văn minh” (chưa có tiêu chuẩn)',
      startsOn: todayInVietnam,
      endsOn: `${Number(todayInVietnam.slice(0, 4)) + 1}${todayInVietnam.slice(4)}`,
      participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
    },
  });
  assert.equal(created.status(), 201);
  const campaign = await created.json();

  await signIn(page, baseUrl, admin.email, admin.password);
  await page.getByRole('link', { name: 'Tác vụ nền' }).first().click();
  await page.getByRole('heading', { name: 'Tác vụ nền' }).waitFor();
  await page.getByText('Chờ chạy', { exact: true }).first().click(); // the status filter
  const row = page.locator('.ant-table-row').filter({ hasText: campaign.id });
  // The page refreshes itself every 30 s; the runner has tried within a few seconds.
  for (let i = 0; i < 20 && !(await row.count()); i++) {
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await page.waitForTimeout(1000);
  }
  await row.getByText('Mở phong trào theo ngày bắt đầu').waitFor();
  await row.getByText(/campaign\.no_criteria: /).waitFor();
  await row.getByText('1/5').waitFor();
}
