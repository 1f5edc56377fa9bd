/**
 * Every participating unit's state, drafts included (issue 11): the standing office sees that a
 * unit is drafting and how many criteria its draft answers — the same count the unit sees — but
 * never the draft itself; units not started show 0 of the criteria.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeSeedCampaign } from '../factories.ts';
import { criteriaByCode, saveAsOfficer, startUnitSubmission } from '../submissions/support.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Line {
  unitCode: string;
  status: string;
  submissionId: string | null;
  criteria: number;
  answered: number;
}

it("the office sees each unit's state and how far a draft is, never the draft's answers", async () => {
  const { id: campaignId } = await makeSeedCampaign(t);
  const crit = await criteriaByCode(t, campaignId);
  const s = await startUnitSubmission(t, campaignId);
  const saved = await saveAsOfficer(t, s, [
    { criterionId: crit.get('1.1')!.id, answer: { value: true } },
    { criterionId: crit.get('1.2.a.8')!.id, answer: { numerator: 35, denominator: 100 } },
  ]);
  expect(saved.status, saved.text).toBe(200);
  const unitSees = saved.body.progress as { criteria: number; answered: number };

  const office = await t.auth(DEMO.secretariat);
  const res = await t.api.get(`/api/v1/campaigns/${campaignId}/progress?pageSize=100`).set('authorization', office);
  expect(res.status, res.text).toBe(200);
  const lines = res.body.units.items as Line[];
  const own = lines.find((l) => l.unitCode === 'XA-THACHHAI')!;
  expect(own).toMatchObject({
    status: 'draft',
    submissionId: null,
    criteria: unitSees.criteria,
    answered: unitSees.answered,
  });
  expect(own.answered).toBeGreaterThanOrEqual(2);
  const others = lines.filter((l) => l.unitCode !== 'XA-THACHHAI');
  expect(others.length).toBeGreaterThan(0);
  for (const l of others) {
    expect(['not_enrolled', 'not_started']).toContain(l.status);
    expect(l).toMatchObject({ submissionId: null, criteria: unitSees.criteria, answered: 0 });
  }
  // the draft itself stays inside the unit
  expect((await t.api.get(`/api/v1/submissions/${s.id}`).set('authorization', office)).status).toBe(404);

  // the unit's own line names its draft
  const unit = await t.api
    .get(`/api/v1/campaigns/${campaignId}/progress`)
    .set('authorization', await t.auth(DEMO.unitOfficer));
  expect(unit.body.units.items).toEqual([expect.objectContaining({ submissionId: s.id, answered: unitSees.answered })]);
});
