/**
 * Award dossiers, the unit's side: preparation in a closed campaign, the three documents (uploaded,
 * or drafted by the system as DOCX and read back here), submission and each of its refusals (with
 * nothing written), and unit isolation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import {
  awardBlockers,
  awardSettings,
  awards,
  campaignAwardTypes,
  campaigns,
  decisions,
  dossiers,
  units,
} from '../../src/db/schema/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { AWARD, closedCampaignWithAcceptedUnit, insertDossier, type AwardCampaign } from '../awards/support.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { etagOf, personOf } from '../submissions/support.ts';
import {
  addAllDocuments,
  createDossier,
  draftDocument,
  fileParagraphs,
  getDossier,
  submit,
  uploadDocument,
} from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const unitBody = (achievement = 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.') => ({
  nomineeKind: 'unit',
  awardTypeId: AWARD.giayKhenCollective,
  achievement,
});

async function dossierCount(campaignId: string): Promise<number> {
  const [r] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(eq(dossiers.campaignId, campaignId));
  return Number(r!.n);
}

async function rowOf(id: string) {
  const [r] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return r!;
}

/** Expects a refused submit: the status and code, and the dossier untouched. */
async function expectRefusedSubmit(id: string, status: number, code: string) {
  const before = await rowOf(id);
  const res = await submit(t, DEMO.unitHead, id);
  expect(res.status, res.text).toBe(status);
  expect(res.body.code).toBe(code);
  const after = await rowOf(id);
  expect(after.status).toBe(before.status);
  expect(after.version).toBe(before.version);
  expect(after.submittedAt).toBeNull();
  return res;
}

describe('preparing and submitting a dossier', () => {
  it('the unit head creates a dossier, uploads one document, has two drafted and submits it', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const created = await createDossier(t, DEMO.unitHead, c.campaignId, { ...unitBody(), unitId: c.unitId });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      nomineeKind: 'unit',
      unitId: c.unitId,
      nomineeName: 'UBND xã Thạch Hải',
      submissionId: c.submissionId,
      authorityUnitId: c.authorityUnitId,
      upward: false,
      missingDocuments: ['proposal_letter', 'achievement_report', 'meeting_minutes'],
    });
    const id = created.body.id as string;

    const minutes = await uploadDocument(t, DEMO.unitHead, id, 'meeting_minutes', 'bien-ban-hop-xet.pdf');
    expect(minutes.status, minutes.text).toBe(200);
    const letter = await draftDocument(t, DEMO.unitOfficer, id, 'proposal_letter');
    expect(letter.status, letter.text).toBe(200);
    const report = await draftDocument(t, DEMO.unitHead, id, 'achievement_report');
    expect(report.status, report.text).toBe(200);
    expect(report.body.missingDocuments).toEqual([]);
    expect((report.body.documents as { kind: string; source: string }[]).map((d) => [d.kind, d.source])).toEqual([
      ['proposal_letter', 'drafted'],
      ['achievement_report', 'drafted'],
      ['meeting_minutes', 'uploaded'],
    ]);

    const submitted = await submit(t, DEMO.unitHead, id);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.submittedAt).not.toBeNull();

    // Submitted: the unit can no longer change it, and a second submit is an illegal move.
    const again = await submit(t, DEMO.unitHead, id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('dossier.illegal_transition');
    expect(again.body.detail).toContain('đã nộp');
    const late = await uploadDocument(t, DEMO.unitHead, id, 'meeting_minutes');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('dossier.not_editable');

    // Whoever reads the dossier reads its documents: the desk downloads the drafted report.
    const doc = (submitted.body.documents as { kind: string; file: { id: string } }[]).find(
      (d) => d.kind === 'achievement_report',
    )!;
    const text = await fileParagraphs(t, DEMO.reception, doc.file.id);
    expect(text.join('\n')).toContain('BÁO CÁO THÀNH TÍCH');
  });

  it('drafts the three documents from the data, with diacritics', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const [campaign] = await t.database.db.select().from(campaigns).where(eq(campaigns.id, c.campaignId));
    const created = await createDossier(t, DEMO.unitHead, c.campaignId, { ...unitBody(), unitId: c.unitId });
    const id = created.body.id as string;
    const fileOf = (body: { documents: { kind: string; file: { id: string } }[] }, kind: string) =>
      body.documents.find((d) => d.kind === kind)!.file.id;

    const letter = await draftDocument(t, DEMO.unitHead, id, 'proposal_letter');
    expect(letter.status, letter.text).toBe(200);
    expect(letter.body.documents[0].file.name).toBe('Tờ trình đề nghị khen thưởng - UBND xã Thạch Hải.docx');
    const l = await fileParagraphs(t, DEMO.unitHead, fileOf(letter.body, 'proposal_letter'));
    const lt = l.join('\n');
    expect(lt).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(l.some((p) => p.startsWith('Số:') && p.includes('/TTr-'))).toBe(true);
    expect(l).toContain('TỜ TRÌNH');
    expect(l.find((p) => p.startsWith('Kính gửi:'))).toMatch(/^Kính gửi: CHỦ TỊCH/);
    expect(lt).toContain(`Căn cứ Kế hoạch số ${campaign!.number}`);
    expect(lt).toContain('Giấy khen');
    expect(lt).toContain('UBND xã Thạch Hải');
    expect(lt).toContain('Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.');
    expect(l).toContain('Tên tập thể, cá nhân');

    const report = await draftDocument(t, DEMO.unitHead, id, 'achievement_report');
    const r = await fileParagraphs(t, DEMO.unitHead, fileOf(report.body, 'achievement_report'));
    const rt = r.join('\n');
    expect(r).toContain('Mẫu số 02');
    expect(r).toContain('BÁO CÁO THÀNH TÍCH');
    expect(r).toContain('Tên tập thể: UBND xã Thạch Hải');
    // The accepted self-assessment: the criteria with their answers, verdicts and scores, the total.
    expect(r).toContain('1.2.a.8');
    expect(r).toContain('1.3');
    expect(rt).toContain('Thẩm định');
    expect(rt).toMatch(/Đạt|Không đạt/);
    expect(r.some((p) => p.startsWith('Tổng điểm: '))).toBe(true);
    expect(r).toContain('III. DANH MỤC MINH CHỨNG');

    const minutes = await draftDocument(t, DEMO.unitHead, id, 'meeting_minutes', {
      heldAt: '2026-12-01T01:30:00Z',
      place: 'Hội trường UBND xã Thạch Hải',
      chair: 'Nguyễn Văn Hùng',
      secretary: 'Trần Thị Lý',
      attendees: ['Nguyễn Văn Hùng', 'Trần Thị Lý', 'Lê Đức Thọ'],
      absent: ['Phạm Quốc Việt'],
      votesFor: 3,
      votesAgainst: 0,
    });
    expect(minutes.status, minutes.text).toBe(200);
    const m = await fileParagraphs(t, DEMO.unitHead, fileOf(minutes.body, 'meeting_minutes'));
    expect(m).toContain('BIÊN BẢN');
    expect(m).toContain('Thời gian: 08 giờ 30, ngày 01/12/2026');
    expect(m).toContain('Địa điểm: Hội trường UBND xã Thạch Hải');
    expect(m).toContain('Chủ trì: Nguyễn Văn Hùng');
    expect(m).toContain('Thư ký: Trần Thị Lý');
    expect(m).toContain('- Lê Đức Thọ');
    expect(m).toContain('- Phạm Quốc Việt');
    expect(m).toContain('Số người đồng ý: 3/3');
    expect(m).toContain('Số người không đồng ý: 0/3');

    // Nothing given: blank lines to fill in by hand.
    const blank = await draftDocument(t, DEMO.unitHead, id, 'meeting_minutes');
    const b = await fileParagraphs(t, DEMO.unitHead, fileOf(blank.body, 'meeting_minutes'));
    expect(b.find((p) => p.startsWith('Thời gian:'))).toMatch(/^Thời gian: …/);
    expect(b.find((p) => p.startsWith('Chủ trì:'))).toMatch(/^Chủ trì: …/);
  });

  it('a person: an individual award, form 03', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const created = await createDossier(t, DEMO.unitHead, c.campaignId, {
      nomineeKind: 'person',
      unitId: c.unitId,
      personId: c.personId,
      awardTypeId: AWARD.giayKhenIndividual,
      achievement: 'Có nhiều đóng góp trong cải cách hành chính.',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.personId).toBe(c.personId);
    const report = await draftDocument(t, DEMO.unitHead, created.body.id, 'achievement_report');
    const fileId = (report.body.documents as { kind: string; file: { id: string } }[])[0]!.file.id;
    const r = await fileParagraphs(t, DEMO.unitHead, fileId);
    expect(r).toContain('Mẫu số 03');
    expect(r).toContain('Đơn vị công tác: UBND xã Thạch Hải');
  });
});

describe('refusals when preparing', () => {
  it('an award type the campaign does not lead to: 422', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const res = await createDossier(t, DEMO.unitHead, c.campaignId, {
      ...unitBody(),
      unitId: c.unitId,
      awardTypeId: AWARD.bangKhenCollective,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('dossier.award_type_not_in_campaign');
    expect(await dossierCount(c.campaignId)).toBe(0);
  });

  it('an award type not fitting the nominee (an individual award for a unit): 422', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const res = await createDossier(t, DEMO.unitHead, c.campaignId, {
      ...unitBody(),
      unitId: c.unitId,
      awardTypeId: AWARD.giayKhenIndividual,
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('dossier.award_type_mismatch');
    const person = await createDossier(t, DEMO.unitHead, c.campaignId, {
      nomineeKind: 'person',
      unitId: c.unitId,
      personId: c.personId,
      awardTypeId: AWARD.giayKhenCollective,
      achievement: 'x',
    });
    expect(person.status).toBe(422);
    expect(person.body.code).toBe('dossier.award_type_mismatch');
    expect(await dossierCount(c.campaignId)).toBe(0);
  });

  it('a campaign not closed: 409', async () => {
    const c = await closedCampaignWithAcceptedUnit(t, { close: false });
    const res = await createDossier(t, DEMO.unitHead, c.campaignId, { ...unitBody(), unitId: c.unitId });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dossier.campaign_not_closed');
    expect(await dossierCount(c.campaignId)).toBe(0);
  });

  it('past the dossier deadline: 409', async () => {
    const c = await closedCampaignWithAcceptedUnit(t, { dossierDeadlineInDays: -1 });
    const res = await createDossier(t, DEMO.unitHead, c.campaignId, { ...unitBody(), unitId: c.unitId });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dossier.deadline_passed');
    expect(await dossierCount(c.campaignId)).toBe(0);
  });

  it('a second live dossier for the same nominee: 409', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    expect((await createDossier(t, DEMO.unitHead, c.campaignId, { ...unitBody(), unitId: c.unitId })).status).toBe(201);
    const res = await createDossier(t, DEMO.unitOfficer, c.campaignId, { ...unitBody('Lần hai'), unitId: c.unitId });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dossier.duplicate_achievement');
    expect(await dossierCount(c.campaignId)).toBe(1);
  });

  it("another unit's officer cannot prepare one for Thạch Hải: 403", async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const res = await createDossier(t, DEMO.otherUnitOfficer, c.campaignId, { ...unitBody(), unitId: c.unitId });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('dossier.other_unit');
    expect(await dossierCount(c.campaignId)).toBe(0);
  });

  it('changes only while draft or returned (If-Match), deletes only drafts', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const created = await createDossier(t, DEMO.unitHead, c.campaignId, { ...unitBody(), unitId: c.unitId });
    const id = created.body.id as string;
    const auth = await t.auth(DEMO.unitHead);
    const noMatch = await t.api.patch(`/api/v1/dossiers/${id}`).set('authorization', auth).send({ achievement: 'Mới' });
    expect(noMatch.status).toBe(428);
    const ok = await t.api
      .patch(`/api/v1/dossiers/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(created))
      .send({ achievement: 'Thành tích đã sửa' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.achievement).toBe('Thành tích đã sửa');
    const stale = await t.api
      .patch(`/api/v1/dossiers/${id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(created))
      .send({ achievement: 'x' });
    expect(stale.status).toBe(412);

    const { id: sent } = await insertDossier(t, c, { status: 'submitted', personId: c.personId });
    const read = await getDossier(t, DEMO.unitHead, sent);
    const locked = await t.api
      .patch(`/api/v1/dossiers/${sent}`)
      .set('authorization', auth)
      .set('if-match', etagOf(read))
      .send({ achievement: 'x' });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('dossier.not_editable');
    const del = await t.api.delete(`/api/v1/dossiers/${sent}`).set('authorization', auth);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('dossier.not_deletable');
    expect((await rowOf(sent)).status).toBe('submitted');

    const gone = await t.api.delete(`/api/v1/dossiers/${id}`).set('authorization', auth);
    expect(gone.status, gone.text).toBe(200);
    expect((await getDossier(t, DEMO.unitHead, id)).status).toBe(404);
  });
});

describe('refusals of submit (nothing written)', () => {
  async function readyDossier(
    c: AwardCampaign,
    opts: { awardTypeId?: string; personId?: string; kinds?: string[] } = {},
  ) {
    const { id } = await insertDossier(t, c, { status: 'draft', ...opts });
    await addAllDocuments(t, DEMO.unitHead, id, opts.kinds);
    return id;
  }

  it('missing documents: 422 naming each', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const { id } = await insertDossier(t, c, { status: 'draft' });
    await uploadDocument(t, DEMO.unitHead, id, 'proposal_letter');
    const res = await expectRefusedSubmit(id, 422, 'dossier.missing_documents');
    expect(res.body.detail).toBe('Hồ sơ còn thiếu: Báo cáo thành tích, Biên bản họp xét.');
    const en = await t.api
      .post(`/api/v1/dossiers/${id}/submit`)
      .set('authorization', await t.auth(DEMO.unitHead))
      .set('accept-language', 'en')
      .send({});
    expect(en.body.detail).toBe('The dossier still lacks: Achievement report, Minutes of the consideration meeting.');
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([
      '/documents/achievement_report',
      '/documents/meeting_minutes',
    ]);
  });

  it('the campaign not closed, or past its dossier deadline: 409', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const id = await readyDossier(c);
    await t.database.db.update(campaigns).set({ status: 'open' }).where(eq(campaigns.id, c.campaignId));
    await expectRefusedSubmit(id, 409, 'dossier.campaign_not_closed');
    await t.database.db
      .update(campaigns)
      .set({ status: 'closed', dossierDeadline: addDays(todayInVietnam(), -1) })
      .where(eq(campaigns.id, c.campaignId));
    const res = await expectRefusedSubmit(id, 409, 'dossier.deadline_passed');
    expect(res.body.detail).toContain('Đã quá hạn nộp hồ sơ khen thưởng');
  });

  it('a Bằng khen proposed by UBND-TH (commune level, no authority above): 422 citing Điều 80', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    await t.database.db
      .insert(campaignAwardTypes)
      .values({ campaignId: c.campaignId, awardTypeId: AWARD.bangKhenCollective, position: 2 });
    const id = await readyDossier(c, { awardTypeId: AWARD.bangKhenCollective });
    const read = await getDossier(t, DEMO.unitHead, id);
    expect(read.body.upward).toBe(false);
    const res = await expectRefusedSubmit(id, 422, 'dossier.award_not_in_power');
    expect(res.body.detail).toContain('Điều 80');
    expect(res.body.detail).toContain('Bằng khen');
    expect(res.body.detail).toContain('Chủ tịch UBND cấp tỉnh');
  });

  it('a Bằng khen is accepted when an authority above may grant it: the dossier shows upward', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    // A province (granting as such) above a commune authority that handles the dossier.
    const db = t.database.db;
    const province = newId('un');
    const commune = newId('un');
    await db.insert(units).values([
      {
        id: province,
        code: `TINH-${province}`,
        name: 'UBND tỉnh Thử Nghiệm',
        kind: 'authority',
        level: 0,
        searchKey: 'ubnd tinh',
      },
      {
        id: commune,
        parentId: province,
        code: `XA-${commune}`,
        name: 'UBND xã Thử Nghiệm',
        kind: 'commune',
        level: 1,
        searchKey: 'ubnd xa',
      },
    ]);
    await db.insert(awardSettings).values({ authorityUnitId: province, grantorLevel: 'province' });
    const { id } = await insertDossier(
      t,
      { ...c, authorityUnitId: commune },
      { status: 'draft', awardTypeId: AWARD.bangKhenCollective },
    );
    await addAllDocuments(t, DEMO.unitHead, id);
    expect((await getDossier(t, DEMO.unitHead, id)).body.upward).toBe(true);
    const res = await submit(t, DEMO.unitHead, id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', upward: true });
  });

  it('a title needing a recognised initiative the register does not have: 422', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    await t.database.db
      .insert(campaignAwardTypes)
      .values({ campaignId: c.campaignId, awardTypeId: AWARD.chienSiCoSo, position: 2 });
    const { id } = await insertDossier(t, c, { status: 'draft', personId: c.personId, awardTypeId: AWARD.chienSiCoSo });
    await addAllDocuments(t, DEMO.unitHead, id);
    const missing = await expectRefusedSubmit(id, 422, 'dossier.missing_documents');
    expect(missing.body.detail).toContain('Sáng kiến được công nhận');
    await addAllDocuments(t, DEMO.unitHead, id, ['initiative']);
    await expectRefusedSubmit(id, 422, 'dossier.initiative_not_recognised');
  });

  it('a nominee under an open blocker: 409 with the reason', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const id = await readyDossier(c, { personId: c.personId });
    await t.database.db.insert(awardBlockers).values({
      id: newId('ab'),
      personId: c.personId,
      unitId: c.unitId,
      kind: 'discipline',
      reason: 'Đang xem xét kỷ luật theo Quyết định số 12/QĐ-UBND',
      since: todayInVietnam(),
    });
    const res = await expectRefusedSubmit(id, 409, 'dossier.nominee_blocked');
    expect(res.body.detail).toContain('kỷ luật');
    expect(res.body.errors).toEqual([
      {
        field: '/nominee',
        code: 'dossier.blocker.discipline',
        message: 'Đang xem xét kỷ luật theo Quyết định số 12/QĐ-UBND',
      },
    ]);
  });

  it('a second award for the same achievement: 409', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const id = await readyDossier(c);
    // The same nominee's live dossier in the campaign at another authority.
    await t.database.db.insert(dossiers).values({
      id: newId('ds'),
      campaignId: c.campaignId,
      authorityUnitId: await t.unitId('UBND-TS'),
      nomineeKind: 'unit',
      unitId: c.unitId,
      awardTypeId: AWARD.giayKhenCollective,
      status: 'submitted',
    });
    await expectRefusedSubmit(id, 409, 'dossier.duplicate_achievement');
  });

  it('an award already in the register for the nominee from this campaign: 409', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const db = t.database.db;
    // An earlier dossier of the same person, rejected at one point and awarded through a decision.
    // Another person than the other tests' (the blocker test leaves one on c.personId).
    const personId = await personOf(t, 'XA-THACHHAI', 1);
    const earlier = await insertDossier(t, c, { status: 'rejected', personId });
    const decisionId = newId('dc');
    await db.insert(decisions).values({
      id: decisionId,
      campaignId: c.campaignId,
      authorityUnitId: c.authorityUnitId,
      subject: 'Tặng Giấy khen',
    });
    await db.insert(awards).values({
      id: newId('aw'),
      decisionId,
      dossierId: earlier.id,
      campaignId: c.campaignId,
      awardTypeId: AWARD.giayKhenIndividual,
      issuerUnitId: c.authorityUnitId,
      unitId: c.unitId,
      personId,
      recipientName: 'Người được khen',
      decisionNumber: '01/QĐ-UBND',
      decidedOn: todayInVietnam(),
      coefficient: '0.3',
      baseSalary: 2340000,
      amount: 702000,
    });
    const id = await readyDossier(c, { personId });
    await expectRefusedSubmit(id, 409, 'dossier.duplicate_achievement');
  });

  it('only the head (or the person) submits: the officer gets 403', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const id = await readyDossier(c);
    const res = await submit(t, DEMO.unitOfficer, id);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('dossier.submit_forbidden');
    expect((await rowOf(id)).status).toBe('draft');
  });
});

describe('unit isolation and lists', () => {
  it("another unit's officer gets 404 for the dossier and its documents, and does not list it", async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const created = await createDossier(t, DEMO.unitHead, c.campaignId, { ...unitBody(), unitId: c.unitId });
    const id = created.body.id as string;
    const drafted = await draftDocument(t, DEMO.unitHead, id, 'proposal_letter');
    const fileId = drafted.body.documents[0].file.id as string;
    const other = DEMO.otherUnitOfficer;
    expect((await getDossier(t, other, id)).status).toBe(404);
    expect((await uploadDocument(t, other, id, 'meeting_minutes')).status).toBe(404);
    expect((await draftDocument(t, other, id, 'meeting_minutes')).status).toBe(404);
    expect((await submit(t, other, id)).status).toBe(403); // not a head: refused before the dossier is looked up
    const file = await t.api.get(`/api/v1/files/${fileId}`).set('authorization', await t.auth(other));
    expect(file.status).toBe(404);
    const list = await t.api
      .get(`/api/v1/dossiers?campaignId=${c.campaignId}`)
      .set('authorization', await t.auth(other));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);

    const mine = await t.api
      .get(`/api/v1/campaigns/${c.campaignId}/dossiers`)
      .set('authorization', await t.auth(DEMO.unitOfficer));
    expect(mine.body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    const desk = await t.api
      .get(`/api/v1/dossiers?campaignId=${c.campaignId}&status=draft`)
      .set('authorization', await t.auth(DEMO.reception));
    expect(desk.body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    // The staff member sees only their own (none here).
    const staff = await t.api
      .get(`/api/v1/campaigns/${c.campaignId}/dossiers`)
      .set('authorization', await t.auth(DEMO.staff));
    expect(staff.status).toBe(200);
    expect(staff.body.total).toBe(0);
  });
});
