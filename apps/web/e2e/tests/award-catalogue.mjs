/**
 * The award catalogue: the administrator changes an award type's bonus coefficient and adds a
 * public holiday (which the working-day count then skips); the standing office sets the award
 * types a campaign leads to on its page, and records then lifts a blocker on a unit. Screenshot: apps/web/test-results/award-catalogue.png.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBlankCampaign } from '../lib/campaigns.mjs';
import { apiAs, apiGetAs, openDialog, openDropdown, pickOption, pickUnit, signIn, signOut } from '../lib/session.mjs';

export const name =
  'the administrator edits a bonus coefficient and adds a holiday; the office sets a campaign’s award types and records then lifts a blocker';

const SHOT = fileURLToPath(new URL('../../test-results/award-catalogue.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';

export async function run({ page, baseUrl, admin }) {
  const adminGet = async (path) => (await (await apiAs(baseUrl, admin.email, admin.password)).call('GET', path)).body;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, baseUrl, admin.email, admin.password);

  // ── the coefficient of the provincial Cờ thi đua (a "(verify)" value): 2 → 2,5 ──
  await page.goto(`${baseUrl}/khen-thuong/danh-muc`);
  const cell = page.getByTestId('coefficient-co_thi_dua_tinh');
  await cell.waitFor();
  const dialog = await openDialog(
    page,
    page.getByRole('button', { name: 'Sửa Cờ thi đua của UBND tỉnh' }),
    'Sửa hình thức khen thưởng',
  );
  await dialog.getByText('Giá trị mặc định, cần đối chiếu với quy định hiện hành.').waitFor();
  await dialog.getByLabel('Hệ số tiền thưởng').fill('2.5');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu.').first().waitFor();
  await page.getByTestId('coefficient-co_thi_dua_tinh').filter({ hasText: '2,5' }).waitFor();
  const types = await adminGet('/award-types');
  assert.equal(types.items.find((i) => i.code === 'co_thi_dua_tinh').bonusCoefficient, 2.5);

  // ── the matrix tab shows the district level's powers ending on 30/6/2025 ──
  await page.getByRole('tab', { name: 'Thẩm quyền khen thưởng' }).click();
  await page.getByRole('columnheader', { name: 'Chủ tịch UBND cấp huyện (đến 30/6/2025)' }).waitFor();
  await page.getByRole('button', { name: '01/01/2024 – 30/06/2025' }).first().waitFor();

  // ── a public holiday in 2027: Wed 10 Mar, then 9 → 10 Mar is no working day ──
  await page.getByRole('tab', { name: 'Ngày nghỉ lễ' }).click();
  await pickOption(page, page.getByRole('combobox', { name: 'Năm' }), '2027');
  const add = await openDialog(page, page.getByRole('button', { name: 'Thêm' }).last(), 'Thêm ngày nghỉ lễ');
  const day = add.getByLabel('Ngày', { exact: true });
  await day.click();
  await day.fill('10/03/2027');
  await day.press('Enter');
  await add.getByLabel('Tên ngày nghỉ').fill('Ngày nghỉ bù thử nghiệm');
  await add.getByRole('button', { name: 'Lưu' }).click();
  await page
    .locator('.ant-table-row')
    .filter({ hasText: '10/03/2027' })
    .filter({ hasText: 'Ngày nghỉ bù thử nghiệm' })
    .waitFor();
  const count = await adminGet('/working-days?from=2027-03-09&to=2027-03-10');
  assert.equal(count.workingDays, 0);
  await page.getByRole('tab', { name: 'Hình thức và danh hiệu' }).click();
  await cell.waitFor();
  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SHOT, fullPage: true });
  await signOut(page);

  // ── the office: a new campaign leads to Giấy khen for collectives and individuals, not thematic ──
  await signIn(page, baseUrl, OFFICE);
  await page.goto(`${baseUrl}/khen-thuong/danh-muc`);
  await page.getByText('Bạn chỉ có quyền xem danh mục này; quản trị hệ thống mới được sửa.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Sửa Cờ thi đua của UBND tỉnh' }).count(), 0);

  await createBlankCampaign(page, baseUrl, {
    number: '/KH-UBND',
    title: 'Thi đua khen thưởng thử nghiệm',
    startsOn: '01/03/2027',
    endsOn: '30/06/2027',
  });
  const campaignId = new URL(page.url()).pathname.split('/')[2];
  await page.goto(`${baseUrl}/phong-trao/${campaignId}`);
  const card = page.getByTestId('campaign-awards');
  await card.getByText('Chưa chọn hình thức khen thưởng.').waitFor();
  await card.getByRole('button', { name: 'Sửa' }).click();
  const dropdown = await openDropdown(page, card.locator('.ant-select'));
  await dropdown.locator('.ant-select-item-option').filter({ hasText: 'Giấy khen (tập thể)' }).click();
  await dropdown.locator('.ant-select-item-option').filter({ hasText: 'Giấy khen (cá nhân)' }).click();
  await page.keyboard.press('Escape');
  await card.getByLabel('Phong trào chuyên đề').uncheck();
  await card.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lưu hình thức khen thưởng của phong trào.').waitFor();
  await card.locator('.ant-tag').filter({ hasText: 'Giấy khen (tập thể)' }).waitFor();
  await card.getByText('Không chuyên đề').waitFor();
  const saved = await apiGetAs(baseUrl, OFFICE, `/api/v1/campaigns/${campaignId}/award-types`);
  assert.deepEqual(saved.awardTypeIds, ['awt_giay_khen_collective', 'awt_giay_khen_individual']);
  assert.equal(saved.thematic, false);

  // ── the office records a blocker on a unit, then lifts it (it blocks nothing afterwards) ──
  await page.goto(`${baseUrl}/khen-thuong/vuong-mac`);
  await page.getByText('Không có vướng mắc nào.').waitFor();
  const record = await openDialog(page, page.getByRole('button', { name: 'Ghi nhận vướng mắc' }), 'Ghi nhận vướng mắc');
  await pickUnit(page, record.locator('.ant-select').first(), 'tu phap', 'Phòng Tư pháp');
  await record.getByLabel('Lý do').fill('Đang giải quyết đơn khiếu nại của công dân.');
  await record.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã ghi nhận vướng mắc.').waitFor();
  const row = page.locator('.ant-table-row').filter({ hasText: 'Phòng Tư pháp' });
  await row.getByText('Khiếu nại, tố cáo chưa giải quyết').waitFor();
  const lift = await openDialog(page, row.getByRole('button', { name: 'Gỡ' }), /Gỡ vướng mắc/);
  await lift.getByLabel('Lý do gỡ').fill('Đã giải quyết xong đơn khiếu nại.');
  await lift.getByRole('button', { name: 'Gỡ' }).click();
  await page.getByText('Đã gỡ vướng mắc.').waitFor();
  await page.getByText('Không có vướng mắc nào.').waitFor();
  const blockers = await apiGetAs(baseUrl, OFFICE, '/api/v1/award-blockers?open=true');
  assert.equal(blockers.items.length, 0);
}
