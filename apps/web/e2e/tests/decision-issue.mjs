/**
 * Public posting and the award decision in the browser. The approved dossier is made through the
 * API as the offices would (a closed campaign leading to Giấy khen, a person's dossier of
 * XA-THACHHAI with its three documents, received, voted by the council). Then: the office publishes
 * the list on "Niêm yết công khai"; a visitor, not signed in, objects through the form on the
 * campaign's public page; the office answers the objection and drafts the decision; the leader
 * opens it, sees the bonus 702.000 đ, and issues it with "Ban hành" — the posting has not ended, so
 * the dialog asks why, and refuses without a reason — as a deputy (KT. CHỦ TỊCH); the number
 * "NN/QĐ-UBND" appears and the DOCX downloads. Screenshot of the issued decision page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEADER, OFFICE, approvedDossier, closedAwardCampaign, thachHa } from '../lib/awards.mjs';
import { apiGetAs, openDialog, signIn, signOut } from '../lib/session.mjs';

export const name =
  'the office posts the list, a visitor objects, the office answers and drafts, the leader issues the decision with a reason for issuing early';

const SHOT = fileURLToPath(new URL('../../test-results/decision-issue.png', import.meta.url));

export async function run({ page, baseUrl }) {
  // XA-THACHHAI's first person's dossier, approved by a council.
  const campaign = await closedAwardCampaign(baseUrl);
  const { person } = await thachHa(baseUrl);
  await approvedDossier(baseUrl, campaign, { personId: person.id });
  const campaignId = campaign.id;
  const personName = person.fullName;

  // The office publishes the list from the campaign's posting page.
  await signIn(page, baseUrl, OFFICE);
  await page.goto(`${baseUrl}/phong-trao/${campaignId}`);
  await page.getByTestId('campaign-decision-links').getByRole('button', { name: 'Niêm yết công khai' }).click();
  await page.waitForURL(/\/niem-yet$/);
  await page.getByRole('heading', { name: 'Niêm yết công khai' }).waitFor();
  await page.getByText('Chưa niêm yết danh sách nào.').waitFor();
  await page.getByTestId('posting-publish').click();
  const period = page.getByTestId('posting-period');
  await period.getByText(/Còn \d+ ngày làm việc/).waitFor();
  await page.locator('tr.ant-table-row').filter({ hasText: personName }).first().waitFor();

  // A visitor, not signed in, objects through the public page's form.
  const visitor = await page.context().browser().newPage();
  try {
    await visitor.goto(`${baseUrl}/cong-khai/phong-trao/${campaignId}`);
    const section = visitor.getByTestId('public-posting');
    await section.getByText('Niêm yết công khai danh sách đề nghị khen thưởng').waitFor();
    await section.locator('tr.ant-table-row').filter({ hasText: personName }).waitFor();
    await section.getByLabel('Họ và tên').fill('Trần Văn Bình');
    await section.getByLabel('Thông tin liên hệ').fill('0912 345 678');
    await section.getByLabel('Nội dung phản ánh').fill('Đề nghị làm rõ kết quả số hóa hồ sơ của cá nhân trong quý IV.');
    await section.getByTestId('objection-submit').click();
    await section.getByTestId('objection-sent').waitFor();
  } finally {
    await visitor.close();
  }

  // The office answers it, then drafts the decision.
  await page.reload();
  const objections = page.getByTestId('objections');
  const objectionRow = objections.locator('tr.ant-table-row').filter({ hasText: 'Trần Văn Bình' });
  await objectionRow.getByText('Chưa trả lời').waitFor();
  const answer = await openDialog(
    page,
    objectionRow.getByRole('button', { name: 'Trả lời' }),
    /Trả lời ý kiến của Trần Văn Bình/,
  );
  await answer
    .getByLabel('Trả lời', { exact: true })
    .fill('Đã xác minh: cá nhân số hóa 1.250 hồ sơ trong quý IV, đúng như báo cáo.');
  await answer.getByRole('button', { name: 'Lưu' }).click();
  await answer.waitFor({ state: 'hidden' });
  await objectionRow.getByText('Đã trả lời').waitFor();
  await page.getByTestId('decision-draft').click();
  await page.waitForURL(/\/quyet-dinh\/qd_/);
  const decisionUrl = page.url();
  await page.getByText('Dự thảo quyết định khen thưởng').waitFor();
  await signOut(page);

  // The leader issues it: the posting is still open, so the reason is asked for.
  await signIn(page, baseUrl, LEADER);
  await page.goto(decisionUrl);
  const awardees = page.getByTestId('awardees');
  const personRow = awardees.locator('tr.ant-table-row').filter({ hasText: personName });
  await personRow.waitFor();
  assert.match((await personRow.innerText()).replace(/\u00a0/g, ' '), /702\.000 đ/);
  assert.equal((await page.getByTestId('awardees-total').innerText()).replace(/\u00a0/g, ' '), '702.000 đ');
  await page.getByText(/Danh sách đang niêm yết công khai đến hết ngày/).waitFor();

  const dialog = await openDialog(page, page.getByTestId('decision-issue'), 'Ban hành quyết định khen thưởng');
  await dialog.getByText(/còn niêm yết công khai đến hết ngày/).waitFor();
  await dialog.getByLabel('Phó Chủ tịch ký thay (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)').check();
  await dialog.getByLabel('Họ và tên người ký').fill('Trần Thị Lan');
  await dialog.getByTestId('issue-confirm').click();
  await dialog.getByText('Hãy ghi lý do.').waitFor();
  await dialog
    .getByLabel('Lý do ban hành trước khi hết thời gian niêm yết')
    .fill('Kịp trao thưởng tại Hội nghị tổng kết; ý kiến phản ánh duy nhất đã được trả lời.');
  await dialog.getByTestId('issue-confirm').click();
  await dialog.waitFor({ state: 'hidden' });

  const heading = page.getByTestId('decision-number');
  await heading.getByText(/^Quyết định số \d{2,}\/QĐ-UBND$/).waitFor();
  await page.getByText('Đã ban hành', { exact: true }).first().waitFor();
  await page.getByText('Kịp trao thưởng tại Hội nghị tổng kết', { exact: false }).waitFor();
  assert.equal(await page.getByTestId('decision-issue').count(), 0);

  // The API agrees: issued, by a deputy, with the reason, and the award written.
  const id = decisionUrl.split('/').pop();
  const d = await apiGetAs(baseUrl, LEADER, `/api/v1/decisions/${id}`);
  assert.equal(d.status, 'issued');
  assert.equal(d.signingCapacity, 'deputy');
  assert.match(d.earlyIssueReason, /Hội nghị tổng kết/);
  assert.equal(d.total, 702000);

  await page.waitForTimeout(300);
  await page.screenshot({ path: SHOT, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decision-docx').click()]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  const bytes = fs.readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX (zip) file');
}
