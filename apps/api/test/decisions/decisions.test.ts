/**
 * Public posting with objections, and the award decision: the posting period in working days (a
 * weekend and Tết skipped), objections refused once it ends, the decision refused before the period
 * ends unless the leader records why, blocked by unanswered objections, numbered per authority and
 * year, bonuses from the coefficient and the base salary (0.3 × 2,340,000 = 702,000), awards and
 * awarded dossiers written all or nothing, and the DOCX read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  auditEvents,
  awardSettings,
  awards,
  councilMeetings,
  councils,
  decisions,
  documentRegisters,
  dossiers,
  meetingProposals,
  objections,
  postings,
} from '../../src/db/schema/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { docxParagraphs } from '../campaigns/support.ts';
import { binary } from '../files/fixtures.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { personOf, uploadPdf } from '../submissions/support.ts';
import { closedCampaignWithAcceptedUnit, insertDossier, type AwardCampaign } from '../awards/support.ts';

let t: TestApp;
let root: string;
const today = todayInVietnam();

beforeAll(async () => {
  t = await createTestApp();
  root = await t.unitId('UBND-TH');
});
afterAll(() => t.close());

type Who = string | null;
async function call(method: 'get' | 'post' | 'patch' | 'put', url: string, who: Who, body?: object, etag?: string) {
  const req = t.api[method](url);
  if (who) req.set('authorization', await t.auth(who));
  if (etag) req.set('if-match', etag);
  if (body !== undefined) req.send(body);
  return req;
}

async function rows(table: PgTable, where?: SQL) {
  const [r] = await t.database.db.select({ n: count() }).from(table).where(where);
  return Number(r!.n);
}

interface Setup {
  c: AwardCampaign;
  unitDossier: string;
  personDossier: string;
}

/** A closed campaign of Thạch Hà with XA-THACHHAI's collective dossier and one person's, both approved. */
async function approvedPair(): Promise<Setup> {
  const c = await closedCampaignWithAcceptedUnit(t);
  const unitDossier = (await insertDossier(t, c, { status: 'approved' })).id;
  const personDossier = (await insertDossier(t, c, { status: 'approved', personId: c.personId })).id;
  return { c, unitDossier, personDossier };
}

async function publish(campaignId: string, startsOn?: string) {
  const res = await call(
    'post',
    `/api/v1/campaigns/${campaignId}/postings`,
    DEMO.secretariat,
    startsOn ? { startsOn } : {},
  );
  expect(res.status, res.text).toBe(201);
  return res.body as {
    id: string;
    startsOn: string;
    endsOn: string;
    dossierIds: string[];
    daysLeft: number;
    open: boolean;
  };
}

/** A posting whose period is over (it started 40 days ago). */
const publishEnded = (campaignId: string) => publish(campaignId, addDays(today, -40));

async function draft(campaignId: string, body: object = {}) {
  const res = await call('post', `/api/v1/campaigns/${campaignId}/decisions`, DEMO.secretariat, body);
  expect(res.status, res.text).toBe(201);
  return { id: res.body.id as string, etag: res.headers.etag!, body: res.body };
}

async function etagOf(id: string, who: string = DEMO.leader) {
  const res = await call('get', `/api/v1/decisions/${id}`, who);
  expect(res.status, res.text).toBe(200);
  return res.headers.etag!;
}

async function issue(id: string, body: object = {}, who: string = DEMO.leader) {
  return call(
    'post',
    `/api/v1/decisions/${id}/issue`,
    who,
    { decidedOn: today, signerName: 'Nguyễn Văn An', signingCapacity: 'own', ...body },
    await etagOf(id, who),
  );
}

async function docx(id: string, who: string) {
  return t.api
    .get(`/api/v1/decisions/${id}/document.docx`)
    .set('authorization', await t.auth(who))
    .buffer(true)
    .parse(binary);
}

async function nothingIssued(decisionId: string, dossierIds: string[]) {
  const [d] = await t.database.db.select().from(decisions).where(eq(decisions.id, decisionId));
  expect(d!.status).toBe('draft');
  expect(d!.number).toBeNull();
  expect(await rows(awards, eq(awards.decisionId, decisionId))).toBe(0);
  for (const id of dossierIds) {
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(row!.status).toBe('approved');
  }
}

async function lastNumber(unitId: string, year: number) {
  const [r] = await t.database.db
    .select()
    .from(documentRegisters)
    .where(
      and(
        eq(documentRegisters.issuerUnitId, unitId),
        eq(documentRegisters.year, year),
        eq(documentRegisters.series, 'QĐ'),
      ),
    );
  return r?.lastNumber ?? 0;
}

describe('public posting', () => {
  it('runs 10 working days, skipping the weekends and Tết (Thu 12 Feb 2026 → Wed 4 Mar 2026)', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const p = await publish(c.campaignId, '2026-02-12');
    expect(p.startsOn).toBe('2026-02-12');
    // 12, 13 Feb; 16–20 Feb is Tết; 23–27 Feb; 2, 3, 4 Mar.
    expect(p.endsOn).toBe('2026-03-04');
    expect(p.dossierIds.sort()).toEqual([unitDossier, personDossier].sort());
    expect(p.open).toBe(false);
    expect(p.daysLeft).toBe(0);
    const list = await call('get', `/api/v1/campaigns/${c.campaignId}/postings`, DEMO.leader);
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });

  it('starts today by default and shows the public the nominees and the days left, without sign-in', async () => {
    const { c, personDossier } = await approvedPair();
    const p = await publish(c.campaignId);
    expect(p.startsOn).toBe(today);
    expect(p.open).toBe(true);
    expect(p.daysLeft).toBeGreaterThan(0);
    expect(p.daysLeft).toBeLessThanOrEqual(10);
    const pub = await call('get', `/api/v1/public/campaigns/${c.campaignId}/posting`, null);
    expect(pub.status, pub.text).toBe(200);
    expect(pub.body.id).toBe(p.id);
    expect(pub.body.open).toBe(true);
    expect(pub.body.daysLeft).toBe(p.daysLeft);
    const person = pub.body.nominees.find((n: { dossierId: string }) => n.dossierId === personDossier);
    expect(person.awardTypeName).toBe('Giấy khen (cá nhân)');
    expect(person.unitName).toBe('UBND xã Thạch Hải');
    expect(pub.body).not.toHaveProperty('dossiers');
  });

  it('refuses when nothing is approved (409 posting.nothing_approved) and writes nothing', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    await insertDossier(t, c, { status: 'in_review' });
    const before = await rows(postings);
    const res = await call('post', `/api/v1/campaigns/${c.campaignId}/postings`, DEMO.secretariat, {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('posting.nothing_approved');
    expect(await rows(postings)).toBe(before);
    const pub = await call('get', `/api/v1/public/campaigns/${c.campaignId}/posting`, null);
    expect(pub.status).toBe(404);
  });
});

describe('objections', () => {
  it('are taken from anyone while the posting is open, checked, listed and answered by the office', async () => {
    const { c, personDossier } = await approvedPair();
    const p = await publish(c.campaignId);
    const url = `/api/v1/public/postings/${p.id}/objections`;
    const ok = await call('post', url, null, {
      name: 'Trần Văn Bình',
      contact: '0912 345 678',
      content: 'Đề nghị xem xét lại thành tích của cá nhân này trong quý IV.',
      dossierId: personDossier,
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.id).toMatch(/^ob_/);

    const before = await rows(objections);
    const tooLong = await call('post', url, null, { name: 'A', contact: '0912', content: 'x'.repeat(4001) });
    expect(tooLong.status).toBe(400);
    const empty = await call('post', url, null, { name: '', contact: '0912', content: 'Nội dung đủ dài.' });
    expect(empty.status).toBe(400);
    const other = await call('post', url, null, {
      name: 'Lê Thị Cúc',
      contact: 'cuc@example.vn',
      content: 'Hồ sơ này không có trong danh sách.',
      dossierId: 'ds_khong_co',
    });
    expect(other.status).toBe(400);
    expect(other.body.code).toBe('objection.dossier_not_posted');
    expect(await rows(objections)).toBe(before);

    const list = await call('get', `/api/v1/postings/${p.id}/objections`, DEMO.secretariat);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      status: 'open',
      name: 'Trần Văn Bình',
      nomineeName: expect.any(String),
    });

    const answered = await call('post', `/api/v1/objections/${ok.body.id}/answer`, DEMO.secretariat, {
      answer: 'Đã xác minh: thành tích đúng như báo cáo.',
    });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.answeredByName).toBeTruthy();
  });

  it('are refused once the period has ended (409 posting.closed), and nothing is stored', async () => {
    const { c } = await approvedPair();
    const p = await publishEnded(c.campaignId);
    const before = await rows(objections);
    const res = await call('post', `/api/v1/public/postings/${p.id}/objections`, null, {
      name: 'Trần Văn Bình',
      contact: '0912 345 678',
      content: 'Ý kiến gửi sau khi hết hạn niêm yết.',
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('posting.closed');
    expect(res.body.detail ?? res.body.title).toBeTruthy();
    expect(await rows(objections)).toBe(before);
  });
});

describe('drafting a decision', () => {
  it('takes every approved dossier, prefills subject, grounds and recipients, and computes the bonuses', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const d = await draft(c.campaignId);
    const body = d.body;
    expect(body.status).toBe('draft');
    expect(body.number).toBeNull();
    expect(body.subject).toMatch(/^Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong /);
    expect(body.grounds[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(body.grounds[1]).toBe('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(body.grounds.some((g: string) => g.includes('152/2025/NĐ-CP'))).toBe(true);
    expect(body.grounds.some((g: string) => g.startsWith('Căn cứ Kế hoạch số'))).toBe(true);
    expect(body.grounds.some((g: string) => g.includes('Tờ trình') && g.includes('UBND xã Thạch Hải'))).toBe(true);
    expect(body.grounds.at(-1)).toMatch(/\.$/);
    expect(body.grounds.slice(0, -1).every((g: string) => g.endsWith(';'))).toBe(true);
    expect(body.recipients).toEqual(['Như Điều 3;', 'Lưu: VT, NV.']);
    const ids = body.awardees.map((a: { dossier: { id: string } }) => a.dossier.id);
    expect(ids).toEqual([unitDossier, personDossier]);
    const person = body.awardees[1];
    expect(person.coefficient).toBe(0.3);
    expect(person.amount).toBe(702_000);
    expect(body.baseSalary).toBe(2_340_000);
    expect(body.awardees[0].amount).toBe(1_404_000);
    expect(body.total).toBe(702_000 + 1_404_000);
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, personDossier));
    expect(row!.decisionId).toBe(d.id);
    // Taken: a second draft finds nothing left.
    const again = await call('post', `/api/v1/campaigns/${c.campaignId}/decisions`, DEMO.secretariat, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('decision.nothing_approved');
  });

  it("rounds each bonus up to the authority's step", async () => {
    const { c } = await approvedPair();
    await t.database.db
      .update(awardSettings)
      .set({ bonusRoundingStep: 100_000 })
      .where(eq(awardSettings.authorityUnitId, root));
    try {
      const d = await draft(c.campaignId);
      expect(d.body.awardees[1].amount).toBe(800_000);
      expect(d.body.awardees[0].amount).toBe(1_500_000);
      expect(d.body.roundingStep).toBe(100_000);
    } finally {
      await t.database.db
        .update(awardSettings)
        .set({ bonusRoundingStep: 1000 })
        .where(eq(awardSettings.authorityUnitId, root));
    }
  });

  it('is edited while a draft, with If-Match; an awardee left out is released; a dossier not approved is refused', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const other = (await insertDossier(t, c, { status: 'in_review', personId: await personOf(t, 'XA-THACHHAI', 1) }))
      .id;
    const d = await draft(c.campaignId);
    const noMatch = await call('patch', `/api/v1/decisions/${d.id}`, DEMO.secretariat, { subject: 'Khác' });
    expect(noMatch.status).toBe(428);
    const bad = await call('patch', `/api/v1/decisions/${d.id}`, DEMO.secretariat, { dossierIds: [other] }, d.etag);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('decision.dossier_not_eligible');
    const res = await call(
      'patch',
      `/api/v1/decisions/${d.id}`,
      DEMO.secretariat,
      {
        grounds: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', 'Xét đề nghị của Trưởng phòng Nội vụ;'],
        dossierIds: [personDossier],
        signingCapacity: 'deputy',
        signerName: 'Trần Thị Lan',
      },
      d.etag,
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.grounds).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Xét đề nghị của Trưởng phòng Nội vụ.',
    ]);
    expect(res.body.awardees.map((a: { dossier: { id: string } }) => a.dossier.id)).toEqual([personDossier]);
    const [released] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, unitDossier));
    expect(released!.decisionId).toBeNull();
    const stale = await call('patch', `/api/v1/decisions/${d.id}`, DEMO.secretariat, { subject: 'Khác' }, d.etag);
    expect(stale.status).toBe(412);
  });
});

describe('issuing a decision', () => {
  it('is refused before the posting period ends without a reason, and accepted with one (stored and audited)', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const p = await publish(c.campaignId);
    const d = await draft(c.campaignId);
    const year = Number(today.slice(0, 4));
    const numberBefore = await lastNumber(root, year);
    const early = await issue(d.id);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('decision.posting_open');
    await nothingIssued(d.id, [unitDossier, personDossier]);
    expect(await lastNumber(root, year)).toBe(numberBefore);
    expect(p.open).toBe(true);

    const reason = 'Kịp trao thưởng tại Hội nghị tổng kết ngày 10/12; không có ý kiến phản ánh.';
    const ok = await issue(d.id, { earlyIssueReason: reason });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('issued');
    expect(ok.body.earlyIssueReason).toBe(reason);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'decision.issue'), eq(auditEvents.objectId, d.id)));
    expect(JSON.stringify(event!.after)).toContain(reason);
  });

  it('is refused when the dossiers were never posted (409 decision.no_posting) unless a reason is given', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const d = await draft(c.campaignId);
    const res = await issue(d.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('decision.no_posting');
    await nothingIssued(d.id, [unitDossier, personDossier]);
    const ok = await issue(d.id, { earlyIssueReason: 'Khen thưởng đột xuất, không phải niêm yết.' });
    expect(ok.status, ok.text).toBe(200);
  });

  it('is blocked by an unanswered objection (409 decision.objections_open), even with a reason', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const p = await publish(c.campaignId);
    const o = await call('post', `/api/v1/public/postings/${p.id}/objections`, null, {
      name: 'Trần Văn Bình',
      contact: '0912 345 678',
      content: 'Đơn vị chưa hoàn thành chỉ tiêu số hóa hồ sơ.',
    });
    expect(o.status).toBe(201);
    // The period passes.
    await t.database.db
      .update(postings)
      .set({ startsOn: addDays(today, -30), endsOn: addDays(today, -16) })
      .where(eq(postings.id, p.id));
    const d = await draft(c.campaignId);
    const blocked = await issue(d.id);
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('decision.objections_open');
    const blockedToo = await issue(d.id, { earlyIssueReason: 'Cần ban hành gấp.' });
    expect(blockedToo.body.code).toBe('decision.objections_open');
    await nothingIssued(d.id, [unitDossier, personDossier]);
    const a = await call('post', `/api/v1/objections/${o.body.id}/answer`, DEMO.secretariat, {
      answer: 'Đã kiểm tra: đơn vị đạt 112% chỉ tiêu.',
    });
    expect(a.status).toBe(200);
    const ok = await issue(d.id);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.earlyIssueReason).toBeNull();
  });

  it('is refused without a base salary in force on the decision date (409 decision.no_base_salary)', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const d = await draft(c.campaignId);
    const res = await issue(d.id, { decidedOn: '2019-01-15', earlyIssueReason: 'Thử ngày trước lương cơ sở.' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('decision.no_base_salary');
    await nothingIssued(d.id, [unitDossier, personDossier]);
    expect(await lastNumber(root, 2019)).toBe(0);
  });

  it('writes one award per dossier, moves the dossiers to awarded, and numbers from the register', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    await publishEnded(c.campaignId);
    const d = await draft(c.campaignId);
    const year = Number(today.slice(0, 4));
    const n = (await lastNumber(root, year)) + 1;
    const res = await issue(d.id, { signerName: 'Nguyễn Văn An' });
    expect(res.status, res.text).toBe(200);
    const number = `${String(n).padStart(2, '0')}/QĐ-UBND`;
    expect(res.body.number).toBe(number);
    expect(res.body.decidedOn).toBe(today);
    expect(res.body.baseSalary).toBe(2_340_000);
    const written = await t.database.db.select().from(awards).where(eq(awards.decisionId, d.id));
    expect(written).toHaveLength(2);
    const person = written.find((a) => a.dossierId === personDossier)!;
    expect(person).toMatchObject({
      personId: c.personId,
      unitId: c.unitId,
      issuerUnitId: root,
      decisionNumber: number,
      decidedOn: today,
      baseSalary: 2_340_000,
      amount: 702_000,
      awardTypeId: 'awt_giay_khen_individual',
    });
    expect(Number(person.coefficient)).toBe(0.3);
    expect(person.recipientName).toBe(res.body.awardees[1].dossier.nomineeName);
    for (const id of [unitDossier, personDossier]) {
      const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, id));
      expect(row!).toMatchObject({ status: 'awarded', decisionId: d.id });
    }
    // Issued once: a second issue is an illegal transition; a PATCH is refused.
    const again = await issue(d.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('decision.illegal_transition');
    const patch = await call(
      'patch',
      `/api/v1/decisions/${d.id}`,
      DEMO.secretariat,
      { subject: 'Khác' },
      await etagOf(d.id),
    );
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('decision.not_draft');
  });

  it('numbers per authority and per year', async () => {
    const year = Number(today.slice(0, 4));
    const reason = { earlyIssueReason: 'Khen thưởng đột xuất.' };
    const a = await approvedPair();
    const b = await approvedPair();
    const da = await draft(a.c.campaignId);
    const db = await draft(b.c.campaignId);
    const first = await issue(da.id, reason);
    const second = await issue(db.id, reason);
    const n1 = Number(first.body.number.split('/')[0]);
    expect(Number(second.body.number.split('/')[0])).toBe(n1 + 1);

    // The previous year's register starts at 01.
    const prev = await approvedPair();
    const dp = await draft(prev.c.campaignId);
    const lastYear = await issue(dp.id, { ...reason, decidedOn: `${year - 1}-12-30` });
    expect(lastYear.status, lastYear.text).toBe(200);
    expect(lastYear.body.number).toBe('01/QĐ-UBND');

    // Another authority (the dossiers forwarded to UBND-TS) has its own register.
    const ts = await t.unitId('UBND-TS');
    const c = await closedCampaignWithAcceptedUnit(t);
    await insertDossier(t, { ...c, authorityUnitId: ts }, { status: 'approved', personId: c.personId });
    const other = await call('post', `/api/v1/campaigns/${c.campaignId}/decisions`, DEMO.admin, {
      authorityUnitId: ts,
    });
    expect(other.status, other.text).toBe(201);
    const issued = await issue(other.body.id, reason, DEMO.admin);
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body.number).toBe(`${String(await lastNumber(ts, year)).padStart(2, '0')}/QĐ-UBND`);
    expect(await lastNumber(ts, year)).toBe(1);
    expect(await lastNumber(root, year)).toBe(n1 + 1);
  });

  it('writes nothing when a dossier moved meanwhile: no award, no awarded dossier, no number taken', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    await publishEnded(c.campaignId);
    const d = await draft(c.campaignId);
    // The second dossier (issued after the first) was forwarded upward behind the draft's back.
    await t.database.db.update(dossiers).set({ status: 'forwarded' }).where(eq(dossiers.id, personDossier));
    const year = Number(today.slice(0, 4));
    const numberBefore = await lastNumber(root, year);
    const awardsBefore = await rows(awards);
    const res = await issue(d.id);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dossier.illegal_transition');
    expect(await rows(awards)).toBe(awardsBefore);
    expect(await lastNumber(root, year)).toBe(numberBefore);
    const [first] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, unitDossier));
    expect(first!.status).toBe('approved');
    const [dec] = await t.database.db.select().from(decisions).where(eq(decisions.id, d.id));
    expect(dec!).toMatchObject({ status: 'draft', number: null });
  });
});

describe('the decision document and the signed scan', () => {
  it('reads back number, grantor, grounds, articles, deputy signature and the appendix with 702.000', async () => {
    const { c } = await approvedPair();
    await publishEnded(c.campaignId);
    const d = await draft(c.campaignId);
    const draftDoc = await docx(d.id, DEMO.secretariat);
    expect(draftDoc.status).toBe(200);
    expect(docxParagraphs(draftDoc.body as Buffer)).toContain('Số:       /QĐ-UBND');

    const res = await issue(d.id, { signingCapacity: 'deputy', signerName: 'Trần Thị Lan' });
    expect(res.status, res.text).toBe(200);
    const doc = await docx(d.id, DEMO.leader);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = docxParagraphs(doc.body as Buffer);
    const number = res.body.number as string;
    const person = res.body.awardees[1].dossier.nomineeName as string;
    expect(text).toContain(`Số: ${number}`);
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain(res.body.subject);
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ');
    expect(text).toContain('QUYẾT ĐỊNH:');
    expect(text).toContain(res.body.grounds[0]);
    expect(text.some((p) => p.startsWith('Điều 1.') && p.includes('(có danh sách kèm theo)'))).toBe(true);
    expect(text.some((p) => p.startsWith('Điều 2.') && p.includes('2.106.000 đồng'))).toBe(true);
    expect(text.some((p) => p.startsWith('Điều 3.') && p.endsWith('./.'))).toBe(true);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Lưu: VT, NV.');
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(text).toContain('PHÓ CHỦ TỊCH');
    expect(text).toContain('Trần Thị Lan');
    expect(text).toContain('DANH SÁCH');
    expect(text.some((p) => p.startsWith(`(Kèm theo Quyết định số ${number}`))).toBe(true);
    const row = text.indexOf(person);
    expect(row).toBeGreaterThan(text.indexOf('DANH SÁCH'));
    expect(text.slice(row, row + 4)).toEqual([person, 'UBND xã Thạch Hải', 'Giấy khen (cá nhân)', '702.000']);
    expect(text).toContain('UBND xã Thạch Hải');
  });

  it('takes the signed scan of an issued decision only', async () => {
    const { c } = await approvedPair();
    const d = await draft(c.campaignId);
    const file = await uploadPdf(t, DEMO.leader, 'quyet-dinh-da-ky.pdf');
    const early = await call('put', `/api/v1/decisions/${d.id}/signed-file`, DEMO.leader, { fileId: file });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('decision.not_issued');
    expect((await issue(d.id, { earlyIssueReason: 'Khen thưởng đột xuất.' })).status).toBe(200);
    const ok = await call('put', `/api/v1/decisions/${d.id}/signed-file`, DEMO.leader, { fileId: file });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.signedFile.id).toBe(file);
    // The office reads it through the decision.
    const read = await call('get', `/api/v1/files/${file}`, DEMO.secretariat);
    expect(read.status).toBe(200);
  });
});

describe('refusals by role write nothing', () => {
  it('posting, drafting, answering and issuing by roles without the permission', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const p = await publish(c.campaignId);
    const o = await call('post', `/api/v1/public/postings/${p.id}/objections`, null, {
      name: 'Trần Văn Bình',
      contact: '0912 345 678',
      content: 'Ý kiến cần được trả lời.',
    });
    const [postingsBefore, decisionsBefore, auditBefore] = [
      await rows(postings),
      await rows(decisions),
      await rows(auditEvents),
    ];

    const leaderPosts = await call('post', `/api/v1/campaigns/${c.campaignId}/postings`, DEMO.leader, {});
    expect(leaderPosts.status).toBe(403);
    const headDrafts = await call('post', `/api/v1/campaigns/${c.campaignId}/decisions`, DEMO.unitHead, {});
    expect(headDrafts.status).toBe(403);
    const receptionAnswers = await call('post', `/api/v1/objections/${o.body.id}/answer`, DEMO.reception, {
      answer: 'Trả lời.',
    });
    expect(receptionAnswers.status).toBe(403);
    expect(await rows(postings)).toBe(postingsBefore);
    expect(await rows(decisions)).toBe(decisionsBefore);

    const d = await draft(c.campaignId);
    const afterDraft = await rows(auditEvents);
    expect(afterDraft).toBeGreaterThan(auditBefore);
    const secIssues = await issue(d.id, { earlyIssueReason: 'Thử.' }, DEMO.secretariat);
    expect(secIssues.status).toBe(403);
    const officerReads = await call('get', `/api/v1/decisions/${d.id}`, DEMO.unitOfficer);
    expect(officerReads.status).toBe(403);
    await nothingIssued(d.id, [unitDossier, personDossier]);
    expect(await rows(auditEvents)).toBe(afterDraft);
    const [o2] = await t.database.db.select().from(objections).where(eq(objections.id, o.body.id));
    expect(o2!.status).toBe('open');
  });
});

// Last in the file: it spends the client's allowance of public objections.
describe('the public objection form under abuse', () => {
  it('answers 429 rate.limited once an address has sent its allowance, and stores nothing more', async () => {
    const { c } = await approvedPair();
    const p = await publish(c.campaignId);
    const body = { name: 'Người gửi hàng loạt', contact: '0900 000 000', content: 'Nội dung lặp lại nhiều lần.' };
    const statuses: number[] = [];
    let limited: { status: number; body: { code?: string }; headers: Record<string, string | undefined> } | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      const res = await call('post', `/api/v1/public/postings/${p.id}/objections`, null, body);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined();
    expect(limited!.body.code).toBe('rate.limited');
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    const stored = await rows(objections, eq(objections.postingId, p.id));
    expect(stored).toBe(statuses.filter((s) => s === 201).length);
    expect(stored).toBeLessThanOrEqual(20);
  });
});

/** A closed council meeting of Thạch Hà, held on `day` (09:00 in Vietnam), that passed (or `result`) `dossierIds`. */
async function passedAtMeeting(c: AwardCampaign, day: string, dossierIds: string[], result = 'passed') {
  const db = t.database.db;
  const councilId = newId('hd');
  await db.insert(councils).values({
    id: councilId,
    authorityUnitId: c.authorityUnitId,
    name: 'Hội đồng Thi đua - Khen thưởng huyện Thạch Hà',
    term: '2026-2031',
    validFrom: '2026-01-01',
  });
  const meetingId = newId('hp');
  await db.insert(councilMeetings).values({
    id: meetingId,
    councilId,
    campaignId: c.campaignId,
    status: 'closed',
    heldAt: new Date(`${day}T09:00:00+07:00`),
    method: 'show_of_hands',
    minutesNumber: '07/BB-HĐTĐKT',
    closedAt: new Date(`${day}T11:00:00+07:00`),
  });
  await db
    .insert(meetingProposals)
    .values(dossierIds.map((dossierId, position) => ({ meetingId, dossierId, position, result })));
}

describe('the decision date and the council meeting', () => {
  it('refuses a decision dated before the meeting that approved its dossiers (409, vi + en naming the date); the meeting day itself is accepted', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    const meetingDay = addDays(today, -3);
    await passedAtMeeting(c, meetingDay, [unitDossier, personDossier]);
    await publishEnded(c.campaignId);
    const d = await draft(c.campaignId);
    expect(d.body.grounds.some((g: string) => g.includes('07/BB-HĐTĐKT'))).toBe(true);
    const year = Number(today.slice(0, 4));
    const numberBefore = await lastNumber(root, year);
    const [y, m, dd] = meetingDay.split('-');
    const meetingDmy = `${dd}/${m}/${y}`;

    const early = await issue(d.id, { decidedOn: addDays(meetingDay, -1) });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('decision.before_council_meeting');
    expect(early.body.detail).toContain(meetingDmy);
    expect(early.body.detail).toContain('Hội đồng Thi đua - Khen thưởng');
    await nothingIssued(d.id, [unitDossier, personDossier]);
    expect(await lastNumber(root, year)).toBe(numberBefore);

    const english = await t.api
      .post(`/api/v1/decisions/${d.id}/issue`)
      .set('authorization', await t.auth(DEMO.leader))
      .set('accept-language', 'en')
      .set('if-match', await etagOf(d.id))
      .send({ decidedOn: addDays(meetingDay, -1), signerName: 'Nguyễn Văn An', signingCapacity: 'own' });
    expect(english.status).toBe(409);
    expect(english.body.code).toBe('decision.before_council_meeting');
    expect(english.body.detail).toContain(meetingDmy);
    expect(english.body.detail).toContain('Council meeting');
    await nothingIssued(d.id, [unitDossier, personDossier]);

    const onTheDay = await issue(d.id, { decidedOn: meetingDay });
    expect(onTheDay.status, onTheDay.text).toBe(200);
    expect(onTheDay.body.decidedOn).toBe(meetingDay);
  });

  it('is held back only by the latest meeting that passed the dossiers, not by one that failed them', async () => {
    const { c, unitDossier, personDossier } = await approvedPair();
    await passedAtMeeting(c, addDays(today, -5), [unitDossier]);
    await passedAtMeeting(c, addDays(today, -3), [personDossier]);
    await passedAtMeeting(c, today, [unitDossier, personDossier], 'failed');
    await publishEnded(c.campaignId);
    const d = await draft(c.campaignId);
    const early = await issue(d.id, { decidedOn: addDays(today, -4) });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('decision.before_council_meeting');
    await nothingIssued(d.id, [unitDossier, personDossier]);
    const res = await issue(d.id, { decidedOn: addDays(today, -1) });
    expect(res.status, res.text).toBe(200);
  });
});

describe('who the decision names', () => {
  it('says "các tập thể, cá nhân" for both kinds, "cá nhân" / "các cá nhân" / "tập thể" for one kind, in the subject and the articles', async () => {
    const c = await closedCampaignWithAcceptedUnit(t);
    const one = (await insertDossier(t, c, { status: 'approved', personId: c.personId })).id;
    const d1 = await draft(c.campaignId);
    expect(d1.body.subject).toMatch(/^Về việc tặng Giấy khen cho cá nhân có thành tích xuất sắc trong /);
    const text1 = docxParagraphs((await docx(d1.id, DEMO.secretariat)).body as Buffer);
    const art1 = text1.find((p) => p.startsWith('Điều 1.'))!;
    expect(art1).toContain('Tặng Giấy khen cho 1 cá nhân đã có thành tích');
    expect(text1.find((p) => p.startsWith('Điều 2.'))).toContain('Kèm theo Giấy khen, cá nhân được thưởng');
    expect(text1.find((p) => p.startsWith('Điều 3.'))).toContain('và cá nhân có tên tại Điều 1');
    expect(text1).toContain('Cá nhân được tặng Giấy khen');
    expect(text1.join('\n')).not.toContain('tập thể, cá nhân');

    // A second person in the same draft: plural.
    const two = (await insertDossier(t, c, { status: 'approved', personId: await personOf(t, 'XA-THACHHAI', 1) })).id;
    const patched = await call(
      'patch',
      `/api/v1/decisions/${d1.id}`,
      DEMO.secretariat,
      { dossierIds: [one, two] },
      d1.etag,
    );
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.subject).toMatch(/^Về việc tặng Giấy khen cho các cá nhân có thành tích xuất sắc trong /);
    const text2 = docxParagraphs((await docx(d1.id, DEMO.secretariat)).body as Buffer);
    expect(text2.find((p) => p.startsWith('Điều 1.'))).toContain('Tặng Giấy khen cho 2 cá nhân đã có thành tích');
    expect(text2.find((p) => p.startsWith('Điều 2.'))).toContain('mỗi cá nhân được thưởng');
    expect(text2.find((p) => p.startsWith('Điều 3.'))).toContain('và các cá nhân có tên tại Điều 1');
    expect(text2).toContain('Các cá nhân được tặng Giấy khen');

    // Collectives only.
    const c2 = await closedCampaignWithAcceptedUnit(t);
    await insertDossier(t, c2, { status: 'approved' });
    const d2 = await draft(c2.campaignId);
    expect(d2.body.subject).toMatch(/^Về việc tặng Giấy khen cho tập thể có thành tích xuất sắc trong /);
    const text3 = docxParagraphs((await docx(d2.id, DEMO.secretariat)).body as Buffer);
    expect(text3.find((p) => p.startsWith('Điều 1.'))).toContain('Tặng Giấy khen cho 1 tập thể đã có thành tích');
    expect(text3.join('\n')).not.toContain('cá nhân có tên');
    // A subject written by hand is kept when the awardees change.
    const own = await call(
      'patch',
      `/api/v1/decisions/${d1.id}`,
      DEMO.secretariat,
      { subject: 'Về việc khen thưởng đợt I' },
      patched.headers.etag,
    );
    expect(own.status, own.text).toBe(200);
    const kept = await call(
      'patch',
      `/api/v1/decisions/${d1.id}`,
      DEMO.secretariat,
      { dossierIds: [one] },
      own.headers.etag,
    );
    expect(kept.status, kept.text).toBe(200);
    expect(kept.body.subject).toBe('Về việc khen thưởng đợt I');
  });
});
