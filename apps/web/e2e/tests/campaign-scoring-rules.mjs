/**
 * The standing office sets how a draft scores and ranks ("Chấm điểm và xếp hạng"): the default
 * four bands are there, a band that does not go down is flagged as it is typed, a penalty, four-eyes
 * review and a named group of units are saved, and they are read back after a reload and on the
 * campaign page.
 */
import assert from 'node:assert/strict';
import { createBlankCampaign } from '../lib/campaigns.mjs';
import { pickUnit, signIn } from '../lib/session.mjs';

export const name = 'the office sets penalties, bands, four-eyes and a group of units on a draft';

export async function run({ page, baseUrl }) {
  await signIn(page, baseUrl, 'noivu@thachha.gov.vn');
  await createBlankCampaign(page, baseUrl, {
    number: '09/KH-UBND',
    title: 'Phát động phong trào thi đua xây dựng chính quyền số năm 2033',
    startsOn: '01/03/2033',
    endsOn: '30/09/2033',
  });
  const editorUrl = page.url();
  await page.getByRole('tab', { name: 'Chấm điểm và xếp hạng' }).click();
  const form = page.getByTestId('scoring-form');
  const bands = form.getByTestId('band-row');
  await bands.first().waitFor();
  assert.equal(await bands.count(), 4);

  // "Tốt" at 95 is above "Xuất sắc" at 90: flagged at once, in Vietnamese.
  const tot = bands.nth(1).getByLabel('Điểm tối thiểu');
  await tot.fill('95');
  await form.getByText('Điểm tối thiểu phải thấp hơn mức đứng trên.').waitFor();
  await tot.fill('85');
  await form.getByText('Điểm tối thiểu phải thấp hơn mức đứng trên.').waitFor({ state: 'detached' });

  await form.getByTestId('penalty-open_finding').check();
  await form.getByTestId('penalty-open_finding-points').fill('2');
  await form.getByTestId('require-second-reviewer').click();

  await form.getByTestId('group-add').click();
  const group = form.getByTestId('unit-group').first();
  await group.getByLabel('Tên khối, cụm').fill('Cụm thi đua các xã');
  await pickUnit(page, group.getByRole('combobox'), 'thach hai', 'UBND xã Thạch Hải');
  await page.keyboard.press('Escape');

  const saved = page.waitForResponse((r) => r.url().includes('/api/v1/campaigns/') && r.request().method() === 'PATCH');
  await form.getByTestId('scoring-save').click();
  const res = await saved;
  assert.equal(res.status(), 200, await res.text());
  const body = await res.json();
  assert.deepEqual(body.scoring.penalties, [{ kind: 'open_finding', points: 2 }]);
  assert.equal(body.scoring.bands[1].minPoints, 85);
  assert.equal(body.requireSecondReviewer, true);
  assert.equal(body.unitGroups.length, 1);
  assert.equal(body.unitGroups[0].name, 'Cụm thi đua các xã');
  await page.getByText('Đã lưu cách chấm điểm và xếp hạng.').waitFor();

  // Read back after a reload, on the scoring tab opened from the URL.
  await page.goto(`${editorUrl}?tab=cham-diem`);
  const again = page.getByTestId('scoring-form');
  await again.getByTestId('band-row').first().waitFor();
  assert.equal(await again.getByTestId('penalty-open_finding').isChecked(), true);
  assert.equal(await again.getByTestId('require-second-reviewer').getAttribute('aria-checked'), 'true');
  assert.equal(await again.getByTestId('unit-group').count(), 1);

  // The campaign page shows the rules read-only.
  await page.goto(editorUrl.replace(/\/sua$/, ''));
  await page.getByRole('tab', { name: 'Chấm điểm và xếp hạng' }).click();
  const summary = page.getByTestId('scoring-summary');
  await summary.waitFor();
  const text = await summary.innerText();
  assert.match(text, /Tốt: ≥ 85/);
  assert.match(text, /Trung bình: còn lại/);
  assert.match(text, /Cụm thi đua các xã \(CUM-1\)/);
}
