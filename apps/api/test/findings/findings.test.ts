/**
 * The inspection findings register: the standing office records, the unit remedies with evidence,
 * the office verifies or reopens; the share verified is the live answer of the derived criterion
 * "% of findings remedied" in the unit's self-assessment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { recordFinding, remedyFinding } from './support.ts';
import { makeFinding, type FindingState } from '../factories.ts';
import { demoCampaignId, uploadPdf, etagOf } from '../submissions/support.ts';

let t: TestApp;
let campaignId: string;
let unitId: string;
const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  campaignId = await demoCampaignId(t);
  unitId = await t.unitId('XA-THACHHAI');
});
afterAll(() => t.close());

const record = (body: Record<string, unknown> = {}) => recordFinding(t, campaignId, body);
const remedy = (id: string, fileIds?: string[]) => remedyFinding(t, id, fileIds);

const post = async (who: string, path: string, body?: object) => {
  const req = t.api.post(path).set('authorization', await t.auth(who));
  return body ? req.send(body) : req;
};

describe('recording findings', () => {
  it("the office records a finding with the inspection's document; the unit reads both", async () => {
    const minutes = await uploadPdf(t, DEMO.secretariat, 'bien-ban-kiem-tra.pdf');
    const res = await record({ description: 'Còn 12/148 thủ tục chưa được niêm yết.', fileIds: [minutes] });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      campaignId,
      unitId,
      unitCode: 'XA-THACHHAI',
      status: 'open',
      overdue: false,
      remedy: null,
    });
    expect(res.body.files.map((f: { id: string }) => f.id)).toEqual([minutes]);
    const officer = await t.auth(DEMO.unitOfficer);
    expect((await t.api.get(`/api/v1/findings/${res.body.id}`).set('authorization', officer)).status).toBe(200);
    // The inspection's document is the authority's file: the unit reads it through the finding.
    expect((await t.api.get(`/api/v1/files/${minutes}/content`).set('authorization', officer)).status).toBe(200);
    expect(
      (await t.api.get(`/api/v1/files/${minutes}/content`).set('authorization', await t.auth(DEMO.otherUnitOfficer)))
        .status,
    ).toBe(404);
  });

  it('refuses a unit outside the campaign, a due date before the inspection, and units recording findings', async () => {
    const outside = await record({ unitId: await t.unitId('UBND-TH') });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('finding.unit_not_participant');
    const early = await record({ dueOn: addDays(today, -1) });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('finding.due_before_inspection');
    const byUnit = await t.api
      .post(`/api/v1/campaigns/${campaignId}/findings`)
      .set('authorization', await t.auth(DEMO.unitHead))
      .send({ unitId, title: 'X', inspectionName: 'Y', inspectedOn: today });
    expect(byUnit.status).toBe(403);
    const status = await record({ status: 'verified' });
    expect(status.status).toBe(400);
  });
});

// Each test makes its own finding in the state it starts from (test/factories.ts).
const finding = async (state: FindingState) =>
  (await makeFinding(t, campaignId, state, { title: 'Chưa cập nhật quy trình nội bộ' })).id;

describe('open → remedied → verified', () => {
  it('a remedy needs evidence of the unit', async () => {
    const id = await finding('open');
    const none = await t.api
      .post(`/api/v1/findings/${id}/remedy`)
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .send({ text: 'Đã khắc phục', fileIds: [] });
    expect(none.status).toBe(400);
    const foreign = await remedy(id, [await uploadPdf(t, DEMO.otherUnitOfficer, 'tu-phap.pdf')]);
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('file.not_attachable');
  });

  it('the office cannot remedy and the unit cannot verify', async () => {
    const id = await finding('open');
    expect(
      (await post(DEMO.secretariat, `/api/v1/findings/${id}/remedy`, { text: 'x', fileIds: ['fi_x'] })).status,
    ).toBe(403);
    expect((await post(DEMO.unitHead, `/api/v1/findings/${id}/verify`)).status).toBe(403);
    const early = await post(DEMO.secretariat, `/api/v1/findings/${id}/verify`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('finding.illegal_transition');
  });

  it('the unit remedies with evidence; two racing verifications: one 200, one 409, one audit event', async () => {
    const id = await finding('open');
    const r = await remedy(id);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      status: 'remedied',
      remedy: { text: 'Đã niêm yết bổ sung 12 thủ tục hành chính.', remediedByName: 'Cán bộ UBND xã Thạch Hải' },
    });
    expect(r.body.remedy.files).toHaveLength(1);
    const results = await Promise.all([
      post(DEMO.secretariat, `/api/v1/findings/${id}/verify`),
      post(DEMO.admin, `/api/v1/findings/${id}/verify`),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    const [events] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'finding.verify'), eq(auditEvents.objectId, id)));
    expect(events!.n).toBe(1);
  });

  it('a verified finding cannot be changed until reopened, and reopening needs a reason', async () => {
    const id = await finding('verified');
    const read = await t.api.get(`/api/v1/findings/${id}`).set('authorization', await t.auth(DEMO.secretariat));
    const patch = await t.api
      .patch(`/api/v1/findings/${id}`)
      .set('authorization', await t.auth(DEMO.secretariat))
      .set('if-match', etagOf(read))
      .send({ title: 'Sửa' });
    expect(patch.status).toBe(409);
    expect((await post(DEMO.secretariat, `/api/v1/findings/${id}/reopen`, { reason: '  ' })).status).toBe(400);
    const reopened = await post(DEMO.secretariat, `/api/v1/findings/${id}/reopen`, {
      reason: 'Ảnh chụp chưa thể hiện đủ 12 thủ tục.',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'open',
      reopenReason: 'Ảnh chụp chưa thể hiện đủ 12 thủ tục.',
      verifiedAt: null,
    });
    const again = await remedy(id);
    expect(again.body).toMatchObject({ status: 'remedied', reopenReason: null });
  });

  it('the office changes the record with If-Match; a stale ETag is 412', async () => {
    const id = await finding('open');
    const auth = await t.auth(DEMO.secretariat);
    const read = await t.api.get(`/api/v1/findings/${id}`).set('authorization', auth);
    const ok = await t.api
      .patch(`/api/v1/findings/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(read))
      .send({ dueOn: addDays(today, 30) });
    expect(ok.status, ok.text).toBe(200);
    const stale = await t.api
      .patch(`/api/v1/findings/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(read))
      .send({ dueOn: addDays(today, 31) });
    expect(stale.status).toBe(412);
    const unitField = await t.api
      .patch(`/api/v1/findings/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(ok))
      .send({ unitId: await t.unitId('TP') });
    expect(unitField.status).toBe(400);
  });
});
