import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { createDraft, etagOf, move, uploadPdf } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const commitment = 'Đơn vị đăng ký thi đua, cam kết hoàn thành các tiêu chuẩn của Kế hoạch.';

/** An open campaign for offices and communes (TP and XA-THACHHAI take part). */
async function openCampaign(
  participants: Record<string, unknown> = { kinds: ['office', 'commune'], unitIds: [], individualsTakePart: true },
) {
  const { id } = await createDraft(t, { participants });
  await move(t, id, 'open');
  return id;
}

async function enrol(campaignId: string, who: string, body: Record<string, unknown> = { commitment }) {
  return t.api
    .post(`/api/v1/campaigns/${campaignId}/enrollments`)
    .set('authorization', await t.auth(who))
    .send(body);
}

describe('enrolment by a unit', () => {
  it('a unit officer enrols their own unit with a commitment (the unit is implied)', async () => {
    const id = await openCampaign();
    const res = await enrol(id, DEMO.unitOfficer);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      campaignId: id,
      unitId: await t.unitId('XA-THACHHAI'),
      unitName: 'UBND xã Thạch Hải',
      commitment,
      signedFileId: null,
      enrolledByName: 'Cán bộ UBND xã Thạch Hải',
    });
    expect(res.headers.location).toBe(`/api/v1/campaigns/${id}/enrollments/${res.body.id}`);
    const again = await enrol(id, DEMO.unitHead);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('enrollment.exists');
  });

  it('a unit officer cannot enrol another unit (403) nor read its enrolment (404)', async () => {
    const id = await openCampaign();
    const other = await enrol(id, DEMO.unitOfficer, { commitment, unitId: await t.unitId('TP') });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('enrollment.other_unit');
    const tp = await enrol(id, DEMO.otherUnitOfficer);
    expect(tp.status).toBe(201);
    const read = await t.api
      .get(`/api/v1/campaigns/${id}/enrollments/${tp.body.id}`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(read.status).toBe(404);
    const patch = await t.api
      .patch(`/api/v1/campaigns/${id}/enrollments/${tp.body.id}`)
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .set('if-match', etagOf(tp))
      .send({ commitment: 'Sửa trộm' });
    expect(patch.status).toBe(404);
    const own = await t.api
      .get(`/api/v1/campaigns/${id}/enrollments/${tp.body.id}`)
      .set('authorization', await t.auth(DEMO.otherUnitOfficer));
    expect(own.status).toBe(200);
  });

  it('a unit role lists only its own unit; the office lists every participant, enrolled or not', async () => {
    const id = await openCampaign();
    await enrol(id, DEMO.unitOfficer);
    const mine = await t.api
      .get(`/api/v1/campaigns/${id}/enrollments`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((p: { unitCode: string }) => p.unitCode)).toEqual(['XA-THACHHAI']);
    expect(mine.body).toMatchObject({ participantCount: 1, enrolledCount: 1, total: 1 });

    const office = await t.auth(DEMO.secretariat);
    const all = await t.api.get(`/api/v1/campaigns/${id}/enrollments?pageSize=100`).set('authorization', office);
    const offices = 12;
    const communes = 21;
    expect(all.body).toMatchObject({
      participantCount: offices + communes,
      enrolledCount: 1,
      total: offices + communes,
    });
    expect(all.body.items.every((p: { unitKind: string }) => ['office', 'commune'].includes(p.unitKind))).toBe(true);
    const enrolled = await t.api
      .get(`/api/v1/campaigns/${id}/enrollments?status=enrolled`)
      .set('authorization', office);
    expect(enrolled.body.items.map((p: { unitCode: string; enrolled: boolean }) => [p.unitCode, p.enrolled])).toEqual([
      ['XA-THACHHAI', true],
    ]);
    const notEnrolled = await t.api
      .get(`/api/v1/campaigns/${id}/enrollments?status=not_enrolled&pageSize=100`)
      .set('authorization', office);
    expect(notEnrolled.body.total).toBe(offices + communes - 1);
    expect(notEnrolled.body.items.some((p: { unitCode: string }) => p.unitCode === 'XA-THACHHAI')).toBe(false);
    const search = await t.api.get(`/api/v1/campaigns/${id}/enrollments?q=thach hai`).set('authorization', office);
    expect(search.body.items.map((p: { unitCode: string }) => p.unitCode)).toEqual(['XA-THACHHAI']);
  });

  it('the office enrols a unit itself, and must say which', async () => {
    const id = await openCampaign();
    const missing = await enrol(id, DEMO.secretariat);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: '/unitId', code: 'enrollment.unit_required' });
    const signed = await uploadPdf(t, DEMO.secretariat, await t.unitId('XA-THACHKHE'));
    const res = await enrol(id, DEMO.secretariat, {
      commitment,
      unitId: await t.unitId('XA-THACHKHE'),
      signedFileId: signed,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      unitName: 'UBND xã Thạch Khê',
      signedFileId: signed,
      enrolledByName: 'Chuyên viên Phòng Nội vụ',
    });
  });

  it("the signed form must be the unit's own file: another unit's file is refused and nothing is enrolled", async () => {
    const id = await openCampaign();
    const tpFile = await uploadPdf(t, DEMO.otherUnitOfficer);
    const res = await enrol(id, DEMO.unitOfficer, { commitment, signedFileId: tpFile });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: '/signedFileId/0', code: 'file.not_attachable' }),
    ]);
    const list = await t.api
      .get(`/api/v1/campaigns/${id}/enrollments?status=enrolled`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(list.body.total).toBe(0);
    const own = await uploadPdf(t, DEMO.unitOfficer);
    const ok = await enrol(id, DEMO.unitOfficer, { commitment, signedFileId: own });
    expect(ok.status).toBe(201);
    expect(ok.body.signedFileId).toBe(own);
  });

  it('a unit that does not take part cannot enrol', async () => {
    const id = await openCampaign({ kinds: ['commune'], unitIds: [], individualsTakePart: false });
    const res = await enrol(id, DEMO.otherUnitOfficer);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('enrollment.not_participant');
  });

  it('a named unit takes part besides the kinds', async () => {
    const id = await openCampaign({ kinds: ['commune'], unitIds: [await t.unitId('TP')], individualsTakePart: false });
    expect((await enrol(id, DEMO.otherUnitOfficer)).status).toBe(201);
  });

  it('enrolment is only while the campaign is open', async () => {
    const { id } = await createDraft(t, {
      participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
    });
    const auth = await t.auth(DEMO.secretariat);
    const draft = await enrol(id, DEMO.secretariat, { commitment, unitId: await t.unitId('XA-THACHHAI') });
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe('enrollment.campaign_not_open');
    await move(t, id, 'open');
    const created = await enrol(id, DEMO.unitHead);
    expect(created.status).toBe(201);
    const changed = await t.api
      .patch(`/api/v1/campaigns/${id}/enrollments/${created.body.id}`)
      .set('authorization', await t.auth(DEMO.unitHead))
      .set('if-match', etagOf(created))
      .send({ commitment: 'Cam kết bổ sung.' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ commitment: 'Cam kết bổ sung.', version: 2 });
    await move(t, id, 'close');
    const closed = await enrol(id, DEMO.secretariat, { commitment, unitId: await t.unitId('XA-THACHKHE') });
    expect(closed.status).toBe(409);
    const late = await t.api
      .patch(`/api/v1/campaigns/${id}/enrollments/${created.body.id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(changed))
      .send({ commitment: 'Muộn' });
    expect(late.status).toBe(409);
  });

  it('staff, observers and leaders do not enrol units', async () => {
    const id = await openCampaign();
    for (const who of [DEMO.staff, DEMO.observer, DEMO.leader]) expect((await enrol(id, who)).status, who).toBe(403);
  });
});

describe('the demo campaign', () => {
  it('is the seed plan, open, with XA-THACHHAI among its enrolled units', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const open = await t.api.get('/api/v1/campaigns?status=open&q=cai cach hanh chinh').set('authorization', auth);
    const demo = open.body.items.find((c: { templateId: string }) => c.templateId === 'bundled-cchc-2022');
    expect(demo).toBeTruthy();
    expect(demo.criteriaCount).toBe(15);
    const enrolled = await t.api
      .get(`/api/v1/campaigns/${demo.id}/enrollments?status=enrolled`)
      .set('authorization', auth);
    expect(enrolled.body.items.map((p: { unitCode: string }) => p.unitCode)).toContain('XA-THACHHAI');
    expect(enrolled.body.enrolledCount).toBeGreaterThanOrEqual(3);
    const tp = await t.api
      .get(`/api/v1/campaigns/${demo.id}/enrollments?status=not_enrolled&q=tu phap`)
      .set('authorization', auth);
    expect(tp.body.items.map((p: { unitCode: string }) => p.unitCode)).toEqual(['TP']);
  });
});
