/** Shared steps of the self-assessment, findings and initiatives tests: the demo campaign, its criteria, uploads. */
import { and, eq } from 'drizzle-orm';
import { DEMO_CAMPAIGN_TEMPLATE } from '../../src/bootstrap/demo-campaign.ts';
import { campaigns, people } from '../../src/db/schema/index.ts';
import { DEMO, type TestApp } from '../helpers.ts';
import { pdf } from '../files/fixtures.ts';
import { createDraft, move } from '../campaigns/support.ts';

type Who = (typeof DEMO)[keyof typeof DEMO];

/**
 * The demo campaign (the 2022 reform plan made from the bundled template, open, XA-THACHHAI
 * enrolled), found by what it is rather than by being the only open one: the demo data may hold
 * other campaigns.
 */
export async function demoCampaignId(t: TestApp): Promise<string> {
  const open = await t.database.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'open'), eq(campaigns.templateId, DEMO_CAMPAIGN_TEMPLATE)));
  if (open.length !== 1) throw new Error(`expected one open demo campaign, found ${open.length}`);
  return open[0]!.id;
}

export interface CriterionRef {
  id: string;
  code: string;
  target: string;
  kind: string;
  evidenceRequired: boolean;
}

/** The campaign's criteria of a target, by code. */
export async function criteriaByCode(
  t: TestApp,
  campaignId: string,
  target: 'collective' | 'individual' = 'collective',
): Promise<Map<string, CriterionRef>> {
  const res = await t.api
    .get(`/api/v1/campaigns/${campaignId}/criteria?target=${target}`)
    .set('authorization', await t.auth(DEMO.secretariat));
  if (res.status !== 200) throw new Error(`criteria: ${res.status} ${res.text}`);
  return new Map((res.body.items as CriterionRef[]).map((c) => [c.code, c]));
}

/** Uploads a small PDF as `who` (for their own unit, or `unitId` for the office) and returns its id. */
export async function uploadPdf(t: TestApp, who: Who, name = 'minh-chung.pdf', unitId?: string): Promise<string> {
  let req = t.api.post('/api/v1/files').set('authorization', await t.auth(who));
  if (unitId) req = req.field('unitId', unitId);
  const res = await req.attach('file', pdf(), { filename: name, contentType: 'application/pdf' });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** A staff member of a unit (for authors of initiatives). */
export async function personOf(t: TestApp, unitCode: string, index = 0): Promise<string> {
  const unitId = await t.unitId(unitCode);
  const rows = await t.database.db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.unitId, unitId))
    .orderBy(people.fullName, people.id);
  return rows[index]!.id;
}

/** Starts XA-THACHHAI's collective self-assessment as its officer. */
export async function startUnitSubmission(t: TestApp, campaignId: string): Promise<{ id: string; etag: string }> {
  const res = await t.api
    .post(`/api/v1/campaigns/${campaignId}/submissions`)
    .set('authorization', await t.auth(DEMO.unitOfficer))
    .send({});
  if (res.status !== 201) throw new Error(`start: ${res.status} ${res.text}`);
  return { id: res.body.id, etag: etagOf(res) };
}

/** XA-THACHHAI's officer saves `answers` (autosave's body) on a started self-assessment; returns the response. */
export async function saveAsOfficer(t: TestApp, s: { id: string; etag: string }, answers: unknown[]) {
  return t.api
    .patch(`/api/v1/submissions/${s.id}`)
    .set('authorization', await t.auth(DEMO.unitOfficer))
    .set('if-match', s.etag)
    .send({ answers });
}

/** The ETag of a response, which every read and write of these resources sends. */
export function etagOf(res: { headers: Record<string, string | undefined>; status: number }): string {
  const etag = res.headers['etag'];
  if (!etag) throw new Error(`no ETag on a ${res.status} response`);
  return etag;
}

/**
 * A campaign of its own (open, XA-THACHHAI enrolled) with two collective criteria — 1.2.a.8, a ratio
 * "> 30 %" worth 10, and 1.3, a boolean worth 5 — and XA-THACHHAI's self-assessment answered (50 %:
 * met; not done: not met) and submitted by its head. `fourEyes` makes the campaign require a second
 * reviewer (set in the database: the test is about the review, not the campaign editor).
 */
export async function submittedForReview(
  t: TestApp,
  opts: { fourEyes?: boolean } = {},
): Promise<{ campaignId: string; id: string; ratio: string; done: string }> {
  const office = await t.auth(DEMO.secretariat);
  const draft = await createDraft(t);
  const added = await t.api.post(`/api/v1/campaigns/${draft.id}/criteria`).set('authorization', office).send({
    code: '1.3',
    target: 'collective',
    group: 'general',
    title: 'Ban hành kế hoạch CCHC',
    kind: 'boolean',
    maxScore: 5,
  });
  if (added.status !== 201) throw new Error(`criterion: ${added.status} ${added.text}`);
  if (opts.fourEyes)
    await t.database.db.update(campaigns).set({ requireSecondReviewer: true }).where(eq(campaigns.id, draft.id));
  await move(t, draft.id, 'open');
  const enrol = await t.api
    .post(`/api/v1/campaigns/${draft.id}/enrollments`)
    .set('authorization', office)
    .send({ unitId: await t.unitId('XA-THACHHAI'), commitment: 'Cam kết thực hiện.' });
  if (enrol.status !== 201) throw new Error(`enrol: ${enrol.status} ${enrol.text}`);
  const crit = await criteriaByCode(t, draft.id);
  const ratio = crit.get('1.2.a.8')!.id;
  const done = crit.get('1.3')!.id;
  const s = await startUnitSubmission(t, draft.id);
  const saved = await t.api
    .patch(`/api/v1/submissions/${s.id}`)
    .set('authorization', await t.auth(DEMO.unitOfficer))
    .set('if-match', s.etag)
    .send({
      answers: [
        { criterionId: ratio, answer: { numerator: 50, denominator: 100 } },
        { criterionId: done, answer: { value: false } },
      ],
    });
  if (saved.status !== 200) throw new Error(`answer: ${saved.status} ${saved.text}`);
  const submitted = await t.api
    .post(`/api/v1/submissions/${s.id}/submit`)
    .set('authorization', await t.auth(DEMO.unitHead));
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
  return { campaignId: draft.id, id: s.id, ratio, done };
}
