/**
 * The seed story to its end, through the API only, as the people of Thạch Hà would run it: the
 * campaign closes; Thạch Hải commune files two dossiers (its collective and one of its staff), each
 * with one document uploaded and two drafted; the desk receives one, returns the other once and
 * receives it again; the council votes (quorum met; one proposal passes, the other does not); the
 * approved list is posted; the leader issues the decision; the DOCX is read back; the register shows
 * the award with its bonus (0.3 × 2,340,000 = 702,000 VND); the public page shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { docxParagraphs, move } from '../campaigns/support.ts';
import { reviewAllCriteria } from '../factories.ts';
import { binary, pdf } from '../files/fixtures.ts';
import { DEMO, createTestApp, type TestApp } from '../helpers.ts';
import { personOf, submittedForReview } from '../submissions/support.ts';
import { AWARD } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field against the contract's shapes
type Res = { status: number; body: any; headers: Record<string, string | undefined>; text: string };

/** One call as a demo account, failing the test with the answer when the status is not the expected one. */
async function call(
  who: string | null,
  method: 'get' | 'post' | 'put' | 'patch',
  url: string,
  body?: unknown,
  opts: { status?: number; etag?: string } = {},
): Promise<Res> {
  let req = t.api[method](url);
  if (who) req = req.set('authorization', await t.auth(who));
  if (opts.etag) req = req.set('if-match', opts.etag);
  const res = (await (body === undefined ? req : req.send(body as object))) as unknown as Res;
  expect(res.status, `${method.toUpperCase()} ${url}: ${res.text}`).toBe(opts.status ?? 200);
  return res;
}

async function uploadPdf(who: string, name: string): Promise<string> {
  const res = await t.api
    .post('/api/v1/files')
    .set('authorization', await t.auth(who))
    .attach('file', pdf(), { filename: name, contentType: 'application/pdf' });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

describe('the seed story, from the closed campaign to the public award', () => {
  it('runs through the API to a decision, the register and the public page', async () => {
    const today = todayInVietnam();
    const { SEC, HEAD, OFFICER, DESK, LEADER } = {
      SEC: DEMO.secretariat,
      HEAD: DEMO.unitHead,
      OFFICER: DEMO.unitOfficer,
      DESK: DEMO.reception,
      LEADER: DEMO.leader,
    };

    // ── the campaign: Thạch Hải's self-assessment accepted, award types named, then closed ──
    const s = await submittedForReview(t);
    const { etag } = await reviewAllCriteria(t, s.id);
    await call(SEC, 'post', `/api/v1/submissions/${s.id}/accept`, {}, { etag });
    const awardTypes = await call(SEC, 'get', `/api/v1/campaigns/${s.campaignId}/award-types`);
    await call(
      SEC,
      'put',
      `/api/v1/campaigns/${s.campaignId}/award-types`,
      { awardTypeIds: [AWARD.giayKhenCollective, AWARD.giayKhenIndividual], thematic: true },
      { etag: awardTypes.headers.etag },
    );
    await move(t, s.campaignId, 'close');
    const campaign = await call(SEC, 'get', `/api/v1/campaigns/${s.campaignId}`);
    await call(
      SEC,
      'patch',
      `/api/v1/campaigns/${s.campaignId}`,
      { dossierDeadline: addDays(campaign.body.endsOn, 30) },
      { etag: campaign.headers.etag },
    );
    const xa = await t.unitId('XA-THACHHAI');
    const personId = await personOf(t, 'XA-THACHHAI');

    // ── Thạch Hải files its dossiers: one document uploaded, two drafted, for each ──
    const collective = await call(
      OFFICER,
      'post',
      `/api/v1/campaigns/${s.campaignId}/dossiers`,
      {
        nomineeKind: 'unit',
        unitId: xa,
        awardTypeId: AWARD.giayKhenCollective,
        achievement: 'Dẫn đầu khối xã về tỷ lệ hồ sơ trực tuyến mức độ 3, 4.',
      },
      { status: 201 },
    );
    const individual = await call(
      OFFICER,
      'post',
      `/api/v1/campaigns/${s.campaignId}/dossiers`,
      {
        nomineeKind: 'person',
        unitId: xa,
        personId,
        awardTypeId: AWARD.giayKhenIndividual,
        achievement: 'Số hóa toàn bộ sổ hộ tịch của xã, trả kết quả trực tuyến.',
      },
      { status: 201 },
    );
    for (const d of [collective.body, individual.body]) {
      const minutes = await uploadPdf(OFFICER, 'Biên bản họp xét thi đua.pdf');
      await call(OFFICER, 'put', `/api/v1/dossiers/${d.id}/documents/meeting_minutes`, { fileId: minutes });
      await call(OFFICER, 'post', `/api/v1/dossiers/${d.id}/documents/proposal_letter/draft`, {});
      const drafted = await call(OFFICER, 'post', `/api/v1/dossiers/${d.id}/documents/achievement_report/draft`, {});
      expect(drafted.body.missingDocuments).toEqual([]);
      expect(drafted.body.documents.map((x: { source: string }) => x.source).sort()).toEqual([
        'drafted',
        'drafted',
        'uploaded',
      ]);
      const submitted = await call(HEAD, 'post', `/api/v1/dossiers/${d.id}/submit`, {});
      expect(submitted.body.status).toBe('submitted');
    }

    // ── the desk: the individual dossier received; the collective one received, returned once, received again ──
    const queue = await call(DESK, 'get', '/api/v1/reception/dossiers');
    const queued = queue.body.items.map((r: { id?: string; dossier?: { id: string } }) => r.dossier?.id ?? r.id);
    expect(queued).toEqual(expect.arrayContaining([collective.body.id, individual.body.id]));

    const receive = async (id: string) => {
      const read = await call(DESK, 'get', `/api/v1/dossiers/${id}`);
      return call(DESK, 'post', `/api/v1/dossiers/${id}/receive`, {}, { etag: read.headers.etag });
    };
    const firstReceipt = (await receive(collective.body.id)).body;
    expect(firstReceipt.status).toBe('received');
    expect(firstReceipt.receiptNumber).toMatch(/^\d{2,}\/TN-UBND$/);
    const returned = await call(
      DESK,
      'post',
      `/api/v1/dossiers/${collective.body.id}/return`,
      { reasons: ['Biên bản họp xét chưa có chữ ký của thư ký.'], note: 'Bổ sung bản ký.' },
      { etag: (await call(DESK, 'get', `/api/v1/dossiers/${collective.body.id}`)).headers.etag },
    );
    expect(returned.body.status).toBe('returned');
    // The unit sees why, uploads the signed minutes and submits again.
    const seen = await call(HEAD, 'get', `/api/v1/dossiers/${collective.body.id}`);
    expect(seen.body.returns[0].reasons).toEqual(['Biên bản họp xét chưa có chữ ký của thư ký.']);
    const signed = await uploadPdf(OFFICER, 'Biên bản họp xét (bản ký).pdf');
    await call(OFFICER, 'put', `/api/v1/dossiers/${collective.body.id}/documents/meeting_minutes`, { fileId: signed });
    await call(HEAD, 'post', `/api/v1/dossiers/${collective.body.id}/submit`, {});
    const again = (await receive(collective.body.id)).body;
    expect(again.status).toBe('received');
    expect(again.receiptNumber).toBe(firstReceipt.receiptNumber);
    const individualReceipt = (await receive(individual.body.id)).body;
    expect(individualReceipt.receiptNumber).not.toBe(firstReceipt.receiptNumber);

    // ── the council of Thạch Hà votes: quorum met; the individual proposal passes, the collective one fails ──
    const councils = await call(SEC, 'get', '/api/v1/councils');
    const council = await call(SEC, 'get', `/api/v1/councils/${councils.body.items[0].id}`);
    const members = council.body.members as { personId: string; role: string }[];
    const voters = members.filter((m) => m.role !== 'secretary');
    const chair = members.find((m) => m.role === 'chair')!;
    const secretary = members.find((m) => m.role === 'secretary')!;
    expect(voters.length).toBeGreaterThanOrEqual(3);
    const meeting = await call(
      SEC,
      'post',
      `/api/v1/councils/${council.body.id}/meetings`,
      {
        campaignId: s.campaignId,
        heldAt: new Date().toISOString(),
        place: 'Hội trường UBND huyện Thạch Hà',
        method: 'show_of_hands',
        chairPersonId: chair.personId,
        secretaryPersonId: secretary.personId,
      },
      { status: 201 },
    );
    const m = `/api/v1/council-meetings/${meeting.body.id}`;
    await call(
      SEC,
      'put',
      `${m}/attendance`,
      voters.map((v) => ({ personId: v.personId, present: true })),
    );
    await call(SEC, 'put', `${m}/proposals`, { dossierIds: [individual.body.id, collective.body.id] });
    await call(SEC, 'post', `${m}/open-voting`, {});
    for (const v of voters) {
      const vote = (dossierId: string, choice: string) =>
        call(SEC, 'post', `${m}/votes`, { dossierId, personId: v.personId, choice }, { status: 201 });
      await vote(individual.body.id, 'for');
      await vote(collective.body.id, 'against');
    }
    const closed = await call(SEC, 'post', `${m}/close`, {});
    expect(closed.body.rules).toMatchObject({ quorumMet: true, votingMembers: voters.length });
    const results = Object.fromEntries(
      (closed.body.proposals as { dossier: { id: string }; result: string }[]).map((p) => [p.dossier.id, p.result]),
    );
    expect(results).toEqual({ [individual.body.id]: 'passed', [collective.body.id]: 'failed' });
    expect((await call(SEC, 'get', `/api/v1/dossiers/${individual.body.id}`)).body.status).toBe('approved');
    expect((await call(SEC, 'get', `/api/v1/dossiers/${collective.body.id}`)).body.status).toBe('rejected');

    // ── the approved list is posted (the period has run: posted 20 days ago) ──
    const posting = await call(
      SEC,
      'post',
      `/api/v1/campaigns/${s.campaignId}/postings`,
      { startsOn: addDays(today, -20) },
      { status: 201 },
    );
    expect(posting.body.endsOn < today).toBe(true);
    const publicPosting = await call(null, 'get', `/api/v1/public/campaigns/${s.campaignId}/posting`);
    expect(JSON.stringify(publicPosting.body)).toContain(individual.body.nomineeName);

    // ── the secretariat drafts, the leader issues ──
    const draft = await call(SEC, 'post', `/api/v1/campaigns/${s.campaignId}/decisions`, {}, { status: 201 });
    const issued = await call(
      LEADER,
      'post',
      `/api/v1/decisions/${draft.body.id}/issue`,
      { decidedOn: today, signerName: 'Trần Văn Hùng', signingCapacity: 'deputy' },
      { etag: draft.headers.etag },
    );
    expect(issued.body.status).toBe('issued');
    expect(issued.body.number).toMatch(/^\d{2,}\/QĐ-UBND$/);
    expect((await call(SEC, 'get', `/api/v1/dossiers/${individual.body.id}`)).body.status).toBe('awarded');

    const docx = await t.api
      .get(`/api/v1/decisions/${draft.body.id}/document.docx`)
      .set('authorization', await t.auth(SEC))
      .buffer(true)
      .parse(binary);
    expect(docx.status).toBe(200);
    const text = docxParagraphs(docx.body as Buffer).join('\n');
    expect(text).toContain(`Số: ${issued.body.number}`);
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(text).toContain('PHÓ CHỦ TỊCH');
    expect(text).toContain('Trần Văn Hùng');
    expect(text).toContain(individual.body.nomineeName);
    expect(text).toContain('702.000');

    // ── the register: the award with its bonus; nothing for the rejected collective ──
    const register = await call(SEC, 'get', `/api/v1/awards?campaignId=${s.campaignId}`);
    expect(register.body.items).toHaveLength(1);
    expect(register.body.items[0]).toMatchObject({
      recipientName: individual.body.nomineeName,
      decisionNumber: issued.body.number,
      amount: 702000,
    });
    const history = await call(HEAD, 'get', `/api/v1/people/${personId}/awards`);
    expect(history.body.items.map((a: { amount: number }) => a.amount)).toEqual([702000]);

    // ── finalized, the campaign's awards are public ──
    await call(LEADER, 'post', `/api/v1/campaigns/${s.campaignId}/finalize`, {});
    const published = await call(null, 'get', `/api/v1/public/campaigns/${s.campaignId}/awards`);
    expect(JSON.stringify(published.body)).toContain(individual.body.nomineeName);
    expect(JSON.stringify(published.body)).toContain(issued.body.number);
  });
});
