/**
 * The administrator's background jobs page: a draft whose start date has come is opened by the
 * system, and the audit log names the system as its actor; one refused by its launch checks (no
 * criteria) shows as a job waiting for its retry, with the reason. The runner ticks every 2 s in
 * the browser tests (run.mjs).
 */
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, signIn } from '../lib/session.mjs';

export const name =
  'the system opens a campaign on its start date; the administrator sees one it could not open, and why';

export async function run({ page, baseUrl, admin }) {
  const login = await page.request.post(`${baseUrl}/api/v1/auth/login`, {
    data: { email: 'noivu@thachha.gov.vn', password: DEMO_PASSWORD },
  });
  const { accessToken } = await login.json();
  const headers = { Authorization: `Bearer ${accessToken}` };
  const todayInVietnam = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const draft = async (title, more = {}) => {
    const created = await page.request.post(`${baseUrl}/api/v1/campaigns`, {
      headers,
      data: {
        number: '11/KH-UBND',
        title,
        startsOn: todayInVietnam,
        endsOn: `${Number(todayInVietnam.slice(0, 4)) + 1}${todayInVietnam.slice(4)}`,
        participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
        ...more,
      },
    });
    assert.equal(created.status(), 201);
    return created.json();
  };
  const campaign = await draft('Thi đua “Ngày thứ Bảy văn minh” (chưa có tiêu chuẩn)');
  // With the bundled plan's criteria from the start (one request), so that its first try succeeds.
  const ready = await draft('Thi đua “Công sở xanh – sạch – đẹp”', { templateId: 'bundled-cchc-2022' });
  let status = 'draft';
  for (let i = 0; i < 40 && status === 'draft'; i++) {
    await page.waitForTimeout(500);
    status = (await (await page.request.get(`${baseUrl}/api/v1/campaigns/${ready.id}`, { headers })).json()).status;
  }
  assert.equal(status, 'open', 'the system opens the campaign on its start date');

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
  await row.getByText(/^\d\/5$/).waitFor(); // attempts: one, or two on a slow machine

  // The audit log names the system as the one who opened the other campaign.
  await page.getByRole('link', { name: 'Nhật ký hệ thống' }).first().click();
  await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();
  await page.getByLabel('Mã đối tượng').fill(ready.id);
  const opened = page
    .locator('.ant-table-row')
    .filter({ hasText: ready.id })
    .filter({ hasText: 'Phát động phong trào' });
  await opened.getByText('Hệ thống').waitFor();
}
