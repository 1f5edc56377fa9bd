/**
 * The first "done when": the seed campaign walked through HTTP. XA-THACHHAI's officer
 * answers (35 % of level-3/4 procedures with dossiers → met; 25 % → not met), uploads evidence, the
 * head submits, the standing office returns it with a reason, the unit corrects and resubmits, the
 * office reviews every criterion and accepts. Editing after submit is 409; two saves with the same ETag → one 412; the version
 * comparison shows the correction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { criteriaByCode, demoCampaignId, uploadPdf, type CriterionRef, etagOf } from './support.ts';
import { reviewAllCriteria } from '../factories.ts';

let t: TestApp;
let campaignId: string;
let crit: Map<string, CriterionRef>;
let submissionId: string;
let etag: string;

beforeAll(async () => {
  t = await createTestApp();
  campaignId = await demoCampaignId(t);
  crit = await criteriaByCode(t, campaignId);
});
afterAll(() => t.close());

const id = (code: string) => crit.get(code)!.id;
// Response bodies are read as the JSON they are; the contract's types are checked by the server.
const answerOf = (body: { answers: { code: string }[] }, code: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body.answers.find((a) => a.code === code) as Record<string, any>;

async function save(who: string, answers: unknown[], ifMatch = etag) {
  const res = await t.api
    .patch(`/api/v1/submissions/${submissionId}`)
    .set('authorization', await t.auth(who))
    .set('if-match', ifMatch)
    .send({ answers });
  if (res.status === 200) etag = etagOf(res);
  return res;
}

async function act(who: string, action: 'submit' | 'return' | 'accept', body?: object) {
  const req = t.api.post(`/api/v1/submissions/${submissionId}/${action}`).set('authorization', await t.auth(who));
  return body ? req.send(body) : req;
}

// One story, one test: each step starts from where the previous one left the same submission, so
// the steps are parts of one test rather than tests that lean on each other's effects.
describe('a unit walks its self-assessment through the seed campaign', () => {
  it('from a draft to acceptance: start, autosave, evidence, submit, return, resubmit, versions, accept', async () => {
    // the officer of an enrolled unit starts it: a draft with every collective criterion, unanswered
    {
      const res = await t.api
        .post(`/api/v1/campaigns/${campaignId}/submissions`)
        .set('authorization', await t.auth(DEMO.unitOfficer))
        .send({});
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({
        campaignId,
        target: 'collective',
        unitCode: 'XA-THACHHAI',
        personId: null,
        status: 'draft',
        versionCount: 0,
      });
      expect(res.body.answers.map((a: { code: string }) => a.code)).toEqual([...crit.keys()]);
      expect(res.body.progress).toMatchObject({ criteria: crit.size, met: 0, withEvidence: 0 });
      expect(res.headers['location']).toBe(`/api/v1/submissions/${res.body.id}`);
      submissionId = res.body.id;
      etag = etagOf(res);

      const again = await t.api
        .post(`/api/v1/campaigns/${campaignId}/submissions`)
        .set('authorization', await t.auth(DEMO.unitHead))
        .send({});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('submission.exists');
    }
    // the draft stays inside the unit: the standing office gets 404 and an empty list
    {
      const auth = await t.auth(DEMO.secretariat);
      expect((await t.api.get(`/api/v1/submissions/${submissionId}`).set('authorization', auth)).status).toBe(404);
      const list = await t.api.get(`/api/v1/campaigns/${campaignId}/submissions`).set('authorization', auth);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ items: [], total: 0 });
      const head = await t.api
        .get(`/api/v1/campaigns/${campaignId}/submissions`)
        .set('authorization', await t.auth(DEMO.unitHead));
      expect(head.body.items.map((s: { id: string }) => s.id)).toEqual([submissionId]);
    }
    // 25 % of level-3/4 procedures with dossiers is evaluated "not met" at once; 35 % "met", with the reason
    {
      let res = await save(DEMO.unitOfficer, [
        { criterionId: id('1.2.a.8'), answer: { numerator: 25, denominator: 100 } },
      ]);
      expect(res.status, res.text).toBe(200);
      expect(answerOf(res.body, '1.2.a.8')).toMatchObject({
        answer: { numerator: 25, denominator: 100 },
        evaluation: { result: 'not_met', reason: 'threshold_not_met', measured: 25 },
        evidenceMissing: false,
      });

      res = await save(DEMO.unitOfficer, [
        {
          criterionId: id('1.2.a.8'),
          answer: { numerator: 35, denominator: 100 },
          note: '35/100 thủ tục mức độ 3, 4 có phát sinh hồ sơ.',
        },
      ]);
      expect(res.status).toBe(200);
      const a = answerOf(res.body, '1.2.a.8');
      expect(a).toMatchObject({
        evaluation: { result: 'met', reason: 'threshold_met', measured: 35 },
        note: '35/100 thủ tục mức độ 3, 4 có phát sinh hồ sơ.',
      });
      // A met answer to a criterion that requires evidence needs a file before it can be submitted.
      expect(a.evidenceMissing).toBe(true);
    }
    // two saves with the same ETag: one wins, the other gets 412 and changes nothing
    {
      const stale = etag;
      const [first, second] = await Promise.all([
        save(DEMO.unitOfficer, [{ criterionId: id('1.1'), answer: { value: true } }], stale),
        save(DEMO.unitHead, [{ criterionId: id('1.1'), answer: { value: false } }], stale),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 412]);
      const loser = first.status === 412 ? first : second;
      expect(loser.body.code).toBe('precondition.failed');
      const winner = first.status === 200 ? first : second;
      const now = await t.api
        .get(`/api/v1/submissions/${submissionId}`)
        .set('authorization', await t.auth(DEMO.unitOfficer));
      expect(answerOf(now.body, '1.1').answer).toEqual(answerOf(winner.body, '1.1').answer);
      expect(etagOf(now)).toBe(etag);

      const noHeader = await t.api
        .patch(`/api/v1/submissions/${submissionId}`)
        .set('authorization', await t.auth(DEMO.unitOfficer))
        .send({ answers: [{ criterionId: id('1.1'), answer: { value: true } }] });
      expect(noHeader.status).toBe(428);
    }
    // refuses answers that do not fit the criterion, a typed value for a derived criterion, and unknown fields
    {
      const cases: [unknown[], string][] = [
        [[{ criterionId: id('1.2.a.8'), answer: { value: true } }], 'submission.answer_kind_mismatch'],
        [[{ criterionId: id('1.1'), answer: { value: 3 } }], 'submission.answer_kind_mismatch'],
        [[{ criterionId: id('1.2.a.4'), answer: { numerator: 1, denominator: 1 } }], 'submission.answer_derived'],
        [[{ criterionId: 'cr_not_in_campaign', answer: { value: true } }], 'submission.criterion_unknown'],
      ];
      for (const [answers, code] of cases) {
        const res = await save(DEMO.unitOfficer, answers);
        expect(res.status, JSON.stringify(answers)).toBe(400);
        expect(res.body.code).toBe(code);
      }
      const extra = await save(DEMO.unitOfficer, [
        { criterionId: id('1.1'), answer: { value: true }, status: 'accepted' },
      ]);
      expect(extra.status).toBe(400);
      const massAssign = await t.api
        .patch(`/api/v1/submissions/${submissionId}`)
        .set('authorization', await t.auth(DEMO.unitOfficer))
        .set('if-match', etag)
        .send({ status: 'accepted', answers: [] });
      expect(massAssign.status).toBe(400);
    }
    // the officer uploads evidence and answers the rest; a negative answer needs no evidence
    {
      const report = await uploadPdf(t, DEMO.unitOfficer, 'bao-cao-thong-ke-dvc.pdf');
      const plan = await uploadPdf(t, DEMO.unitOfficer, 'ke-hoach-cchc-2022.pdf');
      const res = await save(DEMO.unitOfficer, [
        { criterionId: id('1.1'), answer: { value: true } },
        { criterionId: id('1.2.a.1'), answer: { value: true }, fileIds: [plan] },
        { criterionId: id('1.2.a.2'), answer: { value: true }, fileIds: [plan] },
        { criterionId: id('1.2.a.5'), answer: { value: false } },
        { criterionId: id('1.2.a.6'), answer: { value: false }, note: 'Chưa triển khai thanh toán trực tuyến.' },
        { criterionId: id('1.2.a.7'), answer: { value: true }, fileIds: [plan] },
        { criterionId: id('1.2.a.8'), fileIds: [report] },
        { criterionId: id('1.2.a.9'), answer: { numerator: 148, denominator: 148 }, fileIds: [report] },
        { criterionId: id('1.2.a.10'), answer: { value: false } },
        { criterionId: id('1.2.a.11'), answer: { value: true } },
      ]);
      expect(res.status, res.text).toBe(200);
      const a8 = answerOf(res.body, '1.2.a.8');
      expect(a8.files.map((f: { id: string }) => f.id)).toEqual([report]);
      expect(a8.answer).toEqual({ numerator: 35, denominator: 100 });
      expect(answerOf(res.body, '1.2.a.5')).toMatchObject({
        evaluation: { result: 'not_met', reason: 'not_done' },
        evidenceMissing: false,
      });
      expect(answerOf(res.body, '1.2.a.9').evaluation).toMatchObject({ result: 'met', measured: 100 });
      expect(res.body.progress.evidenceMissing).toEqual(['1.2.a.11']);
      // Derived criteria are computed from the registers: no findings yet (0 of 0 → a reviewer decides), no recognised initiative.
      expect(answerOf(res.body, '1.2.a.4')).toMatchObject({
        answer: { numerator: 0, denominator: 0 },
        evaluation: { result: 'needs_review', reason: 'no_denominator' },
      });
      expect(answerOf(res.body, '1.2.a.3')).toMatchObject({ answer: { value: 0 }, evaluation: { result: 'not_met' } });
    }
    // only the head submits: the officer is refused
    {
      const res = await act(DEMO.unitOfficer, 'submit');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('submission.submit_forbidden');
    }
    // submit is refused while required evidence is missing, naming each criterion in errors[]
    {
      const res = await act(DEMO.unitHead, 'submit');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('submission.missing_evidence');
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: '1.2.a.11', code: 'submission.evidence_missing' }),
      ]);
      expect(res.body.detail).toContain('1.2.a.11');
      const still = await t.api
        .get(`/api/v1/submissions/${submissionId}`)
        .set('authorization', await t.auth(DEMO.unitHead));
      expect(still.body.status).toBe('draft');
    }
    // with the evidence attached the head submits: a first version is kept
    {
      const minutes = await uploadPdf(t, DEMO.unitOfficer, 'bien-ban-sap-nhap-thon.pdf');
      expect((await save(DEMO.unitOfficer, [{ criterionId: id('1.2.a.11'), fileIds: [minutes] }])).status).toBe(200);
      const res = await act(DEMO.unitHead, 'submit');
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        status: 'submitted',
        versionCount: 1,
        submittedByName: 'Chủ tịch UBND xã Thạch Hải',
      });
      expect(res.body.progress.evidenceMissing).toEqual([]);
      etag = etagOf(res);
    }
    // editing after submit is 409, and a second submit too
    {
      const res = await save(DEMO.unitOfficer, [{ criterionId: id('1.1'), answer: { value: false } }]);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('submission.not_editable');
      const again = await act(DEMO.unitHead, 'submit');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('submission.illegal_transition');
    }
    // the standing office now sees it, and returns it only with a reason
    {
      const auth = await t.auth(DEMO.secretariat);
      const list = await t.api
        .get(`/api/v1/campaigns/${campaignId}/submissions?status=submitted`)
        .set('authorization', auth);
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([submissionId]);
      expect(list.body.items[0]).not.toHaveProperty('answers');

      expect((await act(DEMO.secretariat, 'return', {})).status).toBe(400);
      const blank = await act(DEMO.secretariat, 'return', { reason: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.body.code).toBe('submission.reason_required');

      const reason =
        'Tiêu chuẩn 1.2.a.8: số liệu chưa khớp với báo cáo thống kê của Cổng dịch vụ công, đề nghị kiểm tra lại.';
      const res = await act(DEMO.secretariat, 'return', { reason });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ status: 'returned', returnReason: reason });
      etag = etagOf(res);
    }
    // the unit corrects the returned answer and the head resubmits: a second version
    {
      const res = await save(DEMO.unitOfficer, [
        {
          criterionId: id('1.2.a.8'),
          answer: { numerator: 40, denominator: 100 },
          note: 'Số liệu theo báo cáo Cổng DVC ngày 30/4.',
        },
      ]);
      expect(res.status, res.text).toBe(200);
      const sub = await act(DEMO.unitHead, 'submit');
      expect(sub.status, sub.text).toBe(200);
      expect(sub.body).toMatchObject({ status: 'submitted', versionCount: 2, returnReason: null });
    }
    // the versions are kept and the comparison shows what changed
    {
      const auth = await t.auth(DEMO.secretariat);
      const list = await t.api.get(`/api/v1/submissions/${submissionId}/versions`).set('authorization', auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((v: { number: number }) => v.number)).toEqual([1, 2]);

      const v1 = await t.api.get(`/api/v1/submissions/${submissionId}/versions/1`).set('authorization', auth);
      expect(v1.status).toBe(200);
      expect(answerOf(v1.body, '1.2.a.8').answer).toEqual({ numerator: 35, denominator: 100 });
      expect(answerOf(v1.body, '1.2.a.8').files).toHaveLength(1);

      const diff = await t.api.get(`/api/v1/submissions/${submissionId}/versions/2/diff`).set('authorization', auth);
      expect(diff.status, diff.text).toBe(200);
      expect(diff.body).toMatchObject({ number: 2, previousNumber: 1, changedCount: 1 });
      const changed = diff.body.items.filter((i: { change: string }) => i.change !== 'unchanged');
      expect(changed).toHaveLength(1);
      expect(changed[0]).toMatchObject({
        code: '1.2.a.8',
        change: 'changed',
        fields: ['answer', 'note', 'evaluation'],
      });
      expect(changed[0].before.answer).toEqual({ numerator: 35, denominator: 100 });
      expect(changed[0].after.answer).toEqual({ numerator: 40, denominator: 100 });

      const first = await t.api.get(`/api/v1/submissions/${submissionId}/versions/1/diff`).set('authorization', auth);
      expect(first.body.previousNumber).toBeNull();
      expect(first.body.items.every((i: { change: string }) => i.change === 'added')).toBe(true);
      expect(
        (await t.api.get(`/api/v1/submissions/${submissionId}/versions/3`).set('authorization', auth)).status,
      ).toBe(404);
    }
    // the standing office reviews every criterion, then accepts it, once; each move is in the audit log
    {
      await reviewAllCriteria(t, submissionId);
      const res = await act(DEMO.secretariat, 'accept', { comment: 'Hồ sơ đầy đủ.' });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ status: 'accepted', reviewComment: 'Hồ sơ đầy đủ.' });
      const again = await act(DEMO.secretariat, 'accept', {});
      expect(again.status).toBe(409);

      const events = await t.database.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.objectType, 'submission'), eq(auditEvents.objectId, submissionId)))
        .orderBy(auditEvents.seq);
      const moves = events.map((e) => e.action).filter((a) => a !== 'submission.update');
      expect(moves).toEqual([
        'submission.create',
        'submission.submit',
        'submission.return',
        'submission.submit',
        'submission.review',
        'submission.accept',
      ]);
      const verify = await t.api.get('/api/v1/audit-events/verify').set('authorization', await t.auth(DEMO.admin));
      expect(verify.body.ok).toBe(true);
    }
  }, 180_000);
});
