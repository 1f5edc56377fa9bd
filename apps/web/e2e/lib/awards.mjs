/**
 * Steps shared by the award browser tests: the award pipeline built through the API, as the offices
 * would run it, in functions that each stop at a state — a closed campaign, a submitted, received or
 * approved dossier, an issued award — and the reading of a downloaded DOCX.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import zlib from 'node:zlib';
import { apiAs } from './session.mjs';

/** The demo accounts of Thạch Hà that act on awards. */
export const OFFICE = 'noivu@thachha.gov.vn';
export const OFFICER = 'canbo.thachhai@thachha.gov.vn';
export const HEAD = 'chutich.thachhai@thachha.gov.vn';
export const RECEPTION = 'motcua@thachha.gov.vn';
export const LEADER = 'lanhdao@thachha.gov.vn';
/** Who does what in the pipeline: the standing office, the unit's officer and head, the desk, the leader. */
const THACH_HA = { office: OFFICE, officer: OFFICER, head: HEAD, desk: RECEPTION, leader: LEADER };

/** A minimal but real PDF (the server recognises files by their bytes), for a signed scan. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A date in Vietnam `days` from today, YYYY-MM-DD. */
export const vnDay = (days = 0) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's Thạch Hà: the ids of UBND-TH and XA-THACHHAI, XA-THACHHAI's first person, and the
 * first two people of UBND-TH (a test council's chair and secretary).
 */
export async function thachHa(baseUrl) {
  const { call } = await apiAs(baseUrl, OFFICE);
  const tree = (await call('GET', '/units/tree')).body.items;
  const xa = tree.find((u) => u.code === 'XA-THACHHAI').id;
  const th = tree.find((u) => u.code === 'UBND-TH').id;
  const [person] = (await call('GET', `/people?unitId=${xa}&pageSize=5`)).body.items;
  const [chair, secretary] = (await call('GET', `/people?unitId=${th}&pageSize=5`)).body.items;
  return { th, xa, person, chair, secretary };
}

/**
 * An open campaign leading to Giấy khen (collective and individual, thematic) with one criterion,
 * moved by hand (`followsDates: false`: the job runner leaves it alone). Options: `title`, `number`,
 * `criterion`, `awardTypeIds`, `thematic`, `authorityUnitId`, `participants`, and `who` (the
 * accounts, Thạch Hà's by default) with `unitId` (the unit whose dossiers follow, XA-THACHHAI by
 * default). Resolves with `{ id, title, criterionId, who, unitId }`, which the later steps take.
 */
export async function openAwardCampaign(baseUrl, options = {}) {
  const who = options.who ?? THACH_HA;
  const unitId = options.unitId ?? (await thachHa(baseUrl)).xa;
  const { call } = await apiAs(baseUrl, who.office);
  const title = options.title ?? `Thi đua cải cách hành chính ${Date.now().toString(36)}`;
  const created = await call('POST', '/campaigns', {
    number: options.number ?? '/KH-UBND',
    title,
    ...(options.authorityUnitId ? { authorityUnitId: options.authorityUnitId } : {}),
    startsOn: vnDay(-30),
    endsOn: vnDay(30),
    participants: options.participants ?? { kinds: ['commune'], unitIds: [], individualsTakePart: true },
    followsDates: false,
  });
  const id = created.body.id;
  const criterion = await call('POST', `/campaigns/${id}/criteria`, {
    code: '1.1',
    target: 'collective',
    group: 'specific',
    title: 'Tỷ lệ hồ sơ trực tuyến',
    kind: 'ratio',
    comparator: 'gt',
    threshold: 30,
    ...options.criterion,
  });
  const types = await call('GET', `/campaigns/${id}/award-types`);
  await call(
    'PUT',
    `/campaigns/${id}/award-types`,
    {
      awardTypeIds: options.awardTypeIds ?? ['awt_giay_khen_collective', 'awt_giay_khen_individual'],
      thematic: options.thematic ?? true,
    },
    { 'if-match': types.etag },
  );
  await call('POST', `/campaigns/${id}/open`);
  return { id, title, criterionId: criterion.body.id, who, unitId };
}

/** Closes `campaign`; with `dossierDeadline` (YYYY-MM-DD) sets it afterwards. */
export async function closeCampaign(baseUrl, campaign, { dossierDeadline } = {}) {
  const { call } = await apiAs(baseUrl, campaign.who.office);
  await call('POST', `/campaigns/${campaign.id}/close`);
  if (!dossierDeadline) return;
  const closed = await call('GET', `/campaigns/${campaign.id}`);
  await call('PATCH', `/campaigns/${campaign.id}`, { dossierDeadline }, { 'if-match': closed.etag });
}

/** A closed campaign (see `openAwardCampaign` for the options). */
export async function closedAwardCampaign(baseUrl, options = {}) {
  const campaign = await openAwardCampaign(baseUrl, options);
  await closeCampaign(baseUrl, campaign);
  return campaign;
}

/**
 * In an open campaign of Thạch Hà: XA-THACHHAI enrolled, its self-assessment answered by its officer
 * (62 of 100 on the ratio criterion), submitted by its head, reviewed and accepted by the office.
 */
export async function acceptUnitSelfAssessment(baseUrl, campaign) {
  const office = await apiAs(baseUrl, campaign.who.office);
  const officer = await apiAs(baseUrl, campaign.who.officer);
  const head = await apiAs(baseUrl, campaign.who.head);
  await office.call('POST', `/campaigns/${campaign.id}/enrollments`, {
    unitId: campaign.unitId,
    commitment: 'Cam kết thực hiện.',
  });
  const started = await officer.call('POST', `/campaigns/${campaign.id}/submissions`, {});
  const submissionId = started.body.id;
  await officer.call(
    'PATCH',
    `/submissions/${submissionId}`,
    { answers: [{ criterionId: campaign.criterionId, answer: { numerator: 62, denominator: 100 } }] },
    { 'if-match': started.etag },
  );
  await head.call('POST', `/submissions/${submissionId}/submit`);
  const review = await office.call('GET', `/submissions/${submissionId}/review`);
  const reviewed = await office.call(
    'PATCH',
    `/submissions/${submissionId}/review`,
    {
      criteria: review.body.criteria.map((c) => ({
        criterionId: c.criterionId,
        verdict: c.evaluation.result === 'met' ? 'met' : 'not_met',
      })),
    },
    { 'if-match': review.etag },
  );
  await office.call('POST', `/submissions/${submissionId}/accept`, {}, { 'if-match': reviewed.etag });
}

/**
 * A closed campaign in which XA-THACHHAI's self-assessment was accepted, the dossier deadline two
 * months away (options as for `openAwardCampaign`).
 */
export async function closedCampaignWithAcceptedUnit(baseUrl, options = {}) {
  const campaign = await openAwardCampaign(baseUrl, options);
  await acceptUnitSelfAssessment(baseUrl, campaign);
  await closeCampaign(baseUrl, campaign, { dossierDeadline: vnDay(60) });
  return campaign;
}

/**
 * A dossier of the campaign's unit (`nominee.personId`: of that person) filed by the unit's officer
 * with its three documents as signed PDFs (`<kind>-da-ky.pdf`) and submitted by its head. `nominee`
 * may also give `unitId`, `awardTypeId` (Giấy khen of the nominee's kind by default) and
 * `achievement`. Resolves with the dossier as created.
 */
export async function submittedDossier(baseUrl, campaign, nominee = {}) {
  const officer = await apiAs(baseUrl, campaign.who.officer);
  const head = await apiAs(baseUrl, campaign.who.head);
  const { personId } = nominee;
  const created = await officer.call('POST', `/campaigns/${campaign.id}/dossiers`, {
    nomineeKind: personId ? 'person' : 'unit',
    unitId: nominee.unitId ?? campaign.unitId,
    ...(personId ? { personId } : {}),
    awardTypeId: nominee.awardTypeId ?? (personId ? 'awt_giay_khen_individual' : 'awt_giay_khen_collective'),
    achievement: nominee.achievement ?? 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.',
  });
  const id = created.body.id;
  for (const kind of ['proposal_letter', 'achievement_report', 'meeting_minutes']) {
    const upload = new globalThis.FormData();
    upload.append('file', new globalThis.Blob([PDF], { type: 'application/pdf' }), `${kind}-da-ky.pdf`);
    const file = await officer.call('POST', '/files', upload);
    await officer.call('PUT', `/dossiers/${id}/documents/${kind}`, { fileId: file.body.id });
  }
  await head.call('POST', `/dossiers/${id}/submit`);
  return created.body;
}

/** A submitted dossier (see `submittedDossier`), then received at the desk. */
export async function receivedDossier(baseUrl, campaign, nominee = {}) {
  const dossier = await submittedDossier(baseUrl, campaign, nominee);
  const desk = await apiAs(baseUrl, campaign.who.desk);
  const seen = await desk.call('GET', `/dossiers/${dossier.id}`);
  await desk.call('POST', `/dossiers/${dossier.id}/receive`, {}, { 'if-match': seen.etag });
  return dossier;
}

/**
 * XA-THACHHAI's collective dossier and one for its first person in `campaign`, each brought to its
 * state by `step` (`submittedDossier` by default, or `receivedDossier` …).
 */
export async function unitAndPersonDossiers(baseUrl, campaign, step = submittedDossier) {
  const { person } = await thachHa(baseUrl);
  const unitDossier = await step(baseUrl, campaign, {});
  const personDossier = await step(baseUrl, campaign, { personId: person.id });
  return { unitDossier, personDossier, person };
}

/**
 * A council of the campaign's authority meets on the received `dossierIds`: its chair present and in
 * favour of each, the meeting closed and tallied (so each is approved). `council` gives the
 * `authorityUnitId`, the `chairPersonId` and `secretaryPersonId`, its `name` and the `place` (by
 * default a test council of UBND-TH with the first two of its people).
 */
export async function councilApproves(baseUrl, campaign, dossierIds, council = {}) {
  const { call } = await apiAs(baseUrl, campaign.who.office);
  let { authorityUnitId, chairPersonId, secretaryPersonId } = council;
  if (!authorityUnitId) {
    const town = await thachHa(baseUrl);
    [authorityUnitId, chairPersonId, secretaryPersonId] = [town.th, town.chair.id, town.secretary.id];
  }
  const made = await call('POST', '/councils', {
    authorityUnitId,
    name: council.name ?? 'Hội đồng Thi đua - Khen thưởng (thử nghiệm)',
    term: '2021–2026',
    validFrom: '2021-07-01',
  });
  await call('PUT', `/councils/${made.body.id}/members`, [
    { personId: chairPersonId, role: 'chair' },
    { personId: secretaryPersonId, role: 'secretary' },
  ]);
  const meeting = await call('POST', `/councils/${made.body.id}/meetings`, {
    campaignId: campaign.id,
    heldAt: new Date().toISOString(),
    place: council.place ?? 'Phòng họp số 1, UBND huyện Thạch Hà',
    method: 'show_of_hands',
    chairPersonId,
    secretaryPersonId,
  });
  const m = `/council-meetings/${meeting.body.id}`;
  await call('PUT', `${m}/attendance`, [{ personId: chairPersonId, present: true }]);
  await call('PUT', `${m}/proposals`, { dossierIds });
  await call('POST', `${m}/open-voting`);
  for (const dossierId of dossierIds)
    await call('POST', `${m}/votes`, { dossierId, personId: chairPersonId, choice: 'for' });
  await call('POST', `${m}/close`);
}

/** A received dossier (see `receivedDossier`) approved by a test council of UBND-TH. */
export async function approvedDossier(baseUrl, campaign, nominee = {}) {
  const dossier = await receivedDossier(baseUrl, campaign, nominee);
  await councilApproves(baseUrl, campaign, [dossier.id]);
  return dossier;
}

/**
 * An approved dossier (see `approvedDossier`) awarded: the list posted (its period already over),
 * the decision drafted by the office and issued today by the leader, signing in their own name.
 * Resolves with `{ dossier, decision }`.
 */
export async function issuedAward(baseUrl, campaign, nominee = {}) {
  const dossier = await approvedDossier(baseUrl, campaign, nominee);
  const office = await apiAs(baseUrl, campaign.who.office);
  const leader = await apiAs(baseUrl, campaign.who.leader);
  await office.call('POST', `/campaigns/${campaign.id}/postings`, { startsOn: vnDay(-40) });
  const drafted = await office.call('POST', `/campaigns/${campaign.id}/decisions`, {});
  const fresh = await leader.call('GET', `/decisions/${drafted.body.id}`);
  const issued = await leader.call(
    'POST',
    `/decisions/${drafted.body.id}/issue`,
    { decidedOn: vnDay(0), signerName: 'Nguyễn Văn An', signingCapacity: 'own' },
    { 'if-match': fresh.etag },
  );
  return { dossier, decision: issued.body };
}

/** On a dossier page in an editable state: uploads the minutes (the file at `file`) as a signed scan. */
export async function uploadMinutes(page, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('upload-meeting_minutes').click(),
  ]);
  await chooser.setFiles(file);
  await page.getByTestId('dossier-document-meeting_minutes').getByText(path.basename(file)).waitFor();
}

/** On a dossier page in an editable state: the proposal letter and the achievement report "Soạn tự động" (each downloads). */
export async function draftDocuments(page) {
  for (const kind of ['proposal_letter', 'achievement_report']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`draft-${kind}`).click()]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    await page.getByTestId(`dossier-document-${kind}`).getByText('Bản soạn tự động').waitFor();
  }
}

/**
 * The paragraphs of a DOCX's body (word/document.xml out of the zip, read with Node's zlib), each
 * the concatenation of its runs' text — to read a downloaded document back.
 */
export function docxParagraphs(bytes) {
  const buf = Buffer.from(bytes);
  // The end of central directory record: the last "PK\x05\x06".
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let xml = null;
  for (let i = 0; i < entries; i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (name === 'word/document.xml') {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      xml = (method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
      break;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (xml === null) throw new Error('no word/document.xml in the file');
  const decode = (s) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}
