/**
 * The award register in the browser. The award itself is made through the API, step by step as the
 * offices would (a closed campaign leading to Giấy khen, a person's dossier of XA-THACHHAI with its
 * three documents, received at the desk, voted by the council, posted, the
 * decision drafted and issued); then the leader finds it in "Sổ khen thưởng" with its bonus
 * 0.3 × 2.340.000 = 702.000 đ and exports the register as XLSX; the finalized campaign's public page
 * lists it under "Kết quả khen thưởng"; the leader revokes it with a reason.
 */
import assert from 'node:assert/strict';
import { Blob } from 'node:buffer';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, openDialog, signIn } from '../lib/session.mjs';

export const name =
  'the register lists an issued award with its bonus 702.000 đ, exports it as XLSX, and the leader revokes it';

const SHOT = fileURLToPath(new URL('../../test-results/award-register.png', import.meta.url));
const OFFICE = 'noivu@thachha.gov.vn';
const LEADER = 'lanhdao@thachha.gov.vn';
const RECEPTION = 'motcua@thachha.gov.vn';
const UNIT_HEAD = 'chutich.thachhai@thachha.gov.vn';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** A date in Vietnam `days` from today, YYYY-MM-DD. */
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
    const form = new globalThis.FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), fileName);
    const res = await fetch(`${baseUrl}/api/v1/files`, { method: 'POST', headers: auth, body: form });
    if (res.status !== 201) throw new Error(`upload as ${email}: ${res.status} ${await res.text()}`);
    return (await res.json()).id;
  }
  return { call, upload };
}

/** An issued Giấy khen to a person of XA-THACHHAI; resolves with the person's name. */
async function issueAward(baseUrl) {
  const office = await as(baseUrl, OFFICE);
  const leader = await as(baseUrl, LEADER);
  const desk = await as(baseUrl, RECEPTION);
  const head = await as(baseUrl, UNIT_HEAD);
  const tree = (await office.call('GET', '/units/tree')).body.items;
  const xa = tree.find((u) => u.code === 'XA-THACHHAI').id;
  const th = tree.find((u) => u.code === 'UBND-TH').id;

  // A campaign of Thạch Hà leading to Giấy khen, opened and closed.
  const c = await office.call('POST', '/campaigns', {
    number: '/KH-UBND',
    title: `Thi đua khen thưởng thử nghiệm ${Date.now()}`,
    startsOn: vnDay(-7),
    endsOn: vnDay(60),
    participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true },
    // Moved by hand here: the job runner must not open it between the reads and writes below.
    followsDates: false,
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

  // The commune's head files a person's dossier with its three documents and submits it.
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

  // Received at the desk, voted for by the council (one voting member, present).
  const read = await desk.call('GET', `/dossiers/${dossierId}`);
  await desk.call('POST', `/dossiers/${dossierId}/receive`, {}, read.etag);
  const members = (await office.call('GET', `/people?unitId=${th}&pageSize=5`)).body.items;
  const council = await office.call('POST', '/councils', {
    authorityUnitId: th,
    name: 'Hội đồng Thi đua - Khen thưởng (thử nghiệm)',
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

  // Posted (the period is over), drafted and issued: the award is written.
  await office.call('POST', `/campaigns/${campaignId}/postings`, { startsOn: vnDay(-40) });
  const decision = await office.call('POST', `/campaigns/${campaignId}/decisions`, {});
  const fresh = await leader.call('GET', `/decisions/${decision.body.id}`);
  await leader.call(
    'POST',
    `/decisions/${decision.body.id}/issue`,
    { decidedOn: vnDay(0), signerName: 'Nguyễn Văn An', signingCapacity: 'own' },
    fresh.etag,
  );
  await office.call('POST', `/campaigns/${campaignId}/finalize`);
  return { personName: person.fullName, campaignId, xa };
}

export async function run({ page, baseUrl }) {
  const { personName, campaignId, xa } = await issueAward(baseUrl);

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
