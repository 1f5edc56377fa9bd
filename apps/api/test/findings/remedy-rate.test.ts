/**
 * "% of findings remedied" (verified of all the unit's findings in the campaign), live in the
 * findings list, per unit, and as the answer of the derived criterion in the unit's self-assessment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { recordFinding, remedyFinding } from './support.ts';
import { demoCampaignId, startUnitSubmission } from '../submissions/support.ts';

let t: TestApp;
let campaignId: string;
const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  campaignId = await demoCampaignId(t);
});
afterAll(() => t.close());

const record = (body: Record<string, unknown> = {}) => recordFinding(t, campaignId, body);
const remedy = (id: string, fileIds?: string[]) => remedyFinding(t, id, fileIds);

const verify = async (id: string) =>
  t.api.post(`/api/v1/findings/${id}/verify`).set('authorization', await t.auth(DEMO.secretariat));

describe('"% of findings remedied"', () => {
  it("counts verified findings over all of the unit's, lists overdue ones, and answers the derived criterion live", async () => {
    const office = await t.auth(DEMO.secretariat);
    const { id: submissionId } = await startUnitSubmission(t, campaignId);
    const derived = async () => {
      const res = await t.api
        .get(`/api/v1/submissions/${submissionId}`)
        .set('authorization', await t.auth(DEMO.unitOfficer));
      return res.body.answers.find((a: { code: string }) => a.code === '1.2.a.4');
    };
    // No findings: nothing was measured, so a reviewer decides (never a free 100 %).
    expect((await derived()).evaluation).toMatchObject({ result: 'needs_review', reason: 'no_denominator' });

    const a = (await record({ title: 'Chưa công khai quy trình nội bộ' })).body.id;
    const b = (
      await record({
        title: 'Chậm cập nhật Cổng thông tin điện tử',
        inspectedOn: addDays(today, -20),
        dueOn: addDays(today, -5),
      })
    ).body.id;
    let list = await t.api.get(`/api/v1/campaigns/${campaignId}/findings`).set('authorization', office);
    expect(list.body.stats).toMatchObject({ total: 2, open: 2, verified: 0, overdue: 1, remediedPercent: 0 });
    const overdue = await t.api
      .get(`/api/v1/campaigns/${campaignId}/findings?overdue=true`)
      .set('authorization', office);
    expect(overdue.body.items.map((f: { id: string }) => f.id)).toEqual([b]);
    expect(overdue.body.items[0].overdue).toBe(true);

    await remedy(a);
    await verify(a);
    list = await t.api.get(`/api/v1/campaigns/${campaignId}/findings`).set('authorization', office);
    expect(list.body.stats).toMatchObject({ total: 2, verified: 1, remediedPercent: 50 });
    let answer = await derived();
    expect(answer).toMatchObject({
      answer: { numerator: 1, denominator: 2 },
      evaluation: { result: 'not_met', measured: 50 },
    });
    expect(answer.derived).toMatchObject({ source: 'findings_remedied_ratio' });
    expect(answer.derived.recordIds.sort()).toEqual([a, b].sort());

    // A remedy reported but not yet verified does not count.
    await remedy(b);
    expect((await derived()).answer).toEqual({ numerator: 1, denominator: 2 });
    await verify(b);
    answer = await derived();
    expect(answer).toMatchObject({
      answer: { numerator: 2, denominator: 2 },
      evaluation: { result: 'met', reason: 'threshold_met', measured: 100 },
    });

    const rates = await t.api.get(`/api/v1/campaigns/${campaignId}/findings/remedy-rates`).set('authorization', office);
    expect(rates.body.items).toEqual([
      expect.objectContaining({ unitCode: 'XA-THACHHAI', total: 2, verified: 2, remediedPercent: 100 }),
    ]);
    const search = await t.api
      .get(`/api/v1/campaigns/${campaignId}/findings?q=cap%20nhat%20cong`)
      .set('authorization', office);
    expect(search.body.items.map((f: { id: string }) => f.id)).toEqual([b]);
  });
});
