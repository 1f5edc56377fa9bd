/** The audit log: the standing office sees who did what and checks the hash chain. */
export const name = 'the standing office reads the audit log and checks its integrity';

import { signIn } from '../lib/session.mjs';

export async function run({ page, baseUrl }) {
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  await page.getByRole('link', { name: 'Nhật ký hệ thống' }).first().click();
  await page.getByRole('heading', { name: 'Nhật ký hệ thống' }).waitFor();
  await page
    .locator('.ant-table-row')
    .filter({ hasText: 'noivu@thachha.gov.vn' })
    .filter({ hasText: 'Đăng nhập' })
    .first()
    .waitFor();

  // Filtering by text searches actions and actors on the server. The office of Thạch Hà reads the
  // events of its own authority's accounts; installation-wide events (the demo data's loading) are
  // the administrator's.
  const search = page.getByRole('searchbox', { name: 'Tìm theo thao tác hoặc email' });
  await search.fill('auth.login');
  await page.locator('.ant-table-row').filter({ hasText: 'noivu@thachha.gov.vn' }).first().waitFor();
  await search.fill('demo.load');
  await page.locator('.ant-table-row').filter({ hasText: 'Nạp dữ liệu mẫu' }).waitFor({ state: 'detached' });
  await page.locator('.ant-table-placeholder').waitFor();

  await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
  const result = page.getByTestId('audit-verify-result');
  await result.getByText('Nhật ký toàn vẹn').waitFor();
  await result.getByText(/Đã kiểm tra \d+ sự kiện/).waitFor();
}
