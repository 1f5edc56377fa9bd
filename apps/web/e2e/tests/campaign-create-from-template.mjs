/**
 * The standing office creates a campaign from the bundled 2022 reform template through the browser
 * and finds the plan's criteria on the new campaign's page, grouped and with their thresholds.
 */
import assert from 'node:assert/strict';
import { openDialog, pickOption, signIn } from '../lib/session.mjs';

export const name = 'secretariat creates a campaign from the bundled template and sees its criteria';

export async function run({ page, baseUrl }) {
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  await page.goto(`${baseUrl}/phong-trao`);
  const dialog = await openDialog(page, page.getByTestId('campaign-create'), 'Tạo phong trào thi đua');
  const form = dialog.getByTestId('create-campaign-form');
  // The bundled template is preselected when it is the only one; choose it explicitly otherwise.
  await pickOption(page, form.getByRole('combobox', { name: /Mẫu kế hoạch/ }), 'Cải cách hành chính năm 2022');
  await form.getByLabel('Số, ký hiệu').fill('/KH-UBND-NV');
  const startsOn = form.getByLabel('Ngày bắt đầu');
  await startsOn.click();
  await startsOn.fill('01/03/2031');
  await startsOn.press('Enter');
  await page.getByRole('button', { name: 'Tạo phong trào' }).last().click();

  // The new draft's page opens.
  await page.waitForURL(/\/phong-trao\/[^/]+$/);
  await page.getByTestId('campaign-page').waitFor();
  const title = await page.getByTestId('campaign-title').innerText();
  assert.match(title, /Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính/);
  assert.match(title, /01\/3\/2031/, `the date range in the title follows the new start date: ${title}`);
  assert.equal(await page.getByTestId('campaign-status').first().innerText(), 'Nháp');

  // Section III of the plan: 1 + 11 collective criteria, 1 + 2 individual ones.
  const rows = (section) => page.getByTestId(`criteria-section-${section}`).locator('tbody tr.ant-table-row');
  await rows('collective-specific').first().waitFor();
  assert.equal(await rows('collective-general').count(), 1);
  assert.equal(await rows('collective-specific').count(), 11);
  assert.equal(await rows('individual-general').count(), 1);
  assert.equal(await rows('individual-specific').count(), 2);

  const row = (section, code) =>
    rows(section).filter({ has: page.locator('td').first().getByText(code, { exact: true }) });
  const threshold = async (section, code) =>
    (await row(section, code).getByTestId('criterion-threshold').innerText()).trim();
  assert.match(
    await row('collective-specific', '1.2.a.8').innerText(),
    /Trên 30 % thủ tục hành chính mức độ 3, mức độ 4 có phát sinh hồ sơ/,
  );
  assert.equal(await threshold('collective-specific', '1.2.a.8'), '> 30%');
  assert.equal(await threshold('collective-specific', '1.2.a.9'), '= 100%');
  assert.equal(await threshold('collective-specific', '1.2.a.4'), '= 100%');
  assert.equal(await threshold('collective-specific', '1.2.a.3'), '≥ 1');
  assert.equal(await threshold('individual-specific', '1.2.b.2'), '≥ 1');
  assert.match(await row('collective-specific', '1.2.a.3').innerText(), /Số sáng kiến, giải pháp mới được công nhận/);
}
