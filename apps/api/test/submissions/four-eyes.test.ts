/**
 * Four-eyes: where the campaign requires a second reviewer, someone who reviewed none of the
 * criteria confirms the scores before accept; the reviewer cannot confirm their own; a later change
 * of a verdict or score clears the confirmation; everything is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, criterionReviews, submissions } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount, reviewAllCriteria } from '../factories.ts';
import { etagOf, submittedForReview } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = (id: string) => `/api/v1/submissions/${id}/review`;

async function confirm(id: string, auth: string, ifMatch?: string) {
  const req = t.api.post(`${url(id)}/confirm`).set('authorization', auth);
  if (ifMatch) req.set('if-match', ifMatch);
  return req;
}
async function accept(id: string) {
  return t.api
    .post(`/api/v1/submissions/${id}/accept`)
    .set('authorization', await t.auth(DEMO.secretariat))
    .send({});
}
async function currentEtag(id: string) {
  return etagOf(await t.api.get(url(id)).set('authorization', await t.auth(DEMO.secretariat)));
}

/** What a refused call must leave as it was: the submission, its reviews and the audit log. */
async function written(id: string) {
  const [row] = await t.database.db
    .select({ status: submissions.status, version: submissions.version, confirmedBy: submissions.reviewConfirmedBy })
    .from(submissions)
    .where(eq(submissions.id, id));
  const reviews = await t.database.db
    .select({ c: criterionReviews.criterionId, v: criterionReviews.verdict, s: criterionReviews.score })
    .from(criterionReviews)
    .where(eq(criterionReviews.submissionId, id))
    .orderBy(criterionReviews.criterionId);
  const [audit] = await t.database.db.select({ n: count() }).from(auditEvents);
  return { row, reviews, audits: audit!.n };
}

describe('a campaign that requires a second reviewer', () => {
  it('accept waits for the confirmation (409 review.not_confirmed) and the reviewer may not confirm their own scores (403 review.same_reviewer); nothing is written', async () => {
    const s = await submittedForReview(t, { fourEyes: true });
    const { etag, review } = await reviewAllCriteria(t, s.id);
    expect(review).toMatchObject({ requireSecondReviewer: true, confirmation: null, acceptable: false, missing: 0 });
    const second = await makeAccount(t, 'secretariat');
    const before = await written(s.id);

    const early = await accept(s.id);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('review.not_confirmed');
    const own = await confirm(s.id, await t.auth(DEMO.secretariat), etag);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('review.same_reviewer');
    expect(await written(s.id)).toEqual(before);

    // A second reviewer needs the If-Match and the current ETag.
    expect((await confirm(s.id, second.auth)).status).toBe(428);
    expect((await confirm(s.id, second.auth, '"v1"')).status).toBe(412);
    expect(await written(s.id)).toEqual(before);
  });

  it('a second reviewer who reviewed none of the criteria confirms, then the office accepts; both moves are audited', async () => {
    const s = await submittedForReview(t, { fourEyes: true });
    const second = await makeAccount(t, 'secretariat');
    // Before the review is complete there is nothing to confirm.
    const partial = await t.api
      .patch(url(s.id))
      .set('authorization', await t.auth(DEMO.secretariat))
      .set('if-match', await currentEtag(s.id))
      .send({ criteria: [{ criterionId: s.ratio, verdict: 'met', score: 9 }] });
    expect(partial.status).toBe(200);
    const incomplete = await confirm(s.id, second.auth, etagOf(partial));
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.code).toBe('review.incomplete');

    const { etag } = await reviewAllCriteria(t, s.id, { choices: { '1.2.a.8': { verdict: 'met', score: 9 } } });
    const confirmed = await confirm(s.id, second.auth, etag);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toMatchObject({
      acceptable: true,
      totalScore: 9,
      confirmation: { confirmedById: second.id, confirmedByName: 'Tài khoản secretariat' },
    });
    const twice = await confirm(s.id, second.auth, etagOf(confirmed));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('review.already_confirmed');

    const ok = await accept(s.id);
    expect(ok.status, ok.text).toBe(200);
    const events = await t.database.db
      .select({ action: auditEvents.action, actor: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'submission'), eq(auditEvents.objectId, s.id)))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action).filter((a) => a.startsWith('submission.') && a !== 'submission.update')).toEqual(
      [
        'submission.create',
        'submission.submit',
        'submission.review',
        'submission.review',
        'submission.confirm_review',
        'submission.accept',
      ],
    );
    expect(events.find((e) => e.action === 'submission.confirm_review')!.actor).toBe(second.id);
  });

  it('a later change of a score or verdict clears the confirmation (accept is 409 again); a comment alone does not', async () => {
    const s = await submittedForReview(t, { fourEyes: true });
    const { etag } = await reviewAllCriteria(t, s.id);
    const second = await makeAccount(t, 'secretariat');
    const confirmed = await confirm(s.id, second.auth, etag);
    expect(confirmed.status).toBe(200);

    const save = async (change: object, ifMatch: string) =>
      t.api
        .patch(url(s.id))
        .set('authorization', await t.auth(DEMO.secretariat))
        .set('if-match', ifMatch)
        .send({ criteria: [change] });
    const commented = await save({ criterionId: s.ratio, verdict: 'met', comment: 'Số liệu khớp.' }, etagOf(confirmed));
    expect(commented.status).toBe(200);
    expect(commented.body.confirmation).toMatchObject({ confirmedById: second.id });

    const rescored = await save({ criterionId: s.ratio, verdict: 'met', score: 8 }, etagOf(commented));
    expect(rescored.status).toBe(200);
    expect(rescored.body).toMatchObject({ confirmation: null, acceptable: false });
    const [row] = await t.database.db
      .select({ by: submissions.reviewConfirmedBy, at: submissions.reviewConfirmedAt })
      .from(submissions)
      .where(eq(submissions.id, s.id));
    expect(row).toEqual({ by: null, at: null });
    const refused = await accept(s.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('review.not_confirmed');

    // Confirmed again (by the same second reviewer, who still reviewed nothing), accept passes.
    const again = await confirm(s.id, second.auth, etagOf(rescored));
    expect(again.status).toBe(200);
    expect((await accept(s.id)).status).toBe(200);
  });

  it('a campaign without four-eyes has nothing to confirm (409 review.not_required)', async () => {
    const s = await submittedForReview(t);
    const { etag, review } = await reviewAllCriteria(t, s.id);
    expect(review).toMatchObject({ requireSecondReviewer: false, acceptable: true });
    const second = await makeAccount(t, 'secretariat');
    const res = await confirm(s.id, second.auth, etag);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('review.not_required');
  });
});
