/**
 * Field reports on the self-assessment (issue 11): criteria left unanswered do not count as
 * missing evidence and do not stop the head's submit; a campaign launched ahead of its first day is
 * announced, not in progress, and takes no self-assessment yet; derived criteria take a note and
 * evidence files like the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeCampaign, makeSeedCampaign } from '../factories.ts';
import { criteriaByCode, etagOf, saveAsOfficer, startUnitSubmission, uploadPdf } from './support.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Response bodies are read as the JSON they are; the contract's types are checked by the server.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const answerOf = (body: { answers: Json[] }, code: string) => body.answers.find((a) => a.code === code)!;

describe('criteria left unanswered', () => {
  it('are reported as unanswered, not as missing evidence, and the head may submit', async () => {
    const { id: campaignId } = await makeSeedCampaign(t);
    const crit = await criteriaByCode(t, campaignId);
    const s = await startUnitSubmission(t, campaignId);
    // One criterion answered; every other one, among them those that require evidence, left blank.
    const saved = await saveAsOfficer(t, s, [{ criterionId: crit.get('1.1')!.id, answer: { value: false } }]);
    expect(saved.status, saved.text).toBe(200);
    const blankWithEvidence = (saved.body.answers as Json[]).filter(
      (a) => a.evidenceRequired && a.kind !== 'derived' && a.evaluation.reason === 'missing_answer',
    );
    expect(blankWithEvidence.length).toBeGreaterThan(2);
    for (const a of blankWithEvidence) expect(a.evidenceMissing, a.code).toBe(false);
    expect(saved.body.progress.evidenceMissing).toEqual([]);
    expect(saved.body.progress.answered).toBeLessThan(saved.body.progress.criteria);

    const submitted = await t.api
      .post(`/api/v1/submissions/${s.id}/submit`)
      .set('authorization', await t.auth(DEMO.unitHead));
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.progress.answered).toBe(saved.body.progress.answered);
  });

  it('a claimed (met) answer to a criterion that requires evidence still needs a file before submit', async () => {
    const { id: campaignId } = await makeSeedCampaign(t);
    const crit = await criteriaByCode(t, campaignId);
    const s = await startUnitSubmission(t, campaignId);
    const saved = await saveAsOfficer(t, s, [{ criterionId: crit.get('1.2.a.11')!.id, answer: { value: true } }]);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.progress.evidenceMissing).toEqual(['1.2.a.11']);
    const refused = await t.api
      .post(`/api/v1/submissions/${s.id}/submit`)
      .set('authorization', await t.auth(DEMO.unitHead));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('submission.missing_evidence');
  });
});

describe('a campaign launched before its first day', () => {
  it('is announced as upcoming (signed in and in public) and refuses self-assessments until it starts (409)', async () => {
    const startsOn = addDays(todayInVietnam(), 10);
    const { id } = await makeCampaign(t, {
      status: 'open',
      enrol: ['XA-THACHHAI'],
      overrides: { startsOn, endsOn: addDays(startsOn, 60) },
    });
    const office = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', await t.auth(DEMO.secretariat));
    expect(office.body).toMatchObject({ status: 'open', upcoming: true, startsOn });
    const listed = await t.api
      .get(`/api/v1/campaigns?status=open&pageSize=100`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect((listed.body.items as Json[]).find((c) => c.id === id)).toMatchObject({ upcoming: true });
    const anonymous = await t.api.get(`/api/v1/public/campaigns/${id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.upcoming).toBe(true);

    const start = await t.api
      .post(`/api/v1/campaigns/${id}/submissions`)
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .send({});
    expect(start.status).toBe(409);
    expect(start.body.code).toBe('submission.campaign_not_started');
    expect(start.body.detail).toContain(`${startsOn.slice(8)}/${Number(startsOn.slice(5, 7))}/${startsOn.slice(0, 4)}`);
    const none = await t.api
      .get(`/api/v1/campaigns/${id}/submissions`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(none.body.total).toBe(0);
    // nor does the officer's to-do list ask them to start it
    const tasks = await t.api.get('/api/v1/me/tasks').set('authorization', await t.auth(DEMO.unitOfficer));
    expect(tasks.status).toBe(200);
    expect((tasks.body.items as Json[]).filter((x) => x.campaignId === id)).toEqual([]);
  });

  it('the office may open self-assessments early on purpose: then they start, the page says so, the to-do list asks', async () => {
    const startsOn = addDays(todayInVietnam(), 10);
    const { id } = await makeCampaign(t, {
      status: 'open',
      enrol: ['XA-THACHHAI'],
      overrides: { startsOn, endsOn: addDays(startsOn, 60) },
    });
    const officer = await t.auth(DEMO.unitOfficer);
    // A unit may not open it for itself: refused, nothing changed.
    const refused = await t.api
      .post(`/api/v1/campaigns/${id}/open-self-assessment-early`)
      .set('authorization', officer);
    expect(refused.status).toBe(403);
    const unchanged = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', await t.auth(DEMO.secretariat));
    expect(unchanged.body.selfAssessmentOpenedEarlyAt).toBeNull();

    const opened = await t.api
      .post(`/api/v1/campaigns/${id}/open-self-assessment-early`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(opened.status, opened.text).toBe(200);
    expect(opened.body).toMatchObject({ upcoming: true, startsOn });
    expect(opened.body.selfAssessmentOpenedEarlyAt).toEqual(expect.any(String));
    expect(opened.body.version).toBe(unchanged.body.version + 1);
    // A second call changes nothing.
    const again = await t.api
      .post(`/api/v1/campaigns/${id}/open-self-assessment-early`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(again.body.selfAssessmentOpenedEarlyAt).toBe(opened.body.selfAssessmentOpenedEarlyAt);
    expect(again.body.version).toBe(opened.body.version);

    const tasks = await t.api.get('/api/v1/me/tasks').set('authorization', officer);
    expect((tasks.body.items as Json[]).filter((x) => x.campaignId === id)).toEqual([
      expect.objectContaining({ kind: 'start_self_assessment' }),
    ]);
    const start = await t.api.post(`/api/v1/campaigns/${id}/submissions`).set('authorization', officer).send({});
    expect(start.status, start.text).toBe(201);

    const audit = await t.api
      .get(`/api/v1/audit-events?objectId=${id}`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect((audit.body.items as Json[]).filter((e) => e.action === 'campaign.open_self_assessment_early')).toHaveLength(
      1,
    );
  });

  it('opening early is refused once the campaign has begun (409 campaign.not_upcoming)', async () => {
    const { id } = await makeCampaign(t, { status: 'open' });
    const res = await t.api
      .post(`/api/v1/campaigns/${id}/open-self-assessment-early`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('campaign.not_upcoming');
    const read = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', await t.auth(DEMO.secretariat));
    expect(read.body.selfAssessmentOpenedEarlyAt).toBeNull();
  });

  it('a campaign starting today is in progress and takes self-assessments', async () => {
    const today = todayInVietnam();
    const { id } = await makeCampaign(t, {
      status: 'open',
      enrol: ['XA-THACHHAI'],
      overrides: { startsOn: today, endsOn: addDays(today, 30) },
    });
    const read = await t.api.get(`/api/v1/campaigns/${id}`).set('authorization', await t.auth(DEMO.secretariat));
    expect(read.body).toMatchObject({ status: 'open', upcoming: false });
    const start = await t.api
      .post(`/api/v1/campaigns/${id}/submissions`)
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .send({});
    expect(start.status, start.text).toBe(201);
  });
});

describe('derived criteria', () => {
  it('take a note and evidence files, kept in the submitted version', async () => {
    const { id: campaignId } = await makeSeedCampaign(t);
    const crit = await criteriaByCode(t, campaignId);
    expect(crit.get('1.2.a.4')).toMatchObject({ kind: 'derived', evidenceRequired: true });
    const s = await startUnitSubmission(t, campaignId);
    const plan = await uploadPdf(t, DEMO.unitOfficer, 'ke-hoach-kiem-tra-cchc.pdf');
    const saved = await saveAsOfficer(t, s, [
      { criterionId: crit.get('1.2.a.4')!.id, note: 'Kế hoạch kiểm tra CCHC năm 2022 kèm theo.', fileIds: [plan] },
    ]);
    expect(saved.status, saved.text).toBe(200);
    expect(answerOf(saved.body, '1.2.a.4')).toMatchObject({
      kind: 'derived',
      note: 'Kế hoạch kiểm tra CCHC năm 2022 kèm theo.',
      files: [expect.objectContaining({ id: plan, name: 'ke-hoach-kiem-tra-cchc.pdf' })],
      evidenceMissing: false,
    });
    expect(saved.body.progress.withEvidence).toBe(1);

    const submitted = await t.api
      .post(`/api/v1/submissions/${s.id}/submit`)
      .set('authorization', await t.auth(DEMO.unitHead));
    expect(submitted.status, submitted.text).toBe(200);
    expect(answerOf(submitted.body, '1.2.a.4').files.map((f: Json) => f.id)).toEqual([plan]);
    const version = await t.api
      .get(`/api/v1/submissions/${s.id}/versions/1`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(version.status, version.text).toBe(200);
    expect(answerOf(version.body, '1.2.a.4')).toMatchObject({
      note: 'Kế hoạch kiểm tra CCHC năm 2022 kèm theo.',
      files: [expect.objectContaining({ id: plan })],
    });
    // the office reads the file through the submission it belongs to
    const content = await t.api
      .get(`/api/v1/files/${plan}/content`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(content.status).toBe(200);
    expect(etagOf(submitted)).toBeTruthy();
  });
});
