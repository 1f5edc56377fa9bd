/**
 * The council and its vote (issue 9 point 4): quorum met and not met, the threshold counted on ALL
 * voting members (not those present), written votes of absent members, secret ballots that cannot be
 * traced to their voters, one vote per member and proposal, the close that approves and rejects, the
 * minutes read back, and refusals that write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import {
  auditEvents,
  awardTypes,
  ballotsCast,
  councilMeetings,
  councils,
  dossiers,
  users,
  votes,
} from '../../src/db/schema/index.ts';
import { docxParagraphs } from '../campaigns/support.ts';
import { AWARD, closedCampaignWithAcceptedUnit, insertDossier, type AwardCampaign } from '../awards/support.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { councilOfSeven, nomineesOf, plannedMeeting, receivedDossiers, vote, type TestCouncil } from './support.ts';

let t: TestApp;
let c: AwardCampaign;
let council: TestCouncil;
let pool: string[];

beforeAll(async () => {
  t = await createTestApp();
  c = await closedCampaignWithAcceptedUnit(t);
  council = await councilOfSeven(t, c.authorityUnitId);
  pool = await nomineesOf(t, c.unitId);
});
afterAll(() => t.close());

const statusOf = async (id: string) =>
  (await t.database.db.select({ s: dossiers.status }).from(dossiers).where(eq(dossiers.id, id)))[0]!.s;
const rowsIn = async (
  table: typeof votes | typeof councils | typeof auditEvents | typeof ballotsCast | typeof councilMeetings,
) => Number((await t.database.db.select({ n: count() }).from(table))[0]!.n);
const post = async (url: string, who: string = DEMO.secretariat, body: object = {}) =>
  t.api
    .post(url)
    .set('authorization', await t.auth(who))
    .send(body);

describe('a meeting by show of hands: 7 voting members, 5 present', () => {
  let meetingId: string;
  let passing: string;
  let failing: string;
  let present: string[];
  let absent: string[];

  beforeAll(async () => {
    [passing, failing] = (await receivedDossiers(t, c, pool, 2)) as [string, string];
    present = council.voting.slice(0, 5);
    absent = council.voting.slice(5);
    meetingId = await plannedMeeting(t, council, c, { present, dossierIds: [passing, failing] });
  });

  it('puts the received dossiers under review and shows the rules that will apply', async () => {
    expect(await statusOf(passing)).toBe('in_review');
    expect(await statusOf(failing)).toBe('in_review');
    const res = await t.api
      .get(`/api/v1/council-meetings/${meetingId}`)
      .set('authorization', await t.auth(DEMO.leader));
    expect(res.status).toBe(200);
    expect(res.body.rules).toMatchObject({
      frozen: false,
      votingMembers: 7,
      presentMembers: 5,
      quorumRequired: 5,
      quorumMet: true,
      threshold: 0.5,
      thresholdStrict: true,
    });
    expect(res.body.members).toHaveLength(8);
    expect(res.body.members.find((m: { role: string }) => m.role === 'secretary').votes).toBe(false);
    expect(res.body.proposals.map((p: { dossier: { id: string } }) => p.dossier.id)).toEqual([passing, failing]);
    expect(res.body.proposals[0].votesNeeded).toBe(4);
  });

  it('refuses votes before voting opens', async () => {
    const res = await vote(t, meetingId, { dossierId: passing, personId: present[0]!, choice: 'for' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('council.voting_not_open');
  });

  it('opens voting with the quorum met and freezes quorum and threshold', async () => {
    const res = await post(`/api/v1/council-meetings/${meetingId}/open-voting`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('voting');
    expect(res.body.rules).toMatchObject({ frozen: true, quorum: 0.6667, threshold: 0.5, thresholdStrict: true });
    const [row] = await t.database.db.select().from(councilMeetings).where(eq(councilMeetings.id, meetingId));
    expect(row!.quorum).toBe('0.6667');
  });

  it('refuses an absent member voting other than in writing, and the secretary', async () => {
    const auditBefore = await rowsIn(auditEvents);
    const votesBefore = await rowsIn(votes);
    const absentVote = await vote(t, meetingId, { dossierId: passing, personId: absent[0]!, choice: 'for' });
    expect(absentVote.status).toBe(422);
    expect(absentVote.body.code).toBe('council.absent_member');
    const secretary = await vote(t, meetingId, { dossierId: passing, personId: council.secretary, choice: 'for' });
    expect(secretary.status).toBe(422);
    expect(secretary.body.code).toBe('council.not_voting_member');
    expect(await rowsIn(votes)).toBe(votesBefore);
    expect(await rowsIn(auditEvents)).toBe(auditBefore);
  });

  it('records votes: 4 of 7 for one proposal (3 present and 1 absent in writing), 3 of 7 for the other', async () => {
    // passing: 3 present for, 1 absent in writing for, 2 present against → 4/7 = 57 % > 50 %
    for (const [personId, choice] of [
      [present[0], 'for'],
      [present[1], 'for'],
      [present[2], 'against'],
      [present[3], 'against'],
      [present[4], 'for'],
    ] as const) {
      const res = await vote(t, meetingId, { dossierId: passing, personId: personId!, choice });
      expect(res.status, res.text).toBe(201);
    }
    const written = await vote(t, meetingId, {
      dossierId: passing,
      personId: absent[0]!,
      choice: 'for',
      inWriting: true,
    });
    expect(written.status, written.text).toBe(201);
    // failing: 3 for and 2 against of the 5 present (60 % of them), 3/7 = 43 % of all members
    for (const [personId, choice] of [
      [present[0], 'for'],
      [present[1], 'for'],
      [present[2], 'for'],
      [present[3], 'against'],
      [present[4], 'against'],
    ] as const) {
      const res = await vote(t, meetingId, { dossierId: failing, personId: personId!, choice });
      expect(res.status, res.text).toBe(201);
    }
    const tally = written.body.proposals[0];
    expect(tally).toMatchObject({ votesFor: 4, votesAgainst: 2, votesAbstain: 0, passes: true, result: null });
    expect(tally.percentFor).toBeCloseTo(57.14, 2);
  });

  it('refuses a second vote by the same member on the same proposal', async () => {
    const before = await rowsIn(votes);
    const res = await vote(t, meetingId, { dossierId: passing, personId: present[0]!, choice: 'against' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('council.already_voted');
    expect(await rowsIn(votes)).toBe(before);
  });

  it('a member casts their own vote; a non-member with the permission is refused', async () => {
    // The leader's account is the chairman's, who already voted on both: a third dossier is not on the list.
    const notListed = await post(`/api/v1/council-meetings/${meetingId}/my-votes`, DEMO.leader, {
      dossierId: (await insertDossier(t, c, { status: 'received', personId: pool.shift()! })).id,
      choice: 'for',
    });
    expect(notListed.status).toBe(422);
    expect(notListed.body.code).toBe('council.not_a_proposal');
    const again = await post(`/api/v1/council-meetings/${meetingId}/my-votes`, DEMO.leader, {
      dossierId: passing,
      choice: 'for',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('council.already_voted');
    const unitHead = await post(`/api/v1/council-meetings/${meetingId}/my-votes`, DEMO.unitHead, {
      dossierId: passing,
      choice: 'for',
    });
    expect(unitHead.status).toBe(403);
    expect(unitHead.body.code).toBe('council.not_member');
    const staff = await post(`/api/v1/council-meetings/${meetingId}/my-votes`, DEMO.staff, {
      dossierId: passing,
      choice: 'for',
    });
    expect(staff.status).toBe(403);
  });

  it('closes: the threshold is counted on all members, dossiers approved and rejected, minutes numbered', async () => {
    const res = await post(`/api/v1/council-meetings/${meetingId}/close`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('closed');
    expect(res.body.minutesNumber).toMatch(/^\d{2}\/BB-UBND$/);
    const [p, f] = res.body.proposals;
    expect(p).toMatchObject({ votesFor: 4, result: 'passed' });
    expect(f).toMatchObject({ votesFor: 3, votesAgainst: 2, result: 'failed' });
    expect(f.percentFor).toBeCloseTo(42.86, 2);
    expect(await statusOf(passing)).toBe('approved');
    expect(await statusOf(failing)).toBe('rejected');
    const again = await post(`/api/v1/council-meetings/${meetingId}/close`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('council_meeting.illegal_transition');
  });

  it('the minutes DOCX: number, time, place, chair, secretary, present and absent, method, votes and percentages', async () => {
    const meeting = (
      await t.api.get(`/api/v1/council-meetings/${meetingId}`).set('authorization', await t.auth(DEMO.secretariat))
    ).body;
    const res = await t.api
      .get(`/api/v1/council-meetings/${meetingId}/minutes.docx`)
      .set('authorization', await t.auth(DEMO.leader))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = docxParagraphs(res.body as Buffer);
    const all = text.join('\n');
    expect(all).toContain(`Số: ${meeting.minutesNumber}`);
    expect(all).toContain('BIÊN BẢN');
    expect(all).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    expect(all).toContain('Thời gian: 08 giờ 30 phút, ngày 04 tháng 12 năm 2026.');
    expect(all).toContain('Địa điểm: Phòng họp số 1, UBND huyện Thạch Hà.');
    expect(all).toContain(`Chủ trì: ${meeting.chairName}.`);
    expect(all).toContain(`Thư ký: ${meeting.secretaryName}.`);
    expect(all).toContain('Hình thức biểu quyết: giơ tay.');
    expect(all).toContain('Thành viên có mặt: 5/7 thành viên biểu quyết');
    expect(all).toContain('Thành viên vắng mặt: 2');
    expect(all).toContain('(biểu quyết bằng văn bản)');
    const [p, f] = meeting.proposals;
    expect(all).toContain(
      `1. ${p.dossier.nomineeName} - ${p.dossier.awardTypeName}: đồng ý 4/7 (57,14%), không đồng ý 2, không biểu quyết 0. Kết quả: Đạt.`,
    );
    expect(all).toContain(
      `2. ${f.dossier.nomineeName} - ${f.dossier.awardTypeName}: đồng ý 3/7 (42,86%), không đồng ý 2, không biểu quyết 0. Kết quả: Không đạt.`,
    );
    expect(text).toContain('THƯ KÝ');
    expect(text).toContain('CHỦ TRÌ');
  });
});

describe('quorum not met', () => {
  it('refuses to open voting with 4 of 7 present, saying the figures, and changes nothing', async () => {
    const [d] = await receivedDossiers(t, c, pool, 1);
    const meetingId = await plannedMeeting(t, council, c, { present: council.voting.slice(0, 4), dossierIds: [d!] });
    const auditBefore = await rowsIn(auditEvents);
    const res = await t.api
      .post(`/api/v1/council-meetings/${meetingId}/open-voting`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .set('accept-language', 'vi');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('council.no_quorum');
    expect(res.body.detail).toContain('4/7');
    expect(res.body.detail).toContain('ít nhất 5');
    expect(res.body.detail).toContain('2/3');
    const [row] = await t.database.db.select().from(councilMeetings).where(eq(councilMeetings.id, meetingId));
    expect(row!.status).toBe('planned');
    expect(row!.quorum).toBeNull();
    expect(await rowsIn(auditEvents)).toBe(auditBefore);
    // The dossier stays with that meeting: another meeting cannot take it, the leader cannot decide it.
    const decide = await post(`/api/v1/dossiers/${d}/approve`, DEMO.leader, { note: 'Đủ điều kiện.' });
    expect(decide.status).toBe(409);
    expect(decide.body.code).toBe('council.dossier_in_meeting');
  });
});

describe('a secret ballot', () => {
  it('stores votes without the voter, keeps who voted apart, and refuses a second ballot', async () => {
    const [d] = await receivedDossiers(t, c, pool, 1);
    const meetingId = await plannedMeeting(t, council, c, {
      method: 'secret_ballot',
      present: council.voting,
      dossierIds: [d!],
    });
    expect((await post(`/api/v1/council-meetings/${meetingId}/open-voting`)).status).toBe(200);
    const choices = ['for', 'against', 'for', 'abstain', 'for', 'for', 'against'] as const;
    // The chair is the leader's own person: they cast their own ballot; the secretary records the others'.
    const own = await post(`/api/v1/council-meetings/${meetingId}/my-votes`, DEMO.leader, {
      dossierId: d!,
      choice: choices[0],
    });
    expect(own.status, own.text).toBe(201);
    expect(own.body).toEqual({ dossierId: d, personId: null, choice: 'for', inWriting: false });
    for (const [i, personId] of council.voting.entries()) {
      if (i === 0) continue;
      const res = await vote(t, meetingId, { dossierId: d!, personId, choice: choices[i]! });
      expect(res.status, res.text).toBe(201);
    }
    // While the meeting votes, the council's members cannot change (the base of the tally).
    const members = await t.api
      .put(`/api/v1/councils/${council.id}/members`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send([{ personId: council.chair, role: 'chair' }]);
    expect(members.status).toBe(409);
    expect(members.body.code).toBe('council.meeting_in_progress');
    const second = await vote(t, meetingId, { dossierId: d!, personId: council.voting[2]!, choice: 'against' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('council.already_voted');

    const rows = await t.database.db.select().from(votes).where(eq(votes.meetingId, meetingId));
    expect(rows).toHaveLength(7);
    const [meetingRow] = await t.database.db.select().from(councilMeetings).where(eq(councilMeetings.id, meetingId));
    for (const r of rows) {
      expect(r.personId).toBeNull();
      // No time of its own and an id without a time part: nothing orders the votes to match them to ballots_cast.
      expect(r.createdAt.toISOString()).toBe(meetingRow!.heldAt.toISOString());
      expect(r.id).toMatch(/^vt_[0-9a-f]{24}$/);
    }
    const cast = await t.database.db.select().from(ballotsCast).where(eq(ballotsCast.meetingId, meetingId));
    expect(cast.map((b) => b.personId).sort()).toEqual([...council.voting].sort());
    expect(Object.keys(cast[0]!)).not.toContain('choice');
    // The audit says who voted, never how.
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, meetingId));
    const voteEvents = events.filter((x) => ['council_meeting.vote', 'council_meeting.my_vote'].includes(x.action));
    expect(voteEvents).toHaveLength(7);
    for (const e of voteEvents) expect(JSON.stringify(e.after)).not.toContain('choice');
    const view = await t.api
      .get(`/api/v1/council-meetings/${meetingId}`)
      .set('authorization', await t.auth(DEMO.leader));
    expect(view.body.votes.every((v: { personId: string | null }) => v.personId === null)).toBe(true);
    expect(view.body.ballotsCast).toHaveLength(7);
    expect(view.body.proposals[0]).toMatchObject({ votesFor: 4, votesAgainst: 2, votesAbstain: 1, passes: true });
    const closed = await post(`/api/v1/council-meetings/${meetingId}/close`);
    expect(closed.body.proposals[0].result).toBe('passed');
    expect(await statusOf(d!)).toBe('approved');
  });
});

describe("an award type's own higher threshold", () => {
  it('applies to its proposals: 6 of 7 passes at more than 50 % but not at 90 %', async () => {
    await t.database.db
      .update(awardTypes)
      .set({ voteThreshold: '0.9' })
      .where(eq(awardTypes.id, AWARD.laoDongTienTien));
    const plain = await insertDossier(t, c, { status: 'received', personId: pool.shift()! });
    const high = await insertDossier(t, c, {
      status: 'received',
      personId: pool.shift()!,
      awardTypeId: AWARD.laoDongTienTien,
    });
    const meetingId = await plannedMeeting(t, council, c, { present: council.voting, dossierIds: [plain.id, high.id] });
    expect((await post(`/api/v1/council-meetings/${meetingId}/open-voting`)).status).toBe(200);
    for (const dossierId of [plain.id, high.id])
      for (const [i, personId] of council.voting.entries()) {
        const res = await vote(t, meetingId, { dossierId, personId, choice: i < 6 ? 'for' : 'against' });
        expect(res.status, res.text).toBe(201);
      }
    const closed = await post(`/api/v1/council-meetings/${meetingId}/close`);
    const [p, h] = closed.body.proposals;
    expect(p).toMatchObject({ votesFor: 6, threshold: 0.5, thresholdStrict: true, votesNeeded: 4, result: 'passed' });
    expect(h).toMatchObject({ votesFor: 6, threshold: 0.9, thresholdStrict: false, votesNeeded: 7, result: 'failed' });
    expect(await statusOf(high.id)).toBe('rejected');
  });
});

describe('proposals', () => {
  it('takes only received dossiers of the campaign at the authority', async () => {
    const submitted = await insertDossier(t, c, { status: 'submitted', personId: pool.shift()! });
    const meetingId = await plannedMeeting(t, council, c, { present: council.voting, dossierIds: [] });
    const res = await t.api
      .put(`/api/v1/council-meetings/${meetingId}/proposals`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ dossierIds: [submitted.id] });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('council.dossier_not_eligible');
    expect(res.body.errors[0].field).toBe('/dossierIds/0');
    expect(await statusOf(submitted.id)).toBe('submitted');
    const empty = await post(`/api/v1/council-meetings/${meetingId}/open-voting`);
    expect(empty.status).toBe(409);
    expect(empty.body.code).toBe('council.no_proposals');
  });
});

describe('the leader decides a dossier under review outside a meeting', () => {
  it('approves and rejects with a note; the office may not', async () => {
    const [a, b] = [
      await insertDossier(t, c, { status: 'in_review', personId: pool.shift()! }),
      await insertDossier(t, c, { status: 'in_review', personId: pool.shift()! }),
    ];
    const refused = await post(`/api/v1/dossiers/${a.id}/approve`, DEMO.secretariat, { note: 'x' });
    expect(refused.status).toBe(403);
    expect(await statusOf(a.id)).toBe('in_review');
    const ok = await post(`/api/v1/dossiers/${a.id}/approve`, DEMO.leader, { note: 'Thành tích tiêu biểu.' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('approved');
    const no = await post(`/api/v1/dossiers/${b.id}/reject`, DEMO.leader, { note: 'Chưa đủ thành tích.' });
    expect(no.body.status).toBe('rejected');
    const twice = await post(`/api/v1/dossiers/${b.id}/approve`, DEMO.leader, { note: 'x' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('dossier.illegal_transition');
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, a.id));
    expect(JSON.stringify(event!.after)).toContain('Thành tích tiêu biểu.');
  });
});

describe('refusals write nothing', () => {
  const OTHER_SECRETARIAT = 'noivu@thanhsen.hatinh.gov.vn';

  it("unit roles may not read or manage councils; another authority's office gets 404 and 403", async () => {
    // Signed in first: a sign-in is audited, and it is not what is counted here.
    for (const who of [DEMO.unitHead, DEMO.unitOfficer, DEMO.staff, OTHER_SECRETARIAT]) await t.auth(who);
    const before = {
      councils: await rowsIn(councils),
      meetings: await rowsIn(councilMeetings),
      audit: await rowsIn(auditEvents),
    };
    for (const who of [DEMO.unitHead, DEMO.unitOfficer, DEMO.staff]) {
      const read = await t.api.get(`/api/v1/councils/${council.id}`).set('authorization', await t.auth(who));
      expect(read.status).toBe(403);
      const meeting = await post(`/api/v1/councils/${council.id}/meetings`, who, {
        campaignId: c.campaignId,
        heldAt: '2026-12-04T01:30:00.000Z',
        place: 'x',
        method: 'show_of_hands',
        chairPersonId: council.chair,
        secretaryPersonId: council.secretary,
      });
      expect(meeting.status).toBe(403);
    }
    const other = await t.api
      .get(`/api/v1/councils/${council.id}`)
      .set('authorization', await t.auth(OTHER_SECRETARIAT));
    expect(other.status).toBe(404);
    const list = await t.api.get('/api/v1/councils').set('authorization', await t.auth(OTHER_SECRETARIAT));
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(council.id);
    const members = await t.api
      .put(`/api/v1/councils/${council.id}/members`)
      .set('authorization', await t.auth(OTHER_SECRETARIAT))
      .send([]);
    expect(members.status).toBe(404);
    const create = await post('/api/v1/councils', OTHER_SECRETARIAT, {
      authorityUnitId: c.authorityUnitId,
      name: 'Hội đồng khác',
      term: '2021–2026',
      validFrom: '2021-07-01',
    });
    expect(create.status).toBe(403);
    const meeting = await post(`/api/v1/councils/${council.id}/meetings`, OTHER_SECRETARIAT, {
      campaignId: c.campaignId,
      heldAt: '2026-12-04T01:30:00.000Z',
      place: 'x',
      method: 'show_of_hands',
      chairPersonId: council.chair,
      secretaryPersonId: council.secretary,
    });
    expect(meeting.status).toBe(404);
    expect(await rowsIn(councils)).toBe(before.councils);
    expect(await rowsIn(councilMeetings)).toBe(before.meetings);
    expect(await rowsIn(auditEvents)).toBe(before.audit);
    const check = await t.api.get(`/api/v1/councils/${council.id}`).set('authorization', await t.auth(DEMO.leader));
    expect(check.body.members).toHaveLength(8);
  });

  it('refuses two chairs, a person twice and a term ending before it starts', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const twoChairs = await t.api
      .put(`/api/v1/councils/${council.id}/members`)
      .set('authorization', auth)
      .send([
        { personId: council.voting[0], role: 'chair' },
        { personId: council.voting[1], role: 'chair' },
      ]);
    expect(twoChairs.status).toBe(422);
    expect(twoChairs.body.code).toBe('council.one_chair');
    const twice = await t.api
      .put(`/api/v1/councils/${council.id}/members`)
      .set('authorization', auth)
      .send([
        { personId: council.voting[0], role: 'chair' },
        { personId: council.voting[0], role: 'member' },
      ]);
    expect(twice.body.code).toBe('council.duplicate_member');
    const dates = await post('/api/v1/councils', DEMO.secretariat, {
      authorityUnitId: c.authorityUnitId,
      name: 'Hội đồng',
      term: '2026',
      validFrom: '2026-07-01',
      validTo: '2026-01-01',
    });
    expect(dates.status).toBe(422);
    expect(dates.body.code).toBe('council.dates_order');
  });
});

describe('the demo council', () => {
  it("is Thạch Hà's for 2021–2026, chaired by the leader's person, with a secretary who does not vote", async () => {
    const res = await t.api.get('/api/v1/councils?q=2021').set('authorization', await t.auth(DEMO.leader));
    expect(res.status).toBe(200);
    const demo = res.body.items.find(
      (x: { id: string; term: string }) => x.id !== council.id && x.term === '2021–2026',
    );
    expect(demo).toBeDefined();
    expect(demo.authorityName).toBe('UBND huyện Thạch Hà');
    const [leader] = await t.database.db
      .select({ personId: users.personId })
      .from(users)
      .where(eq(users.email, DEMO.leader));
    const chair = demo.members.find((m: { role: string }) => m.role === 'chair');
    expect(chair.personId).toBe(leader!.personId);
    expect(demo.members.find((m: { role: string }) => m.role === 'vice_chair').unitName).toBe('Phòng Nội vụ');
    const secretary = demo.members.find((m: { role: string }) => m.role === 'secretary');
    expect(secretary).toMatchObject({ unitName: 'Phòng Nội vụ', votes: false });
    expect(secretary.position).toMatch(/^Chuyên viên/);
    expect(demo.votingMembers).toBe(7);
  });
});
