/**
 * The standing office's review of a submitted self-assessment, criterion by criterion: verdicts and
 * their default scores, bounds, If-Match, the conflict of interest, accept only once every criterion
 * is reviewed, and a return that keeps the review and shows the unit the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, criterionReviews, submissions } from '../../src/db/schema/index.ts';
import { ACCOUNT_PASSWORD, createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { reviewAllCriteria } from '../factories.ts';
import { etagOf, submittedForReview } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = (id: string) => `/api/v1/submissions/${id}/review`;

async function readReview(id: string, who: string = DEMO.secretariat) {
  return t.api.get(url(id)).set('authorization', await t.auth(who));
}

async function saveReview(id: string, criteria: unknown[], ifMatch?: string, who: string = DEMO.secretariat) {
  const req = t.api
    .patch(url(id))
    .set('authorization', await t.auth(who))
    .set('accept-language', 'vi');
  if (ifMatch) req.set('if-match', ifMatch);
  return req.send({ criteria });
}

/** What a refused call must leave as it was: the submission, its reviews and the audit log. */
async function written(id: string) {
  const [row] = await t.database.db
    .select({
      status: submissions.status,
      version: submissions.version,
      confirmedBy: submissions.reviewConfirmedBy,
    })
    .from(submissions)
    .where(eq(submissions.id, id));
  const reviews = await t.database.db
    .select({
      c: criterionReviews.criterionId,
      v: criterionReviews.verdict,
      s: criterionReviews.score,
      m: criterionReviews.comment,
    })
    .from(criterionReviews)
    .where(eq(criterionReviews.submissionId, id))
    .orderBy(criterionReviews.criterionId);
  const [audit] = await t.database.db.select({ n: count() }).from(auditEvents);
  return { row, reviews, audits: audit!.n };
}

type Entry = { criterionId: string; evaluation: { result: string }; review: Record<string, unknown> | null };
const entryOf = (body: { criteria: Entry[] }, criterionId: string) =>
  body.criteria.find((c) => c.criterionId === criterionId)!;

describe('the office reviews a submitted self-assessment criterion by criterion', () => {
  it('met defaults to the maximum score and not met to 0; a given score and comment are kept beside the automatic evaluation', async () => {
    const s = await submittedForReview(t);
    const before = await readReview(s.id);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ status: 'submitted', reviewed: 0, missing: 2, totalScore: 0, maxTotal: 15 });
    expect(entryOf(before.body, s.ratio)).toMatchObject({ maxScore: 10, evaluation: { result: 'met' }, review: null });
    expect(entryOf(before.body, s.done)).toMatchObject({
      maxScore: 5,
      evaluation: { result: 'not_met' },
      review: null,
    });

    const first = await saveReview(
      s.id,
      [
        { criterionId: s.ratio, verdict: 'met' },
        { criterionId: s.done, verdict: 'not_met', comment: '  Chưa ban hành kế hoạch.  ' },
      ],
      etagOf(before),
    );
    expect(first.status, first.text).toBe(200);
    expect(etagOf(first)).not.toBe(etagOf(before));
    expect(first.body).toMatchObject({ reviewed: 2, missing: 0, met: 1, totalScore: 10, acceptable: true });
    expect(entryOf(first.body, s.ratio).review).toMatchObject({ verdict: 'met', score: 10, comment: null });
    expect(entryOf(first.body, s.done).review).toMatchObject({
      verdict: 'not_met',
      score: 0,
      comment: 'Chưa ban hành kế hoạch.',
      reviewedById: await t.userId(DEMO.secretariat),
      reviewedByName: expect.any(String),
    });

    // The reviewer overrides the evaluation of 1.3 (met, 3 of 5), then changes only a comment: the score stays.
    const second = await saveReview(s.id, [{ criterionId: s.done, verdict: 'met', score: 3 }], etagOf(first));
    expect(second.status, second.text).toBe(200);
    const third = await saveReview(
      s.id,
      [{ criterionId: s.done, verdict: 'met', comment: 'Có kế hoạch nhưng ban hành muộn.' }],
      etagOf(second),
    );
    expect(entryOf(third.body, s.done).review).toMatchObject({
      verdict: 'met',
      score: 3,
      comment: 'Có kế hoạch nhưng ban hành muộn.',
    });
    expect(third.body.totalScore).toBe(13);
    // A verdict that changes without a score takes its default again.
    const fourth = await saveReview(s.id, [{ criterionId: s.done, verdict: 'not_met' }], etagOf(third));
    expect(entryOf(fourth.body, s.done).review).toMatchObject({ verdict: 'not_met', score: 0 });

    // The GET says the same, with the ETag the next save needs.
    const read = await readReview(s.id);
    expect(read.body).toEqual(fourth.body);
    expect(etagOf(read)).toBe(etagOf(fourth));
    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, s.id), eq(auditEvents.action, 'submission.review')));
    expect(events).toHaveLength(4);
  });

  it('a score above the maximum or below 0, or a criterion of another campaign, is 400 with a field error and writes nothing', async () => {
    const s = await submittedForReview(t);
    const other = await submittedForReview(t);
    const etag = etagOf(await readReview(s.id));
    const before = await written(s.id);
    const over = await saveReview(s.id, [{ criterionId: s.ratio, verdict: 'met', score: 10.5 }], etag);
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('review.score_out_of_range');
    expect(over.body.errors).toEqual([
      { field: '/criteria/0/score', code: 'review.score_out_of_range', message: expect.stringContaining('tối đa') },
    ]);
    const under = await saveReview(
      s.id,
      [
        { criterionId: s.ratio, verdict: 'met', score: 10 },
        { criterionId: s.done, verdict: 'not_met', score: -1 },
      ],
      etag,
    );
    expect(under.status).toBe(400);
    expect(under.body.errors.map((e: { field: string }) => e.field)).toEqual(['/criteria/1/score']);
    const foreign = await saveReview(s.id, [{ criterionId: other.ratio, verdict: 'met' }], etag);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatchObject({
      field: '/criteria/0/criterionId',
      code: 'review.criterion_unknown',
    });
    const badVerdict = await saveReview(s.id, [{ criterionId: s.ratio, verdict: 'needs_review' }], etag);
    expect(badVerdict.status).toBe(400);
    expect(await written(s.id)).toEqual(before);
  });

  it('a save needs If-Match (428) and the current ETag (412): of two saves from the same read, one wins', async () => {
    const s = await submittedForReview(t);
    const etag = etagOf(await readReview(s.id));
    const before = await written(s.id);
    const none = await saveReview(s.id, [{ criterionId: s.ratio, verdict: 'met' }]);
    expect(none.status).toBe(428);
    expect(await written(s.id)).toEqual(before);
    const results = await Promise.all([
      saveReview(s.id, [{ criterionId: s.ratio, verdict: 'met' }], etag),
      saveReview(s.id, [{ criterionId: s.ratio, verdict: 'not_met' }], etag),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const stale = await saveReview(s.id, [{ criterionId: s.done, verdict: 'met' }], etag);
    expect(stale.status).toBe(412);
    const after = await written(s.id);
    expect(after.reviews).toHaveLength(1);
  });

  it('accept needs every criterion reviewed: 409 review.incomplete says how many are missing, and nothing is written', async () => {
    const s = await submittedForReview(t);
    const office = await t.auth(DEMO.secretariat);
    const accept = () => t.api.post(`/api/v1/submissions/${s.id}/accept`).set('authorization', office).send({});
    const none = await accept();
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('review.incomplete');
    expect(none.body.detail).toContain('2/2');
    const saved = await saveReview(s.id, [{ criterionId: s.ratio, verdict: 'met' }], etagOf(await readReview(s.id)));
    expect(saved.status).toBe(200);
    const before = await written(s.id);
    const one = await accept();
    expect(one.status).toBe(409);
    expect(one.body.detail).toContain('1/2');
    expect(await written(s.id)).toEqual(before);
    await saveReview(s.id, [{ criterionId: s.done, verdict: 'not_met' }], etagOf(saved));
    const ok = await accept();
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('accepted');
  });

  it('the review is written only while submitted: once accepted a save is 409 and writes nothing', async () => {
    const s = await submittedForReview(t);
    await reviewAllCriteria(t, s.id);
    const accepted = await t.api
      .post(`/api/v1/submissions/${s.id}/accept`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({});
    expect(accepted.status).toBe(200);
    const before = await written(s.id);
    const res = await saveReview(s.id, [{ criterionId: s.ratio, verdict: 'not_met' }], etagOf(accepted));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('submission.illegal_transition');
    expect(res.body.detail).toContain('đã tiếp nhận');
    expect(await written(s.id)).toEqual(before);
  });

  it("an account of the office that is also an officer of the unit may not review, confirm, return or accept its unit's self-assessment (403 review.own_unit); nothing is written", async () => {
    const s = await submittedForReview(t, { fourEyes: true });
    await reviewAllCriteria(t, s.id);
    const email = `noivu.kiem.${Date.now()}@thachha.gov.vn`;
    const made = await t.api
      .post('/api/v1/users')
      .set('authorization', await t.auth(DEMO.admin))
      .send({
        email,
        fullName: 'Chuyên viên kiêm nhiệm',
        password: ACCOUNT_PASSWORD,
        mustChangePassword: false,
        roles: [{ role: 'secretariat' }, { role: 'unit_officer', unitId: await t.unitId('XA-THACHHAI') }],
      });
    expect(made.status, made.text).toBe(201);
    const auth = await t.auth(email);
    const read = await readReview(s.id, email);
    expect(read.status).toBe(200);
    // As a member of the unit it sees no scores while the review is under way.
    expect(read.body.withheld).toBe(true);
    const etag = etagOf(read);
    const before = await written(s.id);
    const calls = [
      t.api
        .patch(url(s.id))
        .set('authorization', auth)
        .set('if-match', etag)
        .send({ criteria: [{ criterionId: s.ratio, verdict: 'not_met' }] }),
      t.api
        .post(`${url(s.id)}/confirm`)
        .set('authorization', auth)
        .set('if-match', etag),
      t.api.post(`/api/v1/submissions/${s.id}/return`).set('authorization', auth).send({ reason: 'Trả lại' }),
      t.api.post(`/api/v1/submissions/${s.id}/accept`).set('authorization', auth).send({}),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('review.own_unit');
    }
    expect(await written(s.id)).toEqual(before);
  });

  it('a return keeps the review for the next version; the unit sees the verdicts and comments then, not while the review is under way', async () => {
    const s = await submittedForReview(t);
    await reviewAllCriteria(t, s.id, {
      choices: { '1.3': { verdict: 'not_met', comment: 'Cần bổ sung quyết định ban hành kế hoạch.' } },
    });
    const underWay = await readReview(s.id, DEMO.unitOfficer);
    expect(underWay.status).toBe(200);
    expect(underWay.body).toMatchObject({ withheld: true, reviewed: 0, totalScore: 0, acceptable: false });
    expect(underWay.body.criteria.every((c: Entry) => c.review === null)).toBe(true);

    const returned = await t.api
      .post(`/api/v1/submissions/${s.id}/return`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ reason: 'Bổ sung minh chứng tiêu chuẩn 1.3.' });
    expect(returned.status).toBe(200);
    const seen = await readReview(s.id, DEMO.unitOfficer);
    expect(seen.body).toMatchObject({ status: 'returned', withheld: false, reviewed: 2, totalScore: 10 });
    expect(entryOf(seen.body, s.done).review).toMatchObject({
      verdict: 'not_met',
      comment: 'Cần bổ sung quyết định ban hành kế hoạch.',
    });
    // The unit corrects and resubmits: the review is still there, so the office may accept at once.
    const head = await t.auth(DEMO.unitHead);
    const draft = await t.api.get(`/api/v1/submissions/${s.id}`).set('authorization', head);
    const fixed = await t.api
      .patch(`/api/v1/submissions/${s.id}`)
      .set('authorization', head)
      .set('if-match', etagOf(draft))
      .send({ answers: [{ criterionId: s.done, answer: { value: true } }] });
    expect(fixed.status).toBe(200);
    expect((await t.api.post(`/api/v1/submissions/${s.id}/submit`).set('authorization', head)).status).toBe(200);
    const again = await readReview(s.id);
    expect(again.body).toMatchObject({ reviewed: 2, missing: 0 });
    // The new evaluation is shown beside the review it now contradicts, for the office to update.
    expect(entryOf(again.body, s.done)).toMatchObject({
      evaluation: { result: 'met' },
      review: { verdict: 'not_met' },
    });
    const accepted = await t.api
      .post(`/api/v1/submissions/${s.id}/accept`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({});
    expect(accepted.status, accepted.text).toBe(200);
  });
});
