/**
 * The award register: who sees which award (reach), the filters, the XLSX read back, revocation
 * (reason, audit, twice, refused roles) and the public list of a finalized campaign. Issuing a
 * decision is another module's; here the awards are written straight into the database, each with
 * its issued decision and awarded dossier.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { auditEvents, awards, campaigns, decisions, dossiers, users } from '../../src/db/schema/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount, makeCampaign, makePerson, makeUnit, unique } from '../factories.ts';
import { download } from '../scoreboard/support.ts';
import { AWARD } from './support.ts';

let t: TestApp;
let th: string;
let ts: string;
let xa: string;
let staffPerson: string;

beforeAll(async () => {
  t = await createTestApp();
  th = await t.unitId('UBND-TH');
  ts = await t.unitId('UBND-TS');
  xa = await t.unitId('XA-THACHHAI');
  const [staff] = await t.database.db
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.email, DEMO.staff));
  staffPerson = staff!.personId!;
});
afterAll(() => t.close());

/** A campaign of Thạch Hà put straight into a state. */
async function campaignIn(status: 'draft' | 'open' | 'closed' | 'finalized'): Promise<string> {
  const { id } = await makeCampaign(t, { criteria: false, overrides: { title: `Thi đua ${unique('kt')}` } });
  if (status !== 'draft')
    await t.database.db
      .update(campaigns)
      .set({ status, ...(status === 'finalized' ? { finalizedAt: new Date() } : {}) })
      .where(eq(campaigns.id, id));
  return id;
}

interface Grant {
  campaignId: string;
  unitId: string;
  personId?: string;
  recipientName: string;
  awardTypeId?: string;
  issuerUnitId?: string;
  decidedOn?: string;
  decisionNumber?: string;
  coefficient?: string;
  amount?: number;
}

/** An issued decision with one award (and its awarded dossier), as the decisions module writes them. */
async function grant(g: Grant): Promise<{ id: string; decisionId: string }> {
  const db = t.database.db;
  const issuer = g.issuerUnitId ?? th;
  const decidedOn = g.decidedOn ?? '2026-11-20';
  const number = g.decisionNumber ?? `${Math.floor(Math.random() * 900) + 100}/QĐ-UBND`;
  const awardTypeId = g.awardTypeId ?? (g.personId ? AWARD.giayKhenIndividual : AWARD.giayKhenCollective);
  const dossierId = newId('ds');
  await db.insert(dossiers).values({
    id: dossierId,
    campaignId: g.campaignId,
    authorityUnitId: issuer,
    nomineeKind: g.personId ? 'person' : 'unit',
    unitId: g.unitId,
    personId: g.personId ?? null,
    awardTypeId,
    status: 'awarded',
    achievement: 'Hoàn thành xuất sắc nhiệm vụ.',
  });
  const decisionId = newId('dc');
  await db.insert(decisions).values({
    id: decisionId,
    campaignId: g.campaignId,
    authorityUnitId: issuer,
    status: 'issued',
    subject: 'Về việc tặng Giấy khen',
    number,
    registerNumber: Number(number.split('/')[0]),
    decidedOn,
    signerName: 'Trần Văn Lãnh',
    baseSalary: 2_340_000,
    roundingStep: 1000,
    issuedAt: new Date(),
  });
  const id = newId('aw');
  await db.insert(awards).values({
    id,
    decisionId,
    dossierId,
    campaignId: g.campaignId,
    awardTypeId,
    issuerUnitId: issuer,
    unitId: g.unitId,
    personId: g.personId ?? null,
    recipientName: g.recipientName,
    decisionNumber: number,
    decidedOn,
    coefficient: g.coefficient ?? (g.personId ? '0.3' : '0.6'),
    baseSalary: 2_340_000,
    amount: g.amount ?? (g.personId ? 702_000 : 1_404_000),
  });
  return { id, decisionId };
}

async function get(who: string | null, url: string) {
  const req = t.api.get(url);
  if (who) req.set('authorization', await t.auth(who));
  return req;
}
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((a) => a.id).sort();

async function revoke(who: string, id: string, reason: string, etag?: string) {
  const req = t.api.post(`/api/v1/awards/${id}/revoke`).set('authorization', await t.auth(who));
  if (etag !== undefined) req.set('if-match', etag);
  return req.send({ reason });
}
async function etagOf(id: string): Promise<string> {
  const res = await get(DEMO.leader, `/api/v1/awards/${id}`);
  expect(res.status).toBe(200);
  return res.headers.etag!;
}
async function auditCount(objectId: string): Promise<number> {
  return (await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId))).length;
}

describe('who sees which award', () => {
  let campaignId: string;
  let unitAward: string;
  let staffAward: string;
  let otherPersonAward: string;
  let tsAward: string;
  let tsOffice: string;

  beforeAll(async () => {
    campaignId = await campaignIn('closed');
    unitAward = (await grant({ campaignId, unitId: xa, recipientName: 'UBND xã Thạch Hải' })).id;
    staffAward = (await grant({ campaignId, unitId: xa, personId: staffPerson, recipientName: 'Nhân viên Thạch Hải' }))
      .id;
    const other = await makePerson(t, xa, 'Nguyễn Thị Hoa');
    otherPersonAward = (await grant({ campaignId, unitId: xa, personId: other.id, recipientName: 'Nguyễn Thị Hoa' }))
      .id;
    const tsCommune = await makeUnit(t, { parentId: ts, kind: 'commune' });
    tsAward = (
      await grant({ campaignId, unitId: tsCommune.id, issuerUnitId: ts, recipientName: 'Tổ dân phố Thành Sen' })
    ).id;
    tsOffice = (await makeAccount(t, 'secretariat', ts)).email;
  });

  const mine = (all: string[]) => all.filter((id) => [unitAward, staffAward, otherPersonAward, tsAward].includes(id));

  it("the authority's office and leader see the awards of their units, not another authority's", async () => {
    for (const who of [DEMO.secretariat, DEMO.leader]) {
      const res = await get(who, `/api/v1/awards?campaignId=${campaignId}`);
      expect(res.status, who).toBe(200);
      expect(ids(res)).toEqual([unitAward, staffAward, otherPersonAward].sort());
    }
    const ts = await get(tsOffice, `/api/v1/awards?campaignId=${campaignId}`);
    expect(ids(ts)).toEqual([tsAward]);
    expect((await get(tsOffice, `/api/v1/awards/${unitAward}`)).status).toBe(404);
    expect((await get(tsOffice, `/api/v1/units/${xa}/awards`)).body.items).toEqual([]);
    expect((await get(DEMO.secretariat, `/api/v1/awards/${tsAward}`)).status).toBe(404);
  });

  it("a unit's officer sees only its own unit's awards; another unit's officer none of them", async () => {
    const res = await get(DEMO.unitOfficer, '/api/v1/awards?pageSize=100');
    expect(mine(ids(res))).toEqual([unitAward, staffAward, otherPersonAward].sort());
    expect(res.body.items.every((a: { unitId: string }) => a.unitId === xa)).toBe(true);
    expect((await get(DEMO.unitOfficer, `/api/v1/awards/${tsAward}`)).status).toBe(404);
    const other = await get(DEMO.otherUnitOfficer, `/api/v1/awards?campaignId=${campaignId}`);
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    const got = await get(DEMO.otherUnitOfficer, `/api/v1/awards/${unitAward}`);
    expect([got.status, got.body.code]).toEqual([404, 'not_found']);
  });

  it('a staff member sees their own awards only, not their unit’s', async () => {
    const res = await get(DEMO.staff, `/api/v1/awards?campaignId=${campaignId}`);
    expect(ids(res)).toEqual([staffAward]);
    expect((await get(DEMO.staff, `/api/v1/awards/${staffAward}`)).status).toBe(200);
    expect((await get(DEMO.staff, `/api/v1/awards/${unitAward}`)).status).toBe(404);
    expect((await get(DEMO.staff, `/api/v1/awards/${otherPersonAward}`)).status).toBe(404);
  });

  it('one award carries its decision, issuer, type, bonus and campaign', async () => {
    const res = await get(DEMO.leader, `/api/v1/awards/${staffAward}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"v1"');
    expect(res.body).toMatchObject({
      id: staffAward,
      recipientKind: 'person',
      recipientName: 'Nhân viên Thạch Hải',
      unitId: xa,
      unitName: 'UBND xã Thạch Hải',
      personId: staffPerson,
      issuerUnitId: th,
      issuerName: 'UBND huyện Thạch Hà',
      signerName: 'Trần Văn Lãnh',
      awardTypeId: AWARD.giayKhenIndividual,
      decidedOn: '2026-11-20',
      coefficient: 0.3,
      baseSalary: 2_340_000,
      amount: 702_000,
      revoked: null,
      campaignId,
    });
    expect(res.body.awardTypeName).toMatch(/Giấy khen/);
    expect(res.body.campaignTitle).toMatch(/^Thi đua /);
  });

  it('the histories of a unit and of a person give the same rows under the same reach', async () => {
    const unit = await get(DEMO.leader, `/api/v1/units/${xa}/awards?pageSize=100`);
    expect(unit.status).toBe(200);
    expect(mine(ids(unit))).toEqual([unitAward, staffAward, otherPersonAward].sort());
    const person = await get(DEMO.leader, `/api/v1/people/${staffPerson}/awards`);
    expect(ids(person)).toEqual([staffAward]);
    // The staff member: through their unit's history, only their own.
    const staffUnit = await get(DEMO.staff, `/api/v1/units/${xa}/awards?pageSize=100`);
    expect(mine(ids(staffUnit))).toEqual([staffAward]);
    expect((await get(DEMO.otherUnitOfficer, `/api/v1/people/${staffPerson}/awards`)).body.items).toEqual([]);
    const unknown = await get(DEMO.leader, '/api/v1/units/u_unknown/awards');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
    expect((await get(DEMO.leader, '/api/v1/people/pe_unknown/awards')).status).toBe(404);
  });

  it('without a token: 401', async () => {
    expect((await get(null, '/api/v1/awards')).status).toBe(401);
  });
});

describe('the filters', () => {
  let c1: string;
  let c2: string;
  let hoa: string;
  let hoa2025: string;
  let unitAward: string;
  let ltt: string;

  beforeAll(async () => {
    c1 = await campaignIn('closed');
    c2 = await campaignIn('closed');
    const p1 = await makePerson(t, xa, 'Nguyễn Thị Hoà');
    const p2 = await makePerson(t, xa, 'Lê Văn Đức');
    hoa = (await grant({ campaignId: c1, unitId: xa, personId: p1.id, recipientName: 'Nguyễn Thị Hoà' })).id;
    ltt = (
      await grant({
        campaignId: c1,
        unitId: xa,
        personId: p2.id,
        recipientName: 'Lê Văn Đức',
        awardTypeId: AWARD.laoDongTienTien,
      })
    ).id;
    unitAward = (await grant({ campaignId: c1, unitId: xa, recipientName: 'UBND xã Thạch Hải' })).id;
    hoa2025 = (
      await grant({
        campaignId: c2,
        unitId: xa,
        personId: p1.id,
        recipientName: 'Nguyễn Thị Hoà',
        decidedOn: '2025-12-30',
      })
    ).id;
  });

  const list = async (qs: string) => {
    const res = await get(DEMO.secretariat, `/api/v1/awards?${qs}`);
    expect(res.status, qs).toBe(200);
    return res;
  };

  it('by campaign, award type, person, unit and year', async () => {
    expect(ids(await list(`campaignId=${c1}`))).toEqual([hoa, ltt, unitAward].sort());
    expect(ids(await list(`campaignId=${c1}&awardTypeId=${AWARD.laoDongTienTien}`))).toEqual([ltt]);
    const person = (await get(DEMO.leader, `/api/v1/awards/${hoa}`)).body.personId;
    expect(ids(await list(`personId=${person}`))).toEqual([hoa, hoa2025].sort());
    expect(ids(await list(`personId=${person}&year=2025`))).toEqual([hoa2025]);
    expect(ids(await list(`personId=${person}&year=2026`))).toEqual([hoa]);
    const unitOnly = ids(await list(`unitId=${xa}&campaignId=${c2}`));
    expect(unitOnly).toEqual([hoa2025]);
  });

  it('by name, diacritics and case ignored, every word', async () => {
    expect(ids(await list(`campaignId=${c1}&q=nguyen thi hoa`))).toEqual([hoa]);
    expect(ids(await list(`campaignId=${c1}&q=HOÀ`))).toEqual([hoa]);
    expect(ids(await list(`campaignId=${c1}&q=duc le`))).toEqual([ltt]);
    expect(ids(await list(`campaignId=${c1}&q=thach hai`))).toEqual([unitAward]);
    expect(ids(await list(`campaignId=${c1}&q=hoa duc`))).toEqual([]);
    expect(ids(await list(`campaignId=${c1}&q=50%25`))).toEqual([]);
  });

  it('revoked awards are listed (marked) unless includeRevoked=false; pages', async () => {
    const r = await revoke(DEMO.leader, ltt, 'Kê khai thành tích không đúng.', await etagOf(ltt));
    expect(r.status).toBe(200);
    const all = await list(`campaignId=${c1}`);
    expect(ids(all)).toEqual([hoa, ltt, unitAward].sort());
    expect(all.body.items.find((a: { id: string }) => a.id === ltt).revoked.reason).toBe(
      'Kê khai thành tích không đúng.',
    );
    expect(ids(await list(`campaignId=${c1}&includeRevoked=false`))).toEqual([hoa, unitAward].sort());
    const p1 = await list(`campaignId=${c1}&pageSize=2&page=1`);
    const p2 = await list(`campaignId=${c1}&pageSize=2&page=2`);
    expect([p1.body.total, p1.body.items.length, p2.body.items.length]).toEqual([3, 2, 1]);
    expect([...ids(p1), ...ids(p2)].sort()).toEqual([hoa, ltt, unitAward].sort());
  });

  it('a bad filter is 400', async () => {
    const res = await get(DEMO.secretariat, '/api/v1/awards?year=abc');
    expect(res.status).toBe(400);
  });

  it('the XLSX has the same rows, Vietnamese headers and amounts as numbers', async () => {
    const res = await download(t, `/api/v1/awards.xlsx?campaignId=${c1}`, await t.auth(DEMO.secretariat));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as Buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('SỔ THEO DÕI KHEN THƯỞNG');
    const header = (ws.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Cá nhân, tập thể được khen thưởng',
      'Đối tượng',
      'Đơn vị',
      'Hình thức khen thưởng',
      'Số quyết định',
      'Ngày quyết định',
      'Cơ quan ban hành',
      'Người ký',
      'Đợt thi đua',
      'Hệ số',
      'Mức lương cơ sở (đồng)',
      'Số tiền thưởng (đồng)',
      'Thu hồi',
    ]);
    const rows: unknown[][] = [];
    for (let r = 6; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    expect(rows).toHaveLength(3);
    const hoaRow = rows.find((r) => r[1] === 'Nguyễn Thị Hoà')!;
    expect(hoaRow[2]).toBe('Cá nhân');
    expect(hoaRow[3]).toBe('UBND xã Thạch Hải');
    expect(hoaRow[6]).toBe('20/11/2026');
    expect(hoaRow[7]).toBe('UBND huyện Thạch Hà');
    expect(hoaRow[10]).toBe(0.3);
    expect(hoaRow[11]).toBe(2_340_000);
    expect(hoaRow[12]).toBe(702_000);
    expect(typeof hoaRow[12]).toBe('number');
    expect(ws.getCell(6 + rows.indexOf(hoaRow), 13).numFmt).toBe('#,##0');
    const ducRow = rows.find((r) => r[1] === 'Lê Văn Đức')!;
    expect(String(ducRow[13])).toMatch(/^Đã thu hồi ngày \d\d\/\d\d\/\d{4}: Kê khai thành tích không đúng\.$/);
    // The unit's officer exports only its own unit's; another authority's office nothing of these.
    const tsOffice = (await makeAccount(t, 'secretariat', ts)).email;
    const other = await download(t, `/api/v1/awards.xlsx?campaignId=${c1}`, await t.auth(tsOffice));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.body as Buffer as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(5);
  });
});

describe('revocation', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await campaignIn('closed');
  });
  const fresh = async () => {
    const p = await makePerson(t, xa);
    return (await grant({ campaignId, unitId: xa, personId: p.id, recipientName: p.fullName })).id;
  };

  it('the leader revokes with a reason: stored, audited with the reason, kept in the register', async () => {
    const id = await fresh();
    const res = await revoke(DEMO.leader, id, '  Phát hiện kê khai thành tích không trung thực.  ', await etagOf(id));
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"v2"');
    expect(res.body.revoked).toMatchObject({
      reason: 'Phát hiện kê khai thành tích không trung thực.',
      byId: await t.userId(DEMO.leader),
    });
    expect(res.body.revoked.byName).toBeTruthy();
    const [row] = await t.database.db.select().from(awards).where(eq(awards.id, id));
    expect(row!.revocationReason).toBe('Phát hiện kê khai thành tích không trung thực.');
    expect(row!.revokedBy).toBe(await t.userId(DEMO.leader));
    expect(row!.revokedAt).toBeInstanceOf(Date);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'award.revoke')));
    expect(events).toHaveLength(1);
    expect(events[0]!.objectType).toBe('award');
    expect(events[0]!.actorEmail).toBe(DEMO.leader);
    expect((events[0]!.after as { revoked: { reason: string } }).revoked.reason).toBe(
      'Phát hiện kê khai thành tích không trung thực.',
    );
    expect((events[0]!.before as { revoked: unknown }).revoked).toBeNull();
    const listed = await get(DEMO.unitOfficer, `/api/v1/units/${xa}/awards?pageSize=100`);
    expect(listed.body.items.find((a: { id: string }) => a.id === id).revoked.reason).toMatch(/không trung thực/);
  });

  it('twice: 409 award.already_revoked, nothing more written', async () => {
    const id = await fresh();
    const first = await revoke(DEMO.leader, id, 'Lý do thứ nhất.', await etagOf(id));
    expect(first.status).toBe(200);
    const before = await auditCount(id);
    const again = await revoke(DEMO.leader, id, 'Lý do thứ hai.', first.headers.etag);
    expect([again.status, again.body.code]).toEqual([409, 'award.already_revoked']);
    expect(again.body.detail ?? again.body.title).toBeTruthy();
    expect(await auditCount(id)).toBe(before);
    const [row] = await t.database.db.select().from(awards).where(eq(awards.id, id));
    expect(row!.revocationReason).toBe('Lý do thứ nhất.');
  });

  it('unit roles, staff and the office are refused (403) and nothing is written', async () => {
    const id = await fresh();
    const etag = await etagOf(id);
    for (const who of [DEMO.unitHead, DEMO.unitOfficer, DEMO.staff, DEMO.secretariat, DEMO.reception]) {
      const res = await revoke(who, id, 'Không được phép.', etag);
      expect([res.status, res.body.code], who).toEqual([403, 'auth.forbidden']);
    }
    const [row] = await t.database.db.select().from(awards).where(eq(awards.id, id));
    expect([row!.revokedAt, row!.revocationReason, row!.version]).toEqual([null, null, 1]);
    expect(await auditCount(id)).toBe(0);
  });

  it("another authority's leader: 404; blank reason 400; no If-Match 428; stale 412 — nothing written", async () => {
    const id = await fresh();
    const tsLeader = (await makeAccount(t, 'leader', ts)).email;
    const hidden = await revoke(tsLeader, id, 'Lý do.', '"v1"');
    expect([hidden.status, hidden.body.code]).toEqual([404, 'not_found']);
    const blank = await revoke(DEMO.leader, id, '   ', '"v1"');
    expect([blank.status, blank.body.code]).toEqual([400, 'award.reason_required']);
    const empty = await revoke(DEMO.leader, id, '', '"v1"');
    expect(empty.status).toBe(400);
    const noMatch = await revoke(DEMO.leader, id, 'Lý do.');
    expect([noMatch.status, noMatch.body.code]).toEqual([428, 'precondition.required']);
    const stale = await revoke(DEMO.leader, id, 'Lý do.', '"v7"');
    expect([stale.status, stale.body.code]).toEqual([412, 'precondition.failed']);
    const [row] = await t.database.db.select().from(awards).where(eq(awards.id, id));
    expect([row!.revokedAt, row!.version]).toEqual([null, 1]);
    expect(await auditCount(id)).toBe(0);
  });

  it('the message is in Vietnamese by default', async () => {
    const id = await fresh();
    const first = await revoke(DEMO.leader, id, 'Lý do.', await etagOf(id));
    const again = await revoke(DEMO.leader, id, 'Lý do.', first.headers.etag);
    expect(JSON.stringify(again.body)).toContain('Khen thưởng này đã bị thu hồi');
  });
});

describe('the public list of a campaign’s awards', () => {
  it('a finalized campaign: its awards not revoked, without amounts', async () => {
    const campaignId = await campaignIn('finalized');
    const p = await makePerson(t, xa, 'Trần Thị Bích');
    const a = await grant({
      campaignId,
      unitId: xa,
      personId: p.id,
      recipientName: 'Trần Thị Bích',
      decisionNumber: '05/QĐ-UBND',
    });
    const u = await grant({ campaignId, unitId: xa, recipientName: 'UBND xã Thạch Hải', decisionNumber: '05/QĐ-UBND' });
    const p2 = await makePerson(t, xa);
    const gone = await grant({ campaignId, unitId: xa, personId: p2.id, recipientName: p2.fullName });
    const r = await revoke(DEMO.leader, gone.id, 'Thu hồi.', await etagOf(gone.id));
    expect(r.status).toBe(200);
    const res = await get(null, `/api/v1/public/campaigns/${campaignId}/awards`);
    expect(res.status).toBe(200);
    expect(res.body.campaignId).toBe(campaignId);
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, u.id].sort());
    const bich = res.body.items.find((i: { id: string }) => i.id === a.id);
    expect(bich).toEqual({
      id: a.id,
      recipientKind: 'person',
      recipientName: 'Trần Thị Bích',
      unitName: 'UBND xã Thạch Hải',
      awardTypeName: expect.stringMatching(/Giấy khen/),
      issuerName: 'UBND huyện Thạch Hà',
      decisionNumber: '05/QĐ-UBND',
      decidedOn: '2026-11-20',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/amount|702000|baseSalary/);
  });

  it('an open or closed campaign: 409; a draft or unknown one: 404', async () => {
    for (const status of ['open', 'closed'] as const) {
      const id = await campaignIn(status);
      const res = await get(null, `/api/v1/public/campaigns/${id}/awards`);
      expect([res.status, res.body.code], status).toEqual([409, 'award.results_not_published']);
    }
    const draft = await campaignIn('draft');
    const d = await get(null, `/api/v1/public/campaigns/${draft}/awards`);
    expect([d.status, d.body.code]).toEqual([404, 'not_found']);
    expect((await get(null, '/api/v1/public/campaigns/c_unknown/awards')).status).toBe(404);
  });
});
