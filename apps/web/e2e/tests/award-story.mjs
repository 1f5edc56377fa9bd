/**
 * The seed story to its end in the browser, as the people of Thạch Hà would run it (the API version
 * is apps/api/test/awards/story.test.ts). Prepared through the API: a campaign of Thạch Hà leading
 * to Giấy khen, XA-THACHHAI's self-assessment accepted, the campaign closed with a dossier deadline
 * (`followsDates: false`, so the job runner leaves it alone). Then, in the browser:
 *   1. Thạch Hải's head opens "Hồ sơ khen thưởng", files the collective and an individual dossier,
 *      each with the minutes uploaded as a PDF and the two other documents "Soạn tự động", submits.
 *   2. The desk receives the individual one (receipt number) and returns the collective one with a
 *      reason (screenshot of the queue: test-results/award-story-reception-queue.png); the head
 *      reads the reason, uploads the signed minutes and submits again; the desk receives it.
 *   3. The standing office holds the council's meeting: 5 of 7 voting members present (quorum), both
 *      proposals, the vote — the individual 4/7 (passes), the collective 2/7 (fails) — closed and
 *      tallied (screenshot: test-results/award-story-tally.png).
 *   4. The office posts the approved list and drafts the decision; the leader issues it, giving a
 *      reason for issuing before the posting period ends (screenshot of the decision page:
 *      test-results/award-story-decision.png); the DOCX downloads.
 *   5. "Sổ khen thưởng" shows the award with 702.000 đ; the leader finalizes the campaign
 *      ("Tổng kết") and its public page lists the award.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HEAD,
  LEADER,
  OFFICE,
  PDF,
  RECEPTION,
  closedCampaignWithAcceptedUnit,
  docxParagraphs,
  draftDocuments,
  thachHa,
  uploadMinutes,
  vnDay,
} from '../lib/awards.mjs';
import { apiGetAs, openDialog, openDropdown, signIn, typeDate } from '../lib/session.mjs';

export const name =
  'the seed story in the browser: dossiers filed, received, returned and received again, the council votes, the list is posted, the leader issues the decision, the register and the public page show 702.000 đ';

const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const SHOTS = {
  queue: path.join(RESULTS, 'award-story-reception-queue.png'),
  tally: path.join(RESULTS, 'award-story-tally.png'),
  decision: path.join(RESULTS, 'award-story-decision.png'),
};
const DEMO_COUNCIL = 'Hội đồng Thi đua - Khen thưởng huyện Thạch Hà';

/** The time in Vietnam now, as the meeting form takes it (DD/MM/YYYY HH:mm). */
function vnNow() {
  const [date, time] = new Date(Date.now() + 7 * 3_600_000).toISOString().split('T');
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 5)}`;
}

/** Text of a locator with non-breaking spaces made plain. */
const textOf = async (locator) => (await locator.innerText()).replace(/\u00a0/g, ' ').trim();

/**
 * As the unit head, on the campaign's dossiers: "Lập hồ sơ" for the unit or a person, the minutes
 * uploaded, the proposal letter and the achievement report drafted, "Nộp hồ sơ". Resolves with the id.
 */
async function fileDossier(page, baseUrl, campaignId, { personName, awardType, achievement, minutes }) {
  await page.goto(`${baseUrl}/phong-trao/${campaignId}/ho-so`);
  const dialog = await openDialog(page, page.getByTestId('dossier-create'), 'Lập hồ sơ đề nghị khen thưởng');
  if (personName) {
    await dialog.locator('label.ant-radio-wrapper').filter({ hasText: 'Cá nhân' }).click();
    const people = await openDropdown(page, dialog.getByRole('combobox', { name: 'Cá nhân' }));
    await page.keyboard.type(personName);
    await people.locator('.ant-select-item-option').filter({ hasText: personName }).first().click();
  }
  const types = await openDropdown(page, dialog.getByTestId('dossier-award-type'));
  await types.locator('.ant-select-item-option').filter({ hasText: awardType }).first().click();
  await dialog.getByLabel('Thành tích').fill(achievement);
  await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
  await page.waitForURL(/\/ho-so\/[^/]+$/);
  const dossierId = page.url().split('/').pop();
  await page
    .getByTestId('dossier-nominee')
    .filter({ hasText: personName ?? 'UBND xã Thạch Hải' })
    .waitFor();

  await uploadMinutes(page, minutes);
  await draftDocuments(page);
  await page.getByTestId('dossier-submit').click();
  await page.getByTestId('dossier-status').filter({ hasText: 'Đã nộp' }).first().waitFor();
  return dossierId;
}

/** At the desk, on a submitted dossier: "Tiếp nhận"; resolves with the receipt number shown. */
async function receive(page) {
  await page.getByTestId('receive-button').click();
  await page.getByTestId('receipt-alert').waitFor();
  const number = await textOf(page.getByTestId('receipt-number'));
  assert.match(number, /^\d{2,}\/TN-UBND$/);
  await page.getByTestId('receipt-alert').getByText(`Số tiếp nhận: ${number}`).waitFor();
  return number;
}

export async function run({ page, baseUrl }) {
  const campaign = await closedCampaignWithAcceptedUnit(baseUrl, {
    number: '128/KH-UBND',
    title: `Thi đua cải cách hành chính - trọn quy trình ${Date.now().toString(36)}`,
    criterion: { code: '1.2.a.8', title: 'Trên 30 % thủ tục hành chính mức độ 3, mức độ 4 có phát sinh hồ sơ' },
  });
  const personName = (await thachHa(baseUrl)).person.fullName;
  fs.mkdirSync(RESULTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'award-story-'));
  const pdf = (fileName) => {
    const file = path.join(tmp, fileName);
    fs.writeFileSync(file, PDF);
    return file;
  };

  // Each person at their own desk: one browser context per account, signed in once (the head uses
  // the runner's page). `errors` gathers uncaught page errors of the other contexts.
  const browser = page.context().browser();
  const desks = new Map();
  const extraContexts = [];
  const errors = [];
  let current = page;
  async function deskOf(email) {
    let p = desks.get(email);
    if (!p) {
      if (desks.size === 0) p = page;
      else {
        const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
        context.setDefaultTimeout(15_000);
        extraContexts.push(context);
        p = await context.newPage();
        p.on('pageerror', (err) => errors.push(`${email}: ${err.message}`));
      }
      await p.setViewportSize({ width: 1440, height: 960 });
      await signIn(p, baseUrl, email);
      desks.set(email, p);
    }
    await p.bringToFront();
    current = p;
    return p;
  }

  try {
    // ── 1. Thạch Hải's head files both dossiers ─────────────────────────────────────────────────
    const head = await deskOf(HEAD);
    await head.goto(`${baseUrl}/phong-trao/${campaign.id}`);
    await head.getByTestId('campaign-dossiers-link').click();
    await head.waitForURL(new RegExp(`/phong-trao/${campaign.id}/ho-so$`));
    await head.getByText('Chưa có hồ sơ khen thưởng nào.').waitFor();
    const collectiveId = await fileDossier(head, baseUrl, campaign.id, {
      awardType: 'Giấy khen (tập thể)',
      achievement: 'Dẫn đầu khối xã về tỷ lệ hồ sơ trực tuyến mức độ 3, 4.',
      minutes: pdf('bien-ban-hop-xet-tap-the.pdf'),
    });
    const individualId = await fileDossier(head, baseUrl, campaign.id, {
      personName,
      awardType: 'Giấy khen (cá nhân)',
      achievement: 'Số hóa toàn bộ sổ hộ tịch của xã, trả kết quả trực tuyến.',
      minutes: pdf('bien-ban-hop-xet-ca-nhan.pdf'),
    });
    for (const id of [collectiveId, individualId]) {
      const d = await apiGetAs(baseUrl, HEAD, `/api/v1/dossiers/${id}`);
      assert.equal(d.status, 'submitted');
      assert.deepEqual(d.documents.map((x) => x.source).sort(), ['drafted', 'drafted', 'uploaded']);
    }

    // ── 2. The desk: the individual dossier received, the collective one returned ──────────────
    const desk = await deskOf(RECEPTION);
    await desk.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).first().click();
    await desk.waitForURL(/\/tiep-nhan$/);
    const rows = desk.getByTestId('queue-row').filter({ hasText: campaign.title });
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    await rows.filter({ hasText: personName }).getByText('Đã nộp').waitFor();
    await desk.waitForTimeout(300); // the table's fade-in, for the screenshot
    await desk.screenshot({ path: SHOTS.queue, fullPage: true });

    await rows.filter({ hasText: personName }).getByTestId('queue-open').click();
    await desk.waitForURL(new RegExp(`/tiep-nhan/${individualId}$`));
    const individualReceipt = await receive(desk);

    await desk.getByRole('button', { name: 'Về danh sách tiếp nhận' }).click();
    await desk.waitForURL(/\/tiep-nhan$/);
    await rows.filter({ hasText: personName }).waitFor({ state: 'detached' });
    await rows.filter({ hasText: 'Giấy khen (tập thể)' }).getByTestId('queue-open').click();
    await desk.waitForURL(new RegExp(`/tiep-nhan/${collectiveId}$`));
    const returning = await openDialog(desk, desk.getByTestId('return-button'), 'Trả lại hồ sơ để bổ sung');
    const reason = 'Biên bản họp xét chưa có chữ ký của thư ký cuộc họp.';
    await returning.getByLabel('Lý do 1').fill(reason);
    await returning.getByTestId('return-save').click();
    await returning.waitFor({ state: 'hidden' });
    await desk.getByTestId('dossier-status').filter({ hasText: 'Trả lại bổ sung' }).first().waitFor();

    // The head reads why, uploads the signed minutes and submits again.
    await deskOf(HEAD);
    await head.goto(`${baseUrl}/ho-so/${collectiveId}`);
    await head.getByTestId('dossier-returned').getByText(reason).waitFor();
    await uploadMinutes(head, pdf('bien-ban-hop-xet-ban-ky.pdf'));
    await head.getByTestId('dossier-submit').click();
    await head.getByTestId('dossier-status').filter({ hasText: 'Đã nộp' }).first().waitFor();

    // The desk receives it this time.
    await deskOf(RECEPTION);
    await desk.goto(`${baseUrl}/tiep-nhan`);
    await rows.filter({ hasText: 'Giấy khen (tập thể)' }).getByTestId('queue-open').click();
    await desk.waitForURL(new RegExp(`/tiep-nhan/${collectiveId}$`));
    const collectiveReceipt = await receive(desk);
    assert.notEqual(collectiveReceipt, individualReceipt);

    // ── 3. The council votes: the individual proposal passes, the collective one fails ─────────
    const councils = await apiGetAs(baseUrl, OFFICE, '/api/v1/councils');
    const council = councils.items.find((c) => c.name === DEMO_COUNCIL);
    assert.ok(council, 'the demo council of Thạch Hà');
    const voters = council.members.filter((m) => m.votes);
    assert.equal(voters.length, 7);

    const office = await deskOf(OFFICE);
    await office.getByRole('link', { name: 'Hội đồng thi đua - khen thưởng' }).first().click();
    await office.waitForURL(/\/hoi-dong$/);
    const card = office.getByTestId('council-card').filter({ hasText: DEMO_COUNCIL }).first();
    const meetingDialog = await openDialog(office, card.getByTestId('council-new-meeting'), 'Tổ chức cuộc họp');
    const campaigns = await openDropdown(office, meetingDialog.getByTestId('meeting-campaign'));
    await office.keyboard.type(campaign.title.slice(-12));
    await campaigns.locator('.ant-select-item-option').filter({ hasText: campaign.title }).first().click();
    // Held now (the form proposes tomorrow morning): the minutes and the decision are dated today.
    await typeDate(office, 'Thời gian họp', vnNow());
    await meetingDialog.getByTestId('meeting-place').fill('Hội trường UBND huyện Thạch Hà');
    await meetingDialog.getByRole('button', { name: /OK|Đồng ý/ }).click();
    await office.waitForURL(/\/hoi-dong\/cuoc-hop\/[^/]+$/);
    const meetingId = office.url().split('/').pop();
    await office.getByTestId('meeting-status').getByText('Chuẩn bị').waitFor();

    const present = voters.slice(0, 5);
    const absent = voters.slice(5);
    for (const m of present) await office.getByTestId(`attendance-${m.personId}`).getByText('Có mặt').click();
    for (const m of absent) await office.getByTestId(`attendance-${m.personId}`).getByText('Vắng').click();
    await office.getByTestId('attendance-save').click();
    await office.getByText('Đã lưu điểm danh.').waitFor();

    const picker = await openDialog(
      office,
      office.getByTestId('pick-proposals'),
      'Chọn hồ sơ đã tiếp nhận của đợt thi đua',
    );
    await picker.getByTestId(`pick-${individualId}`).click();
    await picker.getByTestId(`pick-${collectiveId}`).click();
    await picker.getByRole('button', { name: /OK|Đồng ý/ }).click();
    await office.getByText('Đã cập nhật danh sách hồ sơ đề nghị.').waitFor();
    await office.getByTestId('quorum-tag').getByText('Đủ số thành viên dự họp').waitFor();

    await office.getByTestId('open-voting').click();
    await office.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).click();
    await office.getByTestId('meeting-status').getByText('Đang biểu quyết').waitFor();

    // Individual: 4 for, 1 against (4/7 ≥ 50 % of all members); collective: 2 for, 3 against.
    const choices = [
      [individualId, ['for', 'for', 'for', 'for', 'against']],
      [collectiveId, ['for', 'for', 'against', 'against', 'against']],
    ];
    for (const [dossierId, list] of choices)
      for (const [i, choice] of list.entries()) {
        const cell = office.getByTestId(`vote-${present[i].personId}-${dossierId}`);
        await cell.getByTestId(`vote-${choice}`).click();
        await cell.waitFor({ state: 'detached' });
      }
    const tally = office.getByTestId('tally');
    await tally.getByText('4/7 · 57,14%').waitFor();
    await tally.getByText('2/7 · 28,57%').waitFor();

    await office.getByTestId('close-meeting').click();
    await office.getByRole('dialog').getByRole('button', { name: 'Đồng ý' }).click();
    await office.getByTestId('meeting-status').getByText('Đã kết thúc').waitFor();
    await tally.getByTestId('tally-result').getByText('Đạt', { exact: true }).waitFor();
    await tally.getByTestId('tally-result').getByText('Không đạt', { exact: true }).waitFor();
    await tally.scrollIntoViewIfNeeded();
    await tally.screenshot({ path: SHOTS.tally });

    const meeting = await apiGetAs(baseUrl, OFFICE, `/api/v1/council-meetings/${meetingId}`);
    assert.equal(meeting.rules.quorumMet, true);
    assert.equal(
      new Date(Date.parse(meeting.heldAt) + 7 * 3_600_000).toISOString().slice(0, 10),
      vnDay(0),
      'the meeting was held today',
    );
    assert.deepEqual(Object.fromEntries(meeting.proposals.map((p) => [p.dossier.id, p.result])), {
      [individualId]: 'passed',
      [collectiveId]: 'failed',
    });
    assert.equal((await apiGetAs(baseUrl, OFFICE, `/api/v1/dossiers/${individualId}`)).status, 'approved');
    assert.equal((await apiGetAs(baseUrl, OFFICE, `/api/v1/dossiers/${collectiveId}`)).status, 'rejected');

    // ── 4. The list posted, the decision drafted, then issued by the leader ────────────────────
    await office.goto(`${baseUrl}/phong-trao/${campaign.id}/niem-yet`);
    await office.getByRole('heading', { name: 'Niêm yết công khai' }).waitFor();
    await office.getByTestId('posting-publish').click();
    await office
      .getByTestId('posting-period')
      .getByText(/Còn \d+ ngày làm việc/)
      .waitFor();
    await office.locator('tr.ant-table-row').filter({ hasText: personName }).first().waitFor();
    // Only the approved proposal is posted.
    assert.equal(await office.locator('tr.ant-table-row').filter({ hasText: 'Giấy khen (tập thể)' }).count(), 0);
    await office.getByTestId('decision-draft').click();
    await office.waitForURL(/\/quyet-dinh\/qd_/);
    const decisionUrl = office.url();
    await office.getByText('Dự thảo quyết định khen thưởng').waitFor();

    const leader = await deskOf(LEADER);
    await leader.goto(decisionUrl);
    const awardee = leader.getByTestId('awardees').locator('tr.ant-table-row').filter({ hasText: personName });
    await awardee.waitFor();
    assert.match(await textOf(awardee), /702\.000 đ/);
    assert.equal(await textOf(leader.getByTestId('awardees-total')), '702.000 đ');
    const issuing = await openDialog(leader, leader.getByTestId('decision-issue'), 'Ban hành quyết định khen thưởng');
    await issuing.getByLabel('Phó Chủ tịch ký thay (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)').check();
    await issuing.getByLabel('Họ và tên người ký').fill('Trần Văn Hùng');
    await issuing
      .getByLabel('Lý do ban hành trước khi hết thời gian niêm yết')
      .fill('Kịp trao thưởng tại Hội nghị tổng kết phong trào; không có ý kiến phản ánh.');
    await issuing.getByTestId('issue-confirm').click();
    await issuing.waitFor({ state: 'hidden' });
    const number = (await textOf(leader.getByTestId('decision-number'))).replace(/^Quyết định số /, '');
    assert.match(number, /^\d{2,}\/QĐ-UBND$/);
    await leader.getByText('Đã ban hành', { exact: true }).first().waitFor();
    await leader.waitForTimeout(300);
    await leader.screenshot({ path: SHOTS.decision, fullPage: true });
    const [docx] = await Promise.all([leader.waitForEvent('download'), leader.getByTestId('decision-docx').click()]);
    assert.match(docx.suggestedFilename(), /\.docx$/);
    // The DOCX read back: its number, the deputy's signature block, the appendix with the bonus.
    const text = docxParagraphs(fs.readFileSync(await docx.path())).join('\n');
    for (const expected of [`Số: ${number}`, 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Văn Hùng', personName, '702.000'])
      assert.ok(text.includes(expected), `the decision's DOCX has “${expected}”`);
    assert.equal((await apiGetAs(baseUrl, LEADER, `/api/v1/dossiers/${individualId}`)).status, 'awarded');

    // ── 5. The register shows 702.000 đ; the campaign finalized, its public page shows the award ─
    await leader.getByRole('link', { name: 'Sổ khen thưởng' }).first().click();
    await leader.getByRole('heading', { name: 'Sổ khen thưởng' }).waitFor();
    await leader.getByLabel('Tìm theo tên người, tập thể được khen').fill(personName);
    const row = leader.locator('tr.ant-table-row').filter({ hasText: personName }).filter({ hasText: number }).first();
    await row.waitFor();
    assert.equal(await textOf(row.getByTestId('award-amount')), '702.000 đ');

    await leader.goto(`${baseUrl}/phong-trao/${campaign.id}`);
    await leader.getByTestId('action-finalize').click();
    await leader.getByRole('dialog').getByRole('button', { name: 'Tổng kết' }).click();
    await leader.getByText('Đã tổng kết đợt thi đua.').waitFor();

    // Anyone, not signed in, sees it on the campaign's public page.
    const visitor = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    try {
      current = visitor;
      await visitor.goto(`${baseUrl}/cong-khai/phong-trao/${campaign.id}`);
      const section = visitor.getByTestId('public-awards');
      await section.getByText('Kết quả khen thưởng').waitFor();
      await section
        .locator('tr.ant-table-row')
        .filter({ hasText: personName })
        .getByText('Giấy khen', { exact: false })
        .waitFor();
    } finally {
      await visitor.close();
    }
    const published = await (await fetch(`${baseUrl}/api/v1/public/campaigns/${campaign.id}/awards`)).json();
    assert.deepEqual(
      published.items.map((a) => a.recipientName),
      [personName],
    );
    if (errors.length) throw new Error(`uncaught error in a page: ${errors[0]}`);
  } catch (err) {
    // The runner photographs its own page (the head's); photograph the desk where it failed too.
    if (current !== page && !current.isClosed())
      await current
        .screenshot({ path: path.join(RESULTS, 'failed-award-story-current.png'), fullPage: true })
        .catch(() => {});
    throw err;
  } finally {
    for (const context of extraContexts) await context.close().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
