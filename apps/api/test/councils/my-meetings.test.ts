/**
 * The council member's own screen (GET /me/council-meetings): a head of office who holds only
 * unit_head at their office (council.vote, not council.read) sees the meetings of the councils they
 * sit on — not another council's — with each proposal, their own vote (for a secret ballot only that
 * they voted) and, once closed, the result; votes from there once per proposal. A non-member gets an
 * empty list. And voting does not open on a meeting whose time has not come.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvents, ballotsCast, councilMeetings, dossiers, votes } from '../../src/db/schema/index.ts';
import { closedCampaignWithAcceptedUnit, insertDossier, type AwardCampaign } from '../awards/support.ts';
import { uploadDocument } from '../dossiers/support.ts';
import { ACCOUNT_PASSWORD, createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { councilOfSeven, nomineesOf, plannedMeeting, receivedDossiers, vote, type TestCouncil } from './support.ts';

let t: TestApp;
let c: AwardCampaign;
let council: TestCouncil;
let pool: string[];
/** The head of home affairs (a voting member), signed in with unit_head at their office only. */
const HEAD_NV = 'truongphong.noivu.hd@thachha.gov.vn';

beforeAll(async () => {
  t = await createTestApp();
  c = await closedCampaignWithAcceptedUnit(t);
  council = await councilOfSeven(t, c.authorityUnitId);
  pool = await nomineesOf(t, c.unitId);
  const res = await t.api
    .post('/api/v1/users')
    .set('authorization', await t.auth(DEMO.admin))
    .send({
      email: HEAD_NV,
      fullName: 'Trưởng phòng Nội vụ',
      password: ACCOUNT_PASSWORD,
      mustChangePassword: false,
      personId: council.voting[1],
      roles: [{ role: 'unit_head', unitId: await t.unitId('NV') }],
    });
  expect(res.status, res.text).toBe(201);
});
afterAll(() => t.close());

const rowsIn = async (table: typeof votes | typeof ballotsCast | typeof auditEvents) =>
  Number((await t.database.db.select({ n: count() }).from(table))[0]!.n);
const as = async (who: string) => t.auth(who);
const mine = async (who: string) => t.api.get('/api/v1/me/council-meetings').set('authorization', await as(who));
const myVote = async (meetingId: string, body: object, who = HEAD_NV) =>
  t.api
    .post(`/api/v1/council-meetings/${meetingId}/my-votes`)
    .set('authorization', await as(who))
    .send(body);
const open = async (meetingId: string) =>
  t.api.post(`/api/v1/council-meetings/${meetingId}/open-voting`).set('authorization', await as(DEMO.secretariat));

describe("the member's own meetings", () => {
  let shown: string;
  let secret: string;
  let other: string;
  let planned: string;
  let dossierA: string;
  let dossierB: string;
  let secretDossier: string;

  beforeAll(async () => {
    [dossierA, dossierB, secretDossier] = (await receivedDossiers(t, c, pool, 3)) as [string, string, string];
    shown = await plannedMeeting(t, council, c, { present: council.voting, dossierIds: [dossierA, dossierB] });
    secret = await plannedMeeting(t, council, c, {
      method: 'secret_ballot',
      present: council.voting,
      dossierIds: [secretDossier],
    });
    planned = await plannedMeeting(t, council, c, {
      present: council.voting,
      dossierIds: await receivedDossiers(t, c, pool, 1),
    });
    // Another council of the authority, on which the head of home affairs does not sit.
    const [voter, secretary] = [pool.shift()!, pool.shift()!];
    const auth = await as(DEMO.secretariat);
    const oc = await t.api.post('/api/v1/councils').set('authorization', auth).send({
      authorityUnitId: c.authorityUnitId,
      name: 'Hội đồng xét sáng kiến',
      term: '2021–2026',
      validFrom: '2021-07-01',
    });
    expect(oc.status, oc.text).toBe(201);
    const om = await t.api
      .put(`/api/v1/councils/${oc.body.id}/members`)
      .set('authorization', auth)
      .send([
        { personId: voter, role: 'chair' },
        { personId: secretary, role: 'secretary' },
      ]);
    expect(om.status, om.text).toBe(200);
    other = await plannedMeeting(t, { id: oc.body.id, chair: voter, voting: [voter], secretary }, c, {
      present: [voter],
      dossierIds: await receivedDossiers(t, c, pool, 1),
    });
    for (const id of [shown, secret, other]) expect((await open(id)).status).toBe(200);
  });

  it('lists the voting meetings of the councils the member sits on, not planned ones nor another council’s', async () => {
    const res = await mine(HEAD_NV);
    expect(res.status, res.text).toBe(200);
    const ids = res.body.items.map((m: { id: string }) => m.id);
    expect(ids).toContain(shown);
    expect(ids).toContain(secret);
    expect(ids).not.toContain(other);
    expect(ids).not.toContain(planned);
    const m = res.body.items.find((x: { id: string }) => x.id === shown);
    expect(m).toMatchObject({ status: 'voting', role: 'vice_chair', present: true, votingMembers: 7 });
    expect(m.proposals.map((p: { dossier: { id: string } }) => p.dossier.id)).toEqual([dossierA, dossierB]);
    expect(m.proposals[0]).toMatchObject({
      voted: false,
      myChoice: null,
      votesFor: null,
      result: null,
      votesNeeded: 4,
    });
    // The dossier as every screen shows it: nominee, unit, award type, achievement, documents.
    expect(m.proposals[0].dossier).toMatchObject({ id: dossierA, status: 'in_review' });
    expect(m.proposals[0].dossier).toHaveProperty('documents');
    expect(m.proposals[0].dossier).toHaveProperty('achievement');
  });

  it('the member cannot open the meeting page itself (no council.read), only their own list', async () => {
    const page = await t.api.get(`/api/v1/council-meetings/${shown}`).set('authorization', await as(HEAD_NV));
    expect(page.status).toBe(403);
  });

  it('votes once per proposal; the second vote is refused and writes nothing', async () => {
    const first = await myVote(shown, { dossierId: dossierA, choice: 'for' });
    expect(first.status, first.text).toBe(201);
    const before = [await rowsIn(votes), await rowsIn(auditEvents)];
    const again = await myVote(shown, { dossierId: dossierA, choice: 'against' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('council.already_voted');
    expect([await rowsIn(votes), await rowsIn(auditEvents)]).toEqual(before);
    const m = (await mine(HEAD_NV)).body.items.find((x: { id: string }) => x.id === shown);
    expect(m.proposals[0]).toMatchObject({ voted: true, myChoice: 'for', myVoteInWriting: false });
    expect(m.proposals[1]).toMatchObject({ voted: false, myChoice: null });
  });

  it('a secret ballot shows only that the member voted, never the choice', async () => {
    const res = await myVote(secret, { dossierId: secretDossier, choice: 'against' });
    expect(res.status, res.text).toBe(201);
    const before = await rowsIn(ballotsCast);
    const again = await myVote(secret, { dossierId: secretDossier, choice: 'for' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('council.already_voted');
    expect(await rowsIn(ballotsCast)).toBe(before);
    const m = (await mine(HEAD_NV)).body.items.find((x: { id: string }) => x.id === secret);
    expect(m.method).toBe('secret_ballot');
    expect(m.proposals[0]).toMatchObject({ voted: true, myChoice: null, myVoteInWriting: null });
    expect(JSON.stringify(m)).not.toContain('against');
  });

  it('once closed, shows the result and the tally', async () => {
    for (const personId of council.voting.slice(2, 5))
      expect((await vote(t, shown, { dossierId: dossierA, personId, choice: 'for' })).status).toBe(201);
    const closed = await t.api
      .post(`/api/v1/council-meetings/${shown}/close`)
      .set('authorization', await as(DEMO.secretariat));
    expect(closed.status, closed.text).toBe(200);
    const m = (await mine(HEAD_NV)).body.items.find((x: { id: string }) => x.id === shown);
    expect(m.status).toBe('closed');
    expect(m.minutesNumber).toMatch(/\/BB-/);
    expect(m.proposals[0]).toMatchObject({ votesFor: 4, votesAgainst: 0, result: 'passed', myChoice: 'for' });
    expect(m.proposals[1]).toMatchObject({ votesFor: 0, result: 'failed', voted: false });
    const refused = await myVote(shown, { dossierId: dossierB, choice: 'for' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('council.voting_not_open');
  });

  it('a non-member with council.vote gets an empty list; a role without it is refused', async () => {
    const nonMember = await mine(DEMO.unitHead);
    expect(nonMember.status, nonMember.text).toBe(200);
    expect(nonMember.body).toEqual({ items: [] });
    const staff = await mine(DEMO.staff);
    expect(staff.status).toBe(403);
  });
});

describe("the documents of the dossiers put to the member's council", () => {
  it('are readable by the member once the meeting votes, not before', async () => {
    const d = await insertDossier(t, c, { status: 'draft', personId: pool.shift()! });
    const up = await uploadDocument(t, DEMO.unitOfficer, d.id, 'proposal_letter');
    expect(up.status, up.text).toBe(200);
    const fileId = (up.body.documents as { kind: string; file: { id: string } }[]).find(
      (x) => x.kind === 'proposal_letter',
    )!.file.id;
    await t.database.db.update(dossiers).set({ status: 'received' }).where(eq(dossiers.id, d.id));
    const meetingId = await plannedMeeting(t, council, c, { present: council.voting, dossierIds: [d.id] });
    const read = async () => t.api.get(`/api/v1/files/${fileId}/content`).set('authorization', await as(HEAD_NV));
    const before = await read();
    expect(before.status).toBe(404);
    expect((await open(meetingId)).status).toBe(200);
    const after = await read();
    expect(after.status, after.text).toBe(200);
    expect(after.headers['content-type']).toContain('application/pdf');
  });
});

describe('a meeting whose time has not come', () => {
  it('does not open voting (409 council.meeting_in_future, with the date) and changes nothing', async () => {
    const auth = await as(DEMO.secretariat);
    const meetingId = await plannedMeeting(t, council, c, {
      present: council.voting,
      dossierIds: await receivedDossiers(t, c, pool, 1),
    });
    const heldAt = new Date(Date.now() + 2 * 86_400_000);
    heldAt.setUTCHours(1, 30, 0, 0); // 08:30 in Vietnam
    await t.database.db.update(councilMeetings).set({ heldAt }).where(eq(councilMeetings.id, meetingId));
    const audits = await rowsIn(auditEvents);
    const res = await t.api.post(`/api/v1/council-meetings/${meetingId}/open-voting`).set('authorization', auth);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('council.meeting_in_future');
    const vn = new Date(heldAt.getTime() + 7 * 3_600_000).toISOString();
    expect(res.body.detail ?? res.body.title).toContain(`08:30 ${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)}`);
    const [row] = await t.database.db.select().from(councilMeetings).where(eq(councilMeetings.id, meetingId));
    expect(row!.status).toBe('planned');
    expect(row!.quorum).toBeNull();
    expect(await rowsIn(auditEvents)).toBe(audits);
  });
});
