/**
 * The account's to-do list (GET /me/tasks): each role sees what waits for it, with the ids to open
 * it, within its reach — a unit's head only their own unit's lines, the office the submitted
 * self-assessments to review, the unit the open findings to remedy; nothing for roles with nothing
 * to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@thidua/contract';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount, makeCampaign, makeFinding, makeUnit, unique } from '../factories.ts';
import { addDays, createDraft, etagOf, move, today } from '../campaigns/support.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function tasksOf(email: string, campaignId?: string): Promise<Task[]> {
  const res = await t.api.get('/api/v1/me/tasks').set('authorization', await t.auth(email));
  expect(res.status, res.text).toBe(200);
  const items = res.body.items as Task[];
  return campaignId ? items.filter((i) => i.campaignId === campaignId) : items;
}

/** A campaign of its own for two new units: one never enrols, the other writes and submits. */
async function campaignOfTwoUnits() {
  const tag = unique('VC');
  const idle = await makeUnit(t, { kind: 'other', name: `Xã Yên ${tag}` });
  const busy = await makeUnit(t, { kind: 'other', name: `Xã Lộc ${tag}` });
  const idleHead = await makeAccount(t, 'unit_head', idle.id);
  const busyHead = await makeAccount(t, 'unit_head', busy.id);
  const deadline = addDays(today(), 10);
  const draft = await createDraft(t, {
    submissionDeadline: deadline,
    participants: { kinds: [], unitIds: [idle.id, busy.id], individualsTakePart: false },
  });
  await move(t, draft.id, 'open');
  const office = await t.auth(DEMO.secretariat);
  const enrolled = await t.api
    .post(`/api/v1/campaigns/${draft.id}/enrollments`)
    .set('authorization', office)
    .send({ unitId: busy.id, commitment: 'Cam kết thực hiện đầy đủ các tiêu chí.' });
  expect(enrolled.status, enrolled.text).toBe(201);
  return { campaignId: draft.id, deadline, idle, busy, idleHead: idleHead.email, busyHead: busyHead.email };
}

describe('GET /me/tasks', () => {
  it('walks a unit head from enrolling to submitting, and hands the submitted one to the office', async () => {
    const c = await campaignOfTwoUnits();

    // Each head sees their own unit only: one to enrol, one enrolled with nothing started yet.
    expect(await tasksOf(c.idleHead, c.campaignId)).toEqual([
      expect.objectContaining({ kind: 'enrol', count: 1, unitId: c.idle.id, dueOn: c.deadline }),
    ]);
    expect(await tasksOf(c.busyHead, c.campaignId)).toEqual([
      expect.objectContaining({ kind: 'start_self_assessment', unitId: c.busy.id, submissionId: null }),
    ]);

    const head = await t.auth(c.busyHead);
    const started = await t.api
      .post(`/api/v1/campaigns/${c.campaignId}/submissions`)
      .set('authorization', head)
      .send({});
    expect(started.status, started.text).toBe(201);
    expect(await tasksOf(c.busyHead, c.campaignId)).toEqual([
      expect.objectContaining({ kind: 'submit_self_assessment', submissionId: started.body.id }),
    ]);
    // The office has nothing to review in this campaign while it is a draft.
    expect(await tasksOf(DEMO.secretariat, c.campaignId)).toEqual([]);

    const criteria = await t.api
      .get(`/api/v1/campaigns/${c.campaignId}/criteria?target=collective`)
      .set('authorization', head);
    const answered = await t.api
      .patch(`/api/v1/submissions/${started.body.id}`)
      .set('authorization', head)
      .set('if-match', etagOf(started))
      .send({
        answers: (criteria.body.items as { id: string }[]).map((cr) => ({
          criterionId: cr.id,
          answer: { numerator: 40, denominator: 100 },
        })),
      });
    expect(answered.status, answered.text).toBe(200);
    const submitted = await t.api.post(`/api/v1/submissions/${started.body.id}/submit`).set('authorization', head);
    expect(submitted.status, submitted.text).toBe(200);

    expect(await tasksOf(c.busyHead, c.campaignId)).toEqual([]);
    expect(await tasksOf(DEMO.secretariat, c.campaignId)).toEqual([
      expect.objectContaining({ kind: 'review_submissions', count: 1, unitId: null }),
    ]);

    // Returned for correction: back on the unit's list, off the office's.
    const returned = await t.api
      .post(`/api/v1/submissions/${started.body.id}/return`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .send({ reason: 'Bổ sung số liệu.' });
    expect(returned.status, returned.text).toBe(200);
    expect(await tasksOf(c.busyHead, c.campaignId)).toEqual([
      expect.objectContaining({ kind: 'correct_self_assessment', submissionId: started.body.id }),
    ]);
    expect(await tasksOf(DEMO.secretariat, c.campaignId)).toEqual([]);
    // Another unit's head and the observer see none of it.
    expect(await tasksOf(c.idleHead, c.campaignId)).toEqual([expect.objectContaining({ kind: 'enrol' })]);
    expect(await tasksOf(DEMO.observer, c.campaignId)).toEqual([]);
  });

  it("counts the open findings of the unit's own campaigns for its members", async () => {
    const campaign = await makeCampaign(t, { status: 'open', enrol: ['XA-THACHHAI'] });
    await makeFinding(t, campaign.id, 'open');
    await makeFinding(t, campaign.id, 'open');
    await makeFinding(t, campaign.id, 'remedied');
    const unitTasks = await tasksOf(DEMO.unitOfficer, campaign.id);
    expect(unitTasks.filter((x) => x.kind === 'remedy_findings')).toEqual([
      expect.objectContaining({ count: 2, campaignId: campaign.id }),
    ]);
    // The office records findings; remedying them is not its task.
    expect((await tasksOf(DEMO.secretariat, campaign.id)).some((x) => x.kind === 'remedy_findings')).toBe(false);
    // Another unit's officer has no findings of Thạch Hải to remedy.
    expect((await tasksOf(DEMO.otherUnitOfficer, campaign.id)).some((x) => x.kind === 'remedy_findings')).toBe(false);
  });

  it('needs a signed-in account', async () => {
    const res = await t.api.get('/api/v1/me/tasks');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
