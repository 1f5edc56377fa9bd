/**
 * The award register in the browser. The award itself is made through the API, step by step as the
 * offices would (a closed campaign leading to Giấy khen, a person's dossier of XA-THACHHAI with its
 * three documents, received at the desk, voted by the council, posted, the
 * decision drafted and issued); then the leader finds it in "Sổ khen thưởng" with its bonus
 * 0.3 × 2.340.000 = 702.000 đ and exports the register as XLSX; the finalized campaign's public page
 * lists it under "Kết quả khen thưởng"; the leader revokes it with a reason.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEADER, OFFICE, closedAwardCampaign, issuedAward, thachHa } from '../lib/awards.mjs';
import { apiAs, openDialog, signIn } from '../lib/session.mjs';

export const name =
  'the register lists an issued award with its bonus 702.000 đ, exports it as XLSX, and the leader revokes it';

const SHOT = fileURLToPath(new URL('../../test-results/award-register.png', import.meta.url));

export async function run({ page, baseUrl }) {
  // A Giấy khen issued to XA-THACHHAI's first person; the campaign finalized.
  const campaign = await closedAwardCampaign(baseUrl);
  const { person, xa } = await thachHa(baseUrl);
  await issuedAward(baseUrl, campaign, { personId: person.id });
  await (await apiAs(baseUrl, OFFICE)).call('POST', `/campaigns/${campaign.id}/finalize`);
  const personName = person.fullName;
  const campaignId = campaign.id;

  await signIn(page, baseUrl, LEADER);
  await page.goto(`${baseUrl}/khen-thuong`);
  await page.getByRole('heading', { name: 'Sổ khen thưởng' }).waitFor();
  // Narrow to the person by name, typed without diacritics.
  const plain = personName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  await page.getByLabel('Tìm theo tên người, tập thể được khen').fill(plain);
  const row = page.locator('tr.ant-table-row').filter({ hasText: personName }).first();
  await row.waitFor();
  assert.equal((await row.getByTestId('award-amount').innerText()).replace(/\u00a0/g, ' '), '702.000 đ');
  await row.getByText('Giấy khen', { exact: false }).first().waitFor();
  await row.getByText(/^Số \d+\/QĐ-UBND ngày \d\d\/\d\d\/\d{4}$/).waitFor();
  await page.locator('.ant-spin-spinning, [aria-busy="true"]').first().waitFor({ state: 'detached' });
  await page.waitForTimeout(400); // the table's fade back in after loading, for the screenshot
  await page.screenshot({ path: SHOT, fullPage: true });

  // The register as XLSX, with the filter applied.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('awards-export').click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX (zip) file');
  assert.ok(bytes.length > 4_000, 'the workbook is not empty');

  // The unit's page shows it in the unit's award history.
  await page.goto(`${baseUrl}/don-vi?id=${xa}`);
  const history = page.getByTestId('award-history-units').locator('tr.ant-table-row').filter({ hasText: personName });
  await history.getByText('Giấy khen', { exact: false }).first().waitFor();
  assert.equal((await history.locator('td').last().innerText()).replace(/\u00a0/g, ' '), '702.000 đ');
  await page.goBack();
  await row.waitFor();

  // Anyone sees it under "Kết quả khen thưởng" of the campaign's public page, without the amount.
  const publicList = async () =>
    (await (await fetch(`${baseUrl}/api/v1/public/campaigns/${campaignId}/awards`)).json()).items;
  assert.deepEqual(
    (await publicList()).map((a) => a.recipientName),
    [personName],
  );
  const visitor = await page.context().browser().newPage();
  try {
    await visitor.goto(`${baseUrl}/cong-khai/phong-trao/${campaignId}`);
    const section = visitor.getByTestId('public-awards');
    await section.getByText('Kết quả khen thưởng').waitFor();
    await section
      .locator('tr.ant-table-row')
      .filter({ hasText: personName })
      .getByText('Giấy khen', { exact: false })
      .waitFor();
    assert.equal(await section.getByText('702.000').count(), 0);
  } finally {
    await visitor.close();
  }

  // The leader revokes it: the reason is required; the row stays, struck through, with the reason.
  const dialog = await openDialog(page, row.getByTestId('revoke-award'), 'Thu hồi khen thưởng');
  await dialog.getByRole('button', { name: 'Thu hồi khen thưởng' }).click();
  await dialog.getByText('Hãy nêu lý do thu hồi.').waitFor();
  await dialog.getByLabel('Lý do thu hồi').fill('Phát hiện kê khai thành tích không trung thực.');
  await dialog.getByRole('button', { name: 'Thu hồi khen thưởng' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await row
    .getByTestId('award-revoked')
    .getByText(/không trung thực/)
    .waitFor();
  assert.equal(await row.getByTestId('revoke-award').count(), 0);
  const struck = (el) =>
    el.ownerDocument.defaultView.getComputedStyle(el.querySelector('del') ?? el).textDecorationLine;
  assert.equal(await row.getByTestId('award-amount').evaluate(struck), 'line-through');
  assert.equal(await row.getByTestId('award-recipient').evaluate(struck), 'line-through');

  // A revoked award leaves the public list.
  assert.deepEqual(await publicList(), []);
}
