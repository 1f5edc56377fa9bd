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
import { Blob } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, apiGetAs, openDialog, openDropdown, signIn, signOut } from '../lib/session.mjs';

export const name =
  'the office holds a council meeting: attendance, proposals, votes by show of hands, one proposal passes and one fails (screenshot of the tally)';

const SHOT = fileURLToPath(new URL('../../test-results/council-tally.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const OFFICER = 'canbo.thachhai@thachha.gov.vn';
const HEAD = 'chutich.thachhai@thachha.gov.vn';
const STAFF = 'nhanvien.thachhai@thachha.gov.vn';
const RECEPTION = 'motcua@thachha.gov.vn';
const LEADER = 'lanhdao@thachha.gov.vn';

async function apiAs(baseUrl, email) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status}`);
  const { accessToken, user } = await login.json();
  async function call(method, path, body, headers = {}) {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body && !(body instanceof globalThis.FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body instanceof globalThis.FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} as ${email}: ${res.status} ${text}`);
    return { body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') };
  }
  return { user, call };
}

const vnToday = (days = 0) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A closed campaign of Thạch Hà and XA-THACHHAI's two dossiers, submitted and received at the desk. */
async function twoReceivedDossiers(baseUrl) {
  const office = await apiAs(baseUrl, OFFICE);
  const officer = await apiAs(baseUrl, OFFICER);
  const head = await apiAs(baseUrl, HEAD);
  const staff = await apiAs(baseUrl, STAFF);
  const desk = await apiAs(baseUrl, RECEPTION);
  const xa = officer.user.roles.find((r) => r.unitId).unitId;
  const title = `Thi đua cải cách hành chính - hội đồng ${Date.now().toString(36)}`;
  const c = await office.call('POST', '/campaigns', {
    number: '/KH-UBND',
    title,
    startsOn: vnToday(-30),
    endsOn: vnToday(30),
    participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
  });
  const id = c.body.id;
  await office.call('POST', `/campaigns/${id}/criteria`, {
    code: '1.1',
    target: 'collective',
    group: 'specific',
    title: 'Tỷ lệ hồ sơ trực tuyến',
    kind: 'ratio',
    comparator: 'gt',
    threshold: 30,
  });
  const current = await office.call('GET', `/campaigns/${id}/award-types`);
  await office.call(
    'PUT',
    `/campaigns/${id}/award-types`,
    { awardTypeIds: ['awt_giay_khen_collective', 'awt_giay_khen_individual'], thematic: true },
    { 'if-match': current.etag },
  );
  await office.call('POST', `/campaigns/${id}/open`);
  await office.call('POST', `/campaigns/${id}/close`);
  const made = [];
  for (const nominee of [
    { nomineeKind: 'unit', unitId: xa, awardTypeId: 'awt_giay_khen_collective' },
    { nomineeKind: 'person', unitId: xa, personId: staff.user.personId, awardTypeId: 'awt_giay_khen_individual' },
  ]) {
    const d = await officer.call('POST', `/campaigns/${id}/dossiers`, {
      ...nominee,
      achievement: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.',
    });
    for (const kind of ['proposal_letter', 'achievement_report', 'meeting_minutes']) {
      const upload = new globalThis.FormData();
      upload.append('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}-da-ky.pdf`);
      const file = await officer.call('POST', '/files', upload);
      await officer.call('PUT', `/dossiers/${d.body.id}/documents/${kind}`, { fileId: file.body.id });
    }
    await head.call('POST', `/dossiers/${d.body.id}/submit`);
    const seen = await desk.call('GET', `/dossiers/${d.body.id}`);
    await desk.call('POST', `/dossiers/${d.body.id}/receive`, {}, { 'if-match': seen.etag });
    made.push(d.body);
  }
  return { title, unitDossier: made[0], personDossier: made[1] };
}

export async function run({ page, baseUrl }) {
  const { title, unitDossier, personDossier } = await twoReceivedDossiers(baseUrl);
  const councils = await apiGetAs(baseUrl, OFFICE, '/api/v1/councils');
  const council = councils.items.find((c) => c.term === '2021–2026' && c.authorityName === 'UBND huyện Thạch Hà');
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
  await page.keyboard.type(title.slice(-12));
  await campaigns.locator('.ant-select-item-option').filter({ hasText: title }).first().click();
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
