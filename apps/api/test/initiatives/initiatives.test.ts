/**
 * The initiatives register: a unit or a staff member records an initiative, the standing office
 * records its recognition; recognised initiatives are counted, live, for the derived criterion
 * "recognised initiatives" of the unit's self-assessment, and frozen into it at submit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/db/schema/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { criteriaByCode, demoCampaignId, personOf, uploadPdf, etagOf } from '../submissions/support.ts';
import { makeCommuneTeam, makeSeedCampaign } from '../factories.ts';

let t: TestApp;
let campaignId: string;
let unitId: string;
let staffPersonId: string;
const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  campaignId = await demoCampaignId(t);
  unitId = await t.unitId('XA-THACHHAI');
  const [staff] = await t.database.db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.email, DEMO.staff));
  staffPersonId = staff!.personId!;
});
afterAll(() => t.close());

async function create(who: string, body: Record<string, unknown>) {
  return t.api
    .post('/api/v1/initiatives')
    .set('authorization', await t.auth(who))
    .send(body);
}

async function recognise(id: string, decidedOn = today, who: string = DEMO.secretariat, fileId?: string) {
  return t.api
    .post(`/api/v1/initiatives/${id}/recognise`)
    .set('authorization', await t.auth(who))
    .send({
      authority: 'Hội đồng Sáng kiến huyện Thạch Hà',
      decisionNumber: '1520/QĐ-UBND',
      decidedOn,
      ...(fileId ? { fileId } : {}),
    });
}

describe('recording initiatives', () => {
  it("the unit's officer records one with authors of the unit and a document", async () => {
    const doc = await uploadPdf(t, DEMO.unitOfficer, 'thuyet-minh-sang-kien.pdf');
    const author = await personOf(t, 'XA-THACHHAI', 1);
    const res = await create(DEMO.unitOfficer, {
      title: 'Số hóa hồ sơ hộ tịch',
      summary: 'Quét 4.200 sổ hộ tịch.',
      authorPersonIds: [author],
      campaignId,
      fileIds: [doc],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      unitId,
      unitCode: 'XA-THACHHAI',
      campaignId,
      status: 'registered',
      recognition: null,
    });
    const campaign = await t.api
      .get(`/api/v1/campaigns/${campaignId}`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(res.body.year).toBe(campaign.body.year);
    expect(res.body.authors.map((a: { personId: string }) => a.personId)).toEqual([author]);
    expect(res.body.files.map((f: { id: string }) => f.id)).toEqual([doc]);
  });

  it('refuses an author from another unit, another unit, and a status sent by the client', async () => {
    const foreign = await create(DEMO.unitOfficer, { title: 'X', authorPersonIds: [await personOf(t, 'TP')] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('initiative.author_not_in_unit');
    expect(foreign.body.errors[0].field).toBe('/authorPersonIds/0');
    const other = await create(DEMO.unitOfficer, {
      unitId: await t.unitId('TP'),
      title: 'X',
      authorPersonIds: [await personOf(t, 'TP')],
    });
    expect(other.status).toBe(403);
    const status = await create(DEMO.unitOfficer, {
      title: 'X',
      authorPersonIds: [await personOf(t, 'XA-THACHHAI')],
      status: 'recognised',
    });
    expect(status.status).toBe(400);
    const office = await create(DEMO.secretariat, { title: 'X', authorPersonIds: [await personOf(t, 'XA-THACHHAI')] });
    expect(office.status).toBe(400);
    expect(office.body.code).toBe('initiative.unit_required');
  });

  it('a staff member records one only among its authors, and sees only their own', async () => {
    // A commune of its own, so that the counts are this test's alone; its officer records one first.
    const team = await makeCommuneTeam(t);
    const unitOwn = await create(team.officer.email, { title: 'Một cửa số', authorPersonIds: [team.otherPerson.id] });
    expect(unitOwn.status, unitOwn.text).toBe(201);
    const without = await create(team.staff.email, {
      title: 'Sổ tay TTHC',
      authorPersonIds: [team.otherPerson.id],
    });
    expect(without.status).toBe(400);
    expect(without.body.code).toBe('initiative.author_self_required');
    const mine = await create(team.staff.email, {
      title: 'Sổ tay hướng dẫn thủ tục hành chính cho người dân',
      authorPersonIds: [team.staffPerson.id],
    });
    expect(mine.status, mine.text).toBe(201);
    const list = await t.api.get('/api/v1/initiatives').set('authorization', team.staff.auth);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([mine.body.id]);
    expect(list.body.total).toBe(1);
    // The unit sees both.
    const unit = await t.api.get('/api/v1/initiatives').set('authorization', team.head.auth);
    expect(unit.body.total).toBe(2);
  });

  it('an author or the unit changes it with If-Match; a stale ETag is 412; the unit never changes', async () => {
    const own = (
      await create(DEMO.staff, {
        title: 'Sổ tay hướng dẫn thủ tục hành chính cho người dân',
        authorPersonIds: [staffPersonId],
      })
    ).body;
    const read = await t.api.get(`/api/v1/initiatives/${own.id}`).set('authorization', await t.auth(DEMO.staff));
    const ok = await t.api
      .patch(`/api/v1/initiatives/${own.id}`)
      .set('authorization', await t.auth(DEMO.staff))
      .set('if-match', etagOf(read))
      .send({ summary: 'Phát hành 2.000 cuốn.' });
    expect(ok.status, ok.text).toBe(200);
    const stale = await t.api
      .patch(`/api/v1/initiatives/${own.id}`)
      .set('authorization', await t.auth(DEMO.unitHead))
      .set('if-match', etagOf(read))
      .send({ summary: 'Khác' });
    expect(stale.status).toBe(412);
    const moveUnit = await t.api
      .patch(`/api/v1/initiatives/${own.id}`)
      .set('authorization', await t.auth(DEMO.unitHead))
      .set('if-match', etagOf(ok))
      .send({ unitId: await t.unitId('TP') });
    expect(moveUnit.status).toBe(400);
  });
});

describe('recognition and the derived criterion', () => {
  /**
   * What each test starts from: a commune of its own (the criterion counts the unit's recognised
   * initiatives, whichever campaign they were entered for), enrolled in a campaign of its own, its
   * self-assessment started, and one initiative of the unit entered for the campaign, not recognised.
   */
  async function setup() {
    const team = await makeCommuneTeam(t);
    const { id: campaignId } = await makeSeedCampaign(t, { enrol: [team.unit.code] });
    const started = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', team.officer.auth)
      .send({});
    expect(started.status, started.text).toBe(201);
    const submissionId = started.body.id as string;
    /** An initiative of the unit, entered for the campaign unless `campaign` is null. */
    const record = async (title: string, campaign: string | null = campaignId) => {
      const res = await create(team.officer.email, {
        title,
        authorPersonIds: [team.otherPerson.id],
        ...(campaign ? { campaignId: campaign } : {}),
      });
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    const initiativeId = await record('Trả kết quả TTHC qua Zalo');
    const answer13 = async () => {
      const res = await t.api.get(`/api/v1/submissions/${submissionId}`).set('authorization', team.officer.auth);
      return res.body.answers.find((a: { code: string }) => a.code === '1.2.a.3');
    };
    return { team, campaignId, submissionId, initiativeId, record, answer13 };
  }

  it('nothing recognised yet: the criterion (at least 1) is not met, with 0 counted', async () => {
    const { answer13 } = await setup();
    expect(await answer13()).toMatchObject({
      answer: { value: 0 },
      evaluation: { result: 'not_met', reason: 'threshold_not_met', measured: 0 },
      derived: { source: 'recognised_initiatives_count', recordIds: [] },
    });
  });

  it('only the office recognises it, once; the decision is attached and the unit reads it', async () => {
    const { team, initiativeId } = await setup();
    expect((await recognise(initiativeId, today, team.head.email)).status).toBe(403);
    const decision = await uploadPdf(t, DEMO.secretariat, 'quyet-dinh-cong-nhan.pdf');
    const res = await recognise(initiativeId, today, DEMO.secretariat, decision);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'recognised',
      recognition: {
        authority: 'Hội đồng Sáng kiến huyện Thạch Hà',
        decisionNumber: '1520/QĐ-UBND',
        decidedOn: today,
        recognisedByName: 'Chuyên viên Phòng Nội vụ',
      },
    });
    expect(res.body.recognition.file.id).toBe(decision);
    expect((await t.api.get(`/api/v1/files/${decision}/content`).set('authorization', team.officer.auth)).status).toBe(
      200,
    );
    const again = await recognise(initiativeId);
    expect(again.status).toBe(409);
    const read = await t.api.get(`/api/v1/initiatives/${initiativeId}`).set('authorization', team.officer.auth);
    const patch = await t.api
      .patch(`/api/v1/initiatives/${initiativeId}`)
      .set('authorization', team.officer.auth)
      .set('if-match', etagOf(read))
      .send({ title: 'Đổi' });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('initiative.not_editable');
  });

  it('the recognised initiative shows up in the self-assessment without retyping: met', async () => {
    const { team, initiativeId, answer13 } = await setup();
    expect((await recognise(initiativeId)).status).toBe(200);
    expect(await answer13()).toMatchObject({
      answer: { value: 1 },
      evaluation: { result: 'met', measured: 1 },
      derived: { recordIds: [initiativeId] },
    });
    const list = await t.api
      .get(`/api/v1/initiatives?status=recognised&unitId=${team.unit.id}`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(list.body.recognisedCount).toBe(1);
  });

  it("an initiative entered for no campaign counts only when recognised within the campaign's period", async () => {
    const { campaignId, initiativeId, record, answer13 } = await setup();
    expect((await recognise(initiativeId)).status).toBe(200);
    const old = await record('Sáng kiến năm trước', null);
    const campaign = await t.api
      .get(`/api/v1/campaigns/${campaignId}`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect((await recognise(old, addDays(campaign.body.startsOn, -30))).status).toBe(200);
    expect((await answer13()).answer).toEqual({ value: 1 });
    const inside = await record('Sáng kiến trong đợt', null);
    expect((await recognise(inside, today)).status).toBe(200);
    expect((await answer13()).answer).toEqual({ value: 2 });
  });

  it('the value is frozen into the submitted version: a later recognition does not change what was sent', async () => {
    const { team, campaignId, submissionId, initiativeId, record, answer13 } = await setup();
    // Two recognised in the campaign's period before the unit submits.
    expect((await recognise(initiativeId)).status).toBe(200);
    expect((await recognise(await record('Sáng kiến trong đợt'))).status).toBe(200);
    const crit = await criteriaByCode(t, campaignId);
    const read = await t.api.get(`/api/v1/submissions/${submissionId}`).set('authorization', team.officer.auth);
    const answers = [...crit.values()]
      .filter((c) => c.kind !== 'derived')
      .map((c) => ({
        criterionId: c.id,
        answer: c.kind === 'ratio' ? { numerator: 0, denominator: 5 } : { value: false },
      }));
    const saved = await t.api
      .patch(`/api/v1/submissions/${submissionId}`)
      .set('authorization', team.officer.auth)
      .set('if-match', etagOf(read))
      .send({ answers });
    expect(saved.status, saved.text).toBe(200);
    const sub = await t.api.post(`/api/v1/submissions/${submissionId}/submit`).set('authorization', team.head.auth);
    expect(sub.status, sub.text).toBe(200);

    const later = await record('Sáng kiến sau khi nộp');
    expect((await recognise(later)).status).toBe(200);

    expect((await answer13()).answer).toEqual({ value: 2 });
    const v1 = await t.api
      .get(`/api/v1/submissions/${submissionId}/versions/1`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(v1.body.answers.find((a: { code: string }) => a.code === '1.2.a.3').answer).toEqual({ value: 2 });
    // Returned for correction, it is live again and picks up the new recognition.
    await t.api
      .post(`/api/v1/submissions/${submissionId}/return`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ reason: 'Cập nhật sáng kiến.' });
    expect((await answer13()).answer).toEqual({ value: 3 });
  });
});
