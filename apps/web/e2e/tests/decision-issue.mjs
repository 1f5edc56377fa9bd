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
/* global Blob, FormData -- Node 20's fetch API, used to upload the dossier's documents */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, openDialog, signIn, signOut } from '../lib/session.mjs';

export const name =
  'the office posts the list, a visitor objects, the office answers and drafts, the leader issues the decision with a reason for issuing early';

const SHOT = fileURLToPath(new URL('../../test-results/decision-issue.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const LEADER = 'lanhdao@thachha.gov.vn';
const RECEPTION = 'motcua@thachha.gov.vn';
const UNIT_HEAD = 'chutich.thachhai@thachha.gov.vn';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

function vnDay(days = 0) {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An API client signed in as `email`. */
async function as(baseUrl, email) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email}: ${login.status}`);
  const { accessToken } = await login.json();
  const auth = { authorization: `Bearer ${accessToken}` };
  async function call(method, path, body, ifMatch) {
    const headers = { ...auth, 'accept-language': 'vi' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch) headers['if-match'] = ifMatch;
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${email}: ${res.status} ${text}`);
    return { body: text ? JSON.parse(text) : null, etag: res.headers.get('etag') };
  }
  async function upload(fileName) {
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), fileName);
    const res = await fetch(`${baseUrl}/api/v1/files`, { method: 'POST', headers: auth, body: form });
    if (res.status !== 201) throw new Error(`upload as ${email}: ${res.status} ${await res.text()}`);
    return (await res.json()).id;
  }
  return { call, upload };
}

/** A closed campaign with one approved person's dossier of XA-THACHHAI; resolves with its id, title and the person's name. */
async function approvedDossier(baseUrl) {
  const office = await as(baseUrl, OFFICE);
  const desk = await as(baseUrl, RECEPTION);
  const head = await as(baseUrl, UNIT_HEAD);
  const tree = (await office.call('GET', '/units/tree')).body.items;
  const xa = tree.find((u) => u.code === 'XA-THACHHAI').id;
  const th = tree.find((u) => u.code === 'UBND-TH').id;

  const title = `Thi đua cải cách hành chính đợt ${Date.now()}`;
  const c = await office.call('POST', '/campaigns', {
    number: '/KH-UBND',
    title,
    startsOn: vnDay(-7),
    endsOn: vnDay(60),
    participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
  });
  const campaignId = c.body.id;
  await office.call('POST', `/campaigns/${campaignId}/criteria`, {
    code: 'CN.1',
    target: 'individual',
    group: 'general',
    title: 'Hoàn thành nhiệm vụ',
    kind: 'boolean',
  });
  const types = await office.call('GET', `/campaigns/${campaignId}/award-types`);
  await office.call(
    'PUT',
    `/campaigns/${campaignId}/award-types`,
    { awardTypeIds: ['awt_giay_khen_individual'], thematic: true },
    types.etag,
  );
  await office.call('POST', `/campaigns/${campaignId}/open`);
  await office.call('POST', `/campaigns/${campaignId}/close`);

  const people = (await head.call('GET', `/people?unitId=${xa}&pageSize=5`)).body.items;
  const person = people[0];
  const dossier = await head.call('POST', `/campaigns/${campaignId}/dossiers`, {
    nomineeKind: 'person',
    unitId: xa,
    personId: person.id,
    awardTypeId: 'awt_giay_khen_individual',
    achievement: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính.',
  });
  const dossierId = dossier.body.id;
  for (const kind of ['proposal_letter', 'achievement_report', 'meeting_minutes'])
    await head.call('PUT', `/dossiers/${dossierId}/documents/${kind}`, { fileId: await head.upload(`${kind}.pdf`) });
  await head.call('POST', `/dossiers/${dossierId}/submit`);
  const read = await desk.call('GET', `/dossiers/${dossierId}`);
  await desk.call('POST', `/dossiers/${dossierId}/receive`, {}, read.etag);

  const members = (await office.call('GET', `/people?unitId=${th}&pageSize=5`)).body.items;
  const council = await office.call('POST', '/councils', {
    authorityUnitId: th,
    name: 'Hội đồng Thi đua - Khen thưởng (thử nghiệm quyết định)',
    term: '2021–2026',
    validFrom: '2021-07-01',
  });
  await office.call('PUT', `/councils/${council.body.id}/members`, [
    { personId: members[0].id, role: 'chair' },
    { personId: members[1].id, role: 'secretary' },
  ]);
  const meeting = await office.call('POST', `/councils/${council.body.id}/meetings`, {
    campaignId,
    heldAt: new Date().toISOString(),
    place: 'Phòng họp số 1, UBND huyện Thạch Hà',
    method: 'show_of_hands',
    chairPersonId: members[0].id,
    secretaryPersonId: members[1].id,
  });
  const meetingId = meeting.body.id;
  await office.call('PUT', `/council-meetings/${meetingId}/attendance`, [{ personId: members[0].id, present: true }]);
  await office.call('PUT', `/council-meetings/${meetingId}/proposals`, { dossierIds: [dossierId] });
  await office.call('POST', `/council-meetings/${meetingId}/open-voting`);
  await office.call('POST', `/council-meetings/${meetingId}/votes`, {
    dossierId,
    personId: members[0].id,
    choice: 'for',
  });
  await office.call('POST', `/council-meetings/${meetingId}/close`);
  return { campaignId, title, personName: person.fullName };
}

export async function run({ page, baseUrl }) {
  const { campaignId, personName } = await approvedDossier(baseUrl);

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
  const leader = await as(baseUrl, LEADER);
  const d = (await leader.call('GET', `/decisions/${id}`)).body;
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
