/**
 * The council's vote in the browser: Thạch Hải's two dossiers of a closed campaign are received at
 * the desk (through the API); the standing office calls a meeting of the demo council ("Tổ chức
 * cuộc họp"), records attendance (5 of the 7 voting members present), puts both dossiers to it,
 * opens the vote (quorum met); the chair (the leader's account) casts their own votes; the office records the others — 4 of 7 for the collective one, 3 of 7 for the
 * individual one (60 % of those present, 43 % of all members) — closes and tallies: one passes and
 * is approved, the other fails and is rejected. Screenshot of the tally:
 * apps/web/test-results/council-tally.png. The minutes DOCX is downloaded.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEADER, OFFICE, closedAwardCampaign, receivedDossier, unitAndPersonDossiers } from '../lib/awards.mjs';
import { apiGetAs, openDialog, openDropdown, signIn, signOut } from '../lib/session.mjs';

export const name =
  'the office holds a council meeting: attendance, proposals, votes by show of hands, one proposal passes and one fails (screenshot of the tally)';

const SHOT = fileURLToPath(new URL('../../test-results/council-tally.png', import.meta.url));

export async function run({ page, baseUrl }) {
  const campaign = await closedAwardCampaign(baseUrl);
  const { unitDossier, personDossier } = await unitAndPersonDossiers(baseUrl, campaign, receivedDossier);
  const councils = await apiGetAs(baseUrl, OFFICE, '/api/v1/councils');
  // The demo council (the award tests make councils of their own in the same authority and term).
  const council = councils.items.find((c) => c.name === 'Hội đồng Thi đua - Khen thưởng huyện Thạch Hà');
  assert.ok(council, 'the demo council');
  const voters = council.members.filter((m) => m.votes);
  assert.equal(voters.length, 7);

  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, baseUrl, OFFICE);
  await page.getByRole('link', { name: 'Hội đồng thi đua - khen thưởng' }).first().click();
  await page.waitForURL(/\/hoi-dong$/);
  const card = page.getByTestId('council-card').filter({ hasText: council.name }).first();
  await card.getByTestId('council-members').getByText('Thư ký').waitFor();

  // ── "Tổ chức cuộc họp" ──────────────────────────────────────────────────────────────────────
  const dialog = await openDialog(page, card.getByTestId('council-new-meeting'), 'Tổ chức cuộc họp');
  const campaigns = await openDropdown(page, dialog.getByTestId('meeting-campaign'));
  await page.keyboard.type(campaign.title.slice(-12));
  await campaigns.locator('.ant-select-item-option').filter({ hasText: campaign.title }).first().click();
  await dialog.getByTestId('meeting-place').fill('Phòng họp số 1, UBND huyện Thạch Hà');
  await dialog.getByRole('button', { name: /OK|Đồng ý/ }).click();
  await page.waitForURL(/\/hoi-dong\/cuoc-hop\/[^/]+$/);
  const meetingId = page.url().split('/').pop();
  await page.getByTestId('meeting-status').getByText('Chuẩn bị').waitFor();

  // ── Attendance: 5 of 7 present ──────────────────────────────────────────────────────────────
  const present = voters.slice(0, 5);
  const absent = voters.slice(5);
  for (const m of present) await page.getByTestId(`attendance-${m.personId}`).getByText('Có mặt').click();
  for (const m of absent) await page.getByTestId(`attendance-${m.personId}`).getByText('Vắng').click();
  await page.getByTestId('attendance-save').click();
  await page.getByText('Đã lưu điểm danh.').waitFor();

  // ── Proposals: both received dossiers ───────────────────────────────────────────────────────
  const picker = await openDialog(page, page.getByTestId('pick-proposals'), 'Chọn hồ sơ đã tiếp nhận của đợt thi đua');
  await picker.getByTestId(`pick-${unitDossier.id}`).click();
  await picker.getByTestId(`pick-${personDossier.id}`).click();
  await picker.getByRole('button', { name: /OK|Đồng ý/ }).click();
  await page.getByText('Đã cập nhật danh sách hồ sơ đề nghị.').waitFor();
  await page.getByTestId('proposals').getByText('Đang xét', { exact: true }).first().waitFor();
  await page.getByTestId('quorum-tag').getByText('Đủ số thành viên dự họp').waitFor();

  // ── Open the vote ───────────────────────────────────────────────────────────────────────────
  await page.getByTestId('open-voting').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).click();
  await page.getByTestId('meeting-status').getByText('Đang biểu quyết').waitFor();

  // ── The chair (the leader's own account) casts their own votes ──────────────────────────────
  await signOut(page);
  await signIn(page, baseUrl, LEADER);
  await page.goto(`${baseUrl}/hoi-dong/cuoc-hop/${meetingId}`);
  const mine = page.getByTestId('my-votes');
  for (const dossierId of [unitDossier.id, personDossier.id]) {
    const cell = mine.getByTestId(`my-vote-${dossierId}`);
    await cell.getByTestId('vote-for').click();
    await cell.waitFor({ state: 'detached' });
  }
  await signOut(page);
  await signIn(page, baseUrl, OFFICE);
  await page.goto(`${baseUrl}/hoi-dong/cuoc-hop/${meetingId}`);
  await page.getByTestId(`vote-${present[0].personId}-${unitDossier.id}`).waitFor({ state: 'detached' });
  await page.getByTestId('vote-grid').getByText('Đồng ý').first().waitFor();

  // ── Votes: the collective dossier 4 for (one absent in writing), 2 against; the individual 3 for, 2 against ──
  const ballots = [
    [unitDossier.id, present[1], 'for'],
    [unitDossier.id, present[2], 'for'],
    [unitDossier.id, present[3], 'against'],
    [unitDossier.id, present[4], 'against'],
    [unitDossier.id, absent[0], 'for'],
    [personDossier.id, present[1], 'for'],
    [personDossier.id, present[2], 'for'],
    [personDossier.id, present[3], 'against'],
    [personDossier.id, present[4], 'against'],
  ];
  for (const [dossierId, member, choice] of ballots) {
    const cell = page.getByTestId(`vote-${member.personId}-${dossierId}`);
    await cell.getByTestId(`vote-${choice}`).click();
    await cell.waitFor({ state: 'detached' });
  }
  const tally = page.getByTestId('tally');
  await tally.getByText('4/7 · 57,14%').waitFor();
  await tally.getByText('3/7 · 42,86%').waitFor();
  await tally.getByText('Đạt (tạm tính)', { exact: true }).waitFor();
  await tally.getByText('Chưa đạt (tạm tính)').waitFor();

  // ── Close and tally ─────────────────────────────────────────────────────────────────────────
  await page.getByTestId('close-meeting').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).click();
  await page.getByTestId('meeting-status').getByText('Đã kết thúc').waitFor();
  await tally.getByText('Không đạt').waitFor();
  await tally.getByTestId('tally-result').getByText('Đạt', { exact: true }).waitFor();
  await tally.scrollIntoViewIfNeeded();
  fs.mkdirSync(fileURLToPath(new URL('../../test-results/', import.meta.url)), { recursive: true });
  await tally.screenshot({ path: SHOT });
  assert.ok(fs.statSync(SHOT).size > 10_000, 'the screenshot was written');

  const meeting = await apiGetAs(baseUrl, OFFICE, `/api/v1/council-meetings/${meetingId}`);
  assert.equal(meeting.status, 'closed');
  assert.match(meeting.minutesNumber, /^\d{2,}\/BB-UBND$/);
  assert.deepEqual(
    meeting.proposals.map((p) => [p.dossier.id, p.votesFor, p.result]),
    [
      [unitDossier.id, 4, 'passed'],
      [personDossier.id, 3, 'failed'],
    ],
  );
  assert.equal((await apiGetAs(baseUrl, OFFICE, `/api/v1/dossiers/${unitDossier.id}`)).status, 'approved');
  assert.equal((await apiGetAs(baseUrl, OFFICE, `/api/v1/dossiers/${personDossier.id}`)).status, 'rejected');

  // ── The minutes ─────────────────────────────────────────────────────────────────────────────
  const download = page.waitForEvent('download');
  await page.getByTestId('minutes-download').click();
  assert.match((await download).suggestedFilename(), /^bien-ban-hop-hoi-dong-.*BB-UBND\.docx$/);
}
