/**
 * Rules of the self-assessment lifecycle beyond the walk-through: who may start one, racing moves,
 * the deadline and its extension, individual self-assessments, and the reviewer's own unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, campaigns } from '../../src/db/schema/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { ACCOUNT_PASSWORD, createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { criteriaByCode, demoCampaignId, startUnitSubmission, etagOf } from './support.ts';
import { makeSeedCampaign, reviewAllCriteria } from '../factories.ts';

let t: TestApp;
/** The demo campaign, for the tests that only read it or are refused; the others make their own. */
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  campaignId = await demoCampaignId(t);
});
afterAll(() => t.close());

/** Every collective criterion of a campaign answered so that nothing needs evidence (all "not done"). */
async function negativeAnswers(campaign: string) {
  return [...(await criteriaByCode(t, campaign)).values()]
    .filter((c) => c.kind !== 'derived')
    .map((c) => ({
      criterionId: c.id,
      answer: c.kind === 'ratio' ? { numerator: 0, denominator: 10 } : { value: false },
    }));
}

/** Answers every collective criterion so that nothing needs evidence (all "not done"). */
async function answerAllNegatively(campaign: string, id: string, etag: string): Promise<string> {
  const answers = [...(await criteriaByCode(t, campaign)).values()]
    .filter((c) => c.kind !== 'derived')
    .map((c) => ({
      criterionId: c.id,
      answer: c.kind === 'ratio' ? { numerator: 0, denominator: 10 } : { value: false },
    }));
  const res = await t.api
    .patch(`/api/v1/submissions/${id}`)
    .set('authorization', await t.auth(DEMO.unitOfficer))
    .set('if-match', etag)
    .send({ answers });
  expect(res.status, res.text).toBe(200);
  return etagOf(res);
}

async function setDeadline(campaignId: string, deadline: string) {
  const auth = await t.auth(DEMO.secretariat);
  const read = await t.api.get(`/api/v1/campaigns/${campaignId}`).set('authorization', auth);
  const res = await t.api
    .patch(`/api/v1/campaigns/${campaignId}`)
    .set('authorization', auth)
    .set('if-match', etagOf(read))
    .send({ submissionDeadline: deadline });
  expect(res.status, res.text).toBe(200);
}

describe('starting a self-assessment', () => {
  it('an officer of a unit that has not enrolled is refused (409)', async () => {
    const res = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', await t.auth(DEMO.otherUnitOfficer))
      .send({});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('submission.not_enrolled');
  });

  it("a staff member may not start the unit's collective one, and the standing office may not start any", async () => {
    const staff = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', await t.auth(DEMO.staff))
      .send({ target: 'collective' });
    expect(staff.status).toBe(403);
    const office = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({});
    expect(office.status).toBe(403);
  });

  it('an unknown campaign answers 404, and a status or unitId of another unit cannot be slipped in', async () => {
    const officer = await t.auth(DEMO.unitOfficer);
    expect(
      (await t.api.post('/api/v1/campaigns/cp_nope/submissions').set('authorization', officer).send({})).status,
    ).toBe(404);
    expect(
      (
        await t.api
          .post(`/api/v1/campaigns/${campaignId}/submissions`)
          .set('authorization', officer)
          .send({ status: 'accepted' })
      ).status,
    ).toBe(400);
    const other = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', officer)
      .send({ unitId: await t.unitId('TP') });
    expect(other.status).toBe(403);
  });

  it('two racing starts create one submission (the other gets 409)', async () => {
    const { id: campaignId } = await makeSeedCampaign(t);
    const officer = await t.auth(DEMO.unitOfficer);
    const head = await t.auth(DEMO.unitHead);
    const [a, b] = await Promise.all([
      t.api.post(`/api/v1/campaigns/${campaignId}/submissions`).set('authorization', officer).send({}),
      t.api.post(`/api/v1/campaigns/${campaignId}/submissions`).set('authorization', head).send({}),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const list = await t.api
      .get(`/api/v1/campaigns/${campaignId}/submissions?target=collective`)
      .set('authorization', officer);
    expect(list.body.total).toBe(1);
  });
});

describe('a lifecycle move under concurrency', () => {
  it('five simultaneous submits: one 200, four 409, one audit event', async () => {
    const campaign = await makeSeedCampaign(t);
    const own = await startUnitSubmission(t, campaign.id);
    const ownId = own.id;
    await answerAllNegatively(campaign.id, ownId, own.etag);
    const head = await t.auth(DEMO.unitHead);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.api.post(`/api/v1/submissions/${ownId}/submit`).set('authorization', head)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('submission.illegal_transition');
    const [events] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'submission.submit'), eq(auditEvents.objectId, ownId)));
    expect(events!.n).toBe(1);
    const versions = await t.api.get(`/api/v1/submissions/${ownId}/versions`).set('authorization', head);
    expect(versions.body.items).toHaveLength(1);

    const office = await t.auth(DEMO.secretariat);
    await reviewAllCriteria(t, ownId);
    const reviews = await Promise.all([
      t.api.post(`/api/v1/submissions/${ownId}/accept`).set('authorization', office).send({}),
      t.api
        .post(`/api/v1/submissions/${ownId}/return`)
        .set('authorization', office)
        .send({ reason: 'Bổ sung minh chứng.' }),
    ]);
    expect(reviews.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('the deadline', () => {
  const officer = 'canbo.thitran@thachha.gov.vn';
  const head = 'chutich.thitran@thachha.gov.vn';

  beforeAll(async () => {
    // A second enrolled unit (thị trấn Thạch Hà) gets an officer and a head for this block.
    const admin = await t.auth(DEMO.admin);
    const unitId = await t.unitId('XA-THACHHA');
    for (const [email, role] of [
      [officer, 'unit_officer'],
      [head, 'unit_head'],
    ] as const) {
      const res = await t.api
        .post('/api/v1/users')
        .set('authorization', admin)
        .send({
          email,
          fullName: `Tài khoản ${role}`,
          password: ACCOUNT_PASSWORD,
          mustChangePassword: false,
          roles: [{ role, unitId }],
        });
      expect(res.status, res.text).toBe(201);
    }
  });

  /** A campaign of its own with both communes enrolled, and thị trấn Thạch Hà's answered draft in it. */
  async function thitranDraft(): Promise<{ campaignId: string; submissionId: string }> {
    const { id: campaignId } = await makeSeedCampaign(t, { enrol: ['XA-THACHHAI', 'XA-THACHHA'] });
    const started = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', await t.auth(officer))
      .send({});
    expect(started.status, started.text).toBe(201);
    const saved = await t.api
      .patch(`/api/v1/submissions/${started.body.id}`)
      .set('authorization', await t.auth(officer))
      .set('if-match', etagOf(started))
      .send({ answers: await negativeAnswers(campaignId) });
    expect(saved.status).toBe(200);
    return { campaignId, submissionId: started.body.id };
  }

  it('a first submit after the campaign deadline is refused (409), and the submission says its deadline', async () => {
    const { campaignId, submissionId } = await thitranDraft();
    const yesterday = addDays(todayInVietnam(), -1);
    await setDeadline(campaignId, yesterday);
    const res = await t.api.post(`/api/v1/submissions/${submissionId}/submit`).set('authorization', await t.auth(head));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('submission.deadline_passed');
    const read = await t.api.get(`/api/v1/submissions/${submissionId}`).set('authorization', await t.auth(officer));
    expect(read.body).toMatchObject({ status: 'draft', deadline: yesterday, deadlineExtended: false });
  });

  it('an extension must be later than the common deadline and have a reason; only the office grants it', async () => {
    const { campaignId } = await thitranDraft();
    await setDeadline(campaignId, addDays(todayInVietnam(), -1));
    const unitId = await t.unitId('XA-THACHHA');
    const office = await t.auth(DEMO.secretariat);
    const early = await t.api
      .post(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
      .set('authorization', office)
      .send({ unitId, until: addDays(todayInVietnam(), -1), reason: 'Bão lụt' });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('deadline_extension.not_later');
    const blank = await t.api
      .post(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
      .set('authorization', office)
      .send({ unitId, until: addDays(todayInVietnam(), 7), reason: ' ' });
    expect(blank.status).toBe(400);
    const notEnrolled = await t.api
      .post(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
      .set('authorization', office)
      .send({ unitId: await t.unitId('TP'), until: addDays(todayInVietnam(), 7), reason: 'Bão lụt' });
    expect(notEnrolled.status).toBe(400);
    const byHead = await t.api
      .post(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
      .set('authorization', await t.auth(head))
      .send({ unitId, until: addDays(todayInVietnam(), 7), reason: 'Tự gia hạn' });
    expect(byHead.status).toBe(403);
  });

  it("the office extends this unit's deadline (audited): it then submits, while the others stay bound", async () => {
    const { campaignId, submissionId } = await thitranDraft();
    await setDeadline(campaignId, addDays(todayInVietnam(), -1));
    const unitId = await t.unitId('XA-THACHHA');
    const until = addDays(todayInVietnam(), 7);
    const res = await t.api
      .post(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ unitId, until, reason: 'Đơn vị bị ảnh hưởng bởi bão số 4.' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      unitId,
      unitCode: 'XA-THACHHA',
      until,
      reason: 'Đơn vị bị ảnh hưởng bởi bão số 4.',
      grantedByName: 'Chuyên viên Phòng Nội vụ',
    });
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'submission.deadline_extend'), eq(auditEvents.objectId, res.body.id)));
    expect(audit).toBeDefined();

    const read = await t.api.get(`/api/v1/submissions/${submissionId}`).set('authorization', await t.auth(officer));
    expect(read.body).toMatchObject({ deadline: until, deadlineExtended: true });
    const sub = await t.api.post(`/api/v1/submissions/${submissionId}/submit`).set('authorization', await t.auth(head));
    expect(sub.status, sub.text).toBe(200);

    // The unit sees its extension; the other unit does not.
    const mine = await t.api
      .get(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
      .set('authorization', await t.auth(officer));
    expect(mine.body.items.map((e: { unitId: string }) => e.unitId)).toEqual([unitId]);
    const theirs = await t.api
      .get(`/api/v1/campaigns/${campaignId}/deadline-extensions`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(theirs.body.items).toEqual([]);
  });

  it('a returned self-assessment may be resubmitted after the deadline: the office asked for the correction', async () => {
    const { campaignId, submissionId } = await thitranDraft();
    const submitted = await t.api
      .post(`/api/v1/submissions/${submissionId}/submit`)
      .set('authorization', await t.auth(head));
    expect(submitted.status, submitted.text).toBe(200);
    await t.database.db
      .update(campaigns)
      .set({ submissionDeadline: addDays(todayInVietnam(), -1) })
      .where(eq(campaigns.id, campaignId));
    const ret = await t.api
      .post(`/api/v1/submissions/${submissionId}/return`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ reason: 'Bổ sung số liệu.' });
    expect(ret.status).toBe(200);
    const resub = await t.api
      .post(`/api/v1/submissions/${submissionId}/submit`)
      .set('authorization', await t.auth(head));
    expect(resub.status, resub.text).toBe(200);
  });
});

describe('individual self-assessments', () => {
  /** A campaign of its own and the staff member's individual draft in it. */
  async function staffDraft(): Promise<{ campaignId: string; id: string }> {
    const { id: campaignId } = await makeSeedCampaign(t);
    const res = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', await t.auth(DEMO.staff))
      .send({ target: 'individual' });
    expect(res.status, res.text).toBe(201);
    return { campaignId, id: res.body.id };
  }

  it('a staff member starts their own, against the individual criteria', async () => {
    const { id: campaignId } = await makeSeedCampaign(t);
    const res = await t.api
      .post(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', await t.auth(DEMO.staff))
      .send({ target: 'individual' });
    expect(res.status, res.text).toBe(201);
    const individual = await criteriaByCode(t, campaignId, 'individual');
    expect(res.body).toMatchObject({ target: 'individual', unitCode: 'XA-THACHHAI', status: 'draft' });
    expect(res.body.personName).toBeTruthy();
    expect(res.body.answers.map((a: { code: string }) => a.code)).toEqual([...individual.keys()]);
  });

  it('their draft is theirs alone: the unit head and the office get 404 and do not list it', async () => {
    const { campaignId, id } = await staffDraft();
    for (const who of [DEMO.unitHead, DEMO.unitOfficer, DEMO.secretariat]) {
      expect((await t.api.get(`/api/v1/submissions/${id}`).set('authorization', await t.auth(who))).status, who).toBe(
        404,
      );
      const list = await t.api
        .get(`/api/v1/campaigns/${campaignId}/submissions?target=individual`)
        .set('authorization', await t.auth(who));
      expect(
        list.body.items.map((s: { id: string }) => s.id),
        who,
      ).not.toContain(id);
    }
    const mine = await t.api
      .get(`/api/v1/campaigns/${campaignId}/submissions`)
      .set('authorization', await t.auth(DEMO.staff));
    expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it('the person answers (a narrative is left to the reviewer) and submits it; then the unit and the office see it', async () => {
    const { campaignId, id } = await staffDraft();
    const individual = await criteriaByCode(t, campaignId, 'individual');
    const read = await t.api.get(`/api/v1/submissions/${id}`).set('authorization', await t.auth(DEMO.staff));
    const answers = [
      { criterionId: individual.get('1.1')!.id, answer: { value: true } },
      {
        criterionId: individual.get('1.2.b.1')!.id,
        answer: { text: 'Tham mưu xây dựng quy trình nội bộ giải quyết TTHC lĩnh vực hộ tịch.' },
      },
      { criterionId: individual.get('1.2.b.2')!.id, answer: { value: 0 } },
    ];
    const saved = await t.api
      .patch(`/api/v1/submissions/${id}`)
      .set('authorization', await t.auth(DEMO.staff))
      .set('if-match', etagOf(read))
      .send({ answers });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.answers.find((a: { code: string }) => a.code === '1.2.b.1').evaluation).toMatchObject({
      result: 'needs_review',
      reason: 'narrative',
    });
    // The unit's officer cannot write in it.
    const officer = await t.api
      .patch(`/api/v1/submissions/${id}`)
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .set('if-match', etagOf(saved))
      .send({ answers: answers.slice(0, 1) });
    expect(officer.status).toBe(404);
    const sub = await t.api.post(`/api/v1/submissions/${id}/submit`).set('authorization', await t.auth(DEMO.staff));
    expect(sub.status, sub.text).toBe(200);
    expect(
      (await t.api.get(`/api/v1/submissions/${id}`).set('authorization', await t.auth(DEMO.unitHead))).status,
    ).toBe(200);
    expect(
      (await t.api.get(`/api/v1/submissions/${id}`).set('authorization', await t.auth(DEMO.secretariat))).status,
    ).toBe(200);
    // The head reads it but does not sign it off nor edit it.
    const headEdit = await t.api
      .patch(`/api/v1/submissions/${id}`)
      .set('authorization', await t.auth(DEMO.unitHead))
      .set('if-match', etagOf(sub))
      .send({ answers: answers.slice(0, 1) });
    expect(headEdit.status).toBe(403);
  });
});

describe('reviewers and their own unit', () => {
  it('an account of the standing office that is also an officer of the unit may not return or accept its self-assessment', async () => {
    // The unit's self-assessment, submitted so that the office sees it.
    const { id: campaignId } = await makeSeedCampaign(t);
    const started = await startUnitSubmission(t, campaignId);
    await answerAllNegatively(campaignId, started.id, started.etag);
    const submitted = await t.api
      .post(`/api/v1/submissions/${started.id}/submit`)
      .set('authorization', await t.auth(DEMO.unitHead));
    expect(submitted.status, submitted.text).toBe(200);
    const admin = await t.auth(DEMO.admin);
    const res = await t.api
      .post('/api/v1/users')
      .set('authorization', admin)
      .send({
        email: 'noivu.kiem.thachhai@thachha.gov.vn',
        fullName: 'Chuyên viên kiêm nhiệm',
        password: ACCOUNT_PASSWORD,
        mustChangePassword: false,
        roles: [{ role: 'secretariat' }, { role: 'unit_officer', unitId: await t.unitId('XA-THACHHAI') }],
      });
    expect(res.status, res.text).toBe(201);
    const list = await t.api
      .get(`/api/v1/campaigns/${campaignId}/submissions?target=collective&unitId=${await t.unitId('XA-THACHHAI')}`)
      .set('authorization', await t.auth(DEMO.secretariat));
    const [own] = list.body.items;
    const auth = await t.auth('noivu.kiem.thachhai@thachha.gov.vn');
    // Whatever its state, the refusal comes first.
    for (const [action, body] of [
      ['return', { reason: 'Trả lại' }],
      ['accept', {}],
    ] as const) {
      const r = await t.api.post(`/api/v1/submissions/${own.id}/${action}`).set('authorization', auth).send(body);
      expect(r.status, action).toBe(403);
      expect(r.body.code).toBe('review.own_unit');
    }
  });
});
