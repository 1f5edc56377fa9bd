/**
 * The demo's two authorities, Thạch Hà (UBND-TH, its offices and communes) and phường Thành Sen
 * (UBND-TS, its offices), each with a secretariat held at its own People's Committee. Neither reads
 * (404 on ids), lists or counts (absent from lists and totals) or changes (404, nothing written) the
 * other's campaigns, units, staff or audit events; an administrator held without a unit sees both.
 * Self-assessments, findings, initiatives and files are in authority.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvents, campaigns, criteria, people } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

const THACH_HA_OFFICE = DEMO.secretariat;
const THANH_SEN_OFFICE = 'noivu@thanhsen.hatinh.gov.vn';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function get(email: string, url: string, query: Record<string, string | number> = {}) {
  return t.api
    .get(url)
    .query(query)
    .set('authorization', await t.auth(email));
}

/** The open campaign each authority issued in the demo. */
async function campaignOf(authorityCode: string) {
  const authorityId = await t.unitId(authorityCode);
  const [row] = await t.database.db.select().from(campaigns).where(eq(campaigns.authorityUnitId, authorityId));
  if (!row) throw new Error(`no demo campaign of ${authorityCode}`);
  return row;
}

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;

describe('campaigns of two authorities', () => {
  it("each office lists, counts and reads its own authority's campaigns only", async () => {
    const thachHa = await campaignOf('UBND-TH');
    const thanhSen = await campaignOf('UBND-TS');
    for (const [office, own, other] of [
      [THACH_HA_OFFICE, thachHa, thanhSen],
      [THANH_SEN_OFFICE, thanhSen, thachHa],
    ] as const) {
      const list = await get(office, '/api/v1/campaigns', { pageSize: 100 });
      expect(list.status, list.text).toBe(200);
      const ids = list.body.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(other.id);
      const authorities = new Set(list.body.items.map((c: { authorityUnitId: string }) => c.authorityUnitId));
      expect(authorities).toEqual(new Set([own.authorityUnitId]));
      expect(list.body.total).toBe(list.body.items.length);
      // Searching by the other's title finds nothing, and counts nothing.
      const search = await get(office, '/api/v1/campaigns', { q: other.title.slice(0, 30) });
      expect(search.body.items.map((c: { id: string }) => c.id)).not.toContain(other.id);
      expect((await get(office, `/api/v1/campaigns/${own.id}`)).status).toBe(200);
      for (const url of [
        `/api/v1/campaigns/${other.id}`,
        `/api/v1/campaigns/${other.id}/criteria`,
        `/api/v1/campaigns/${other.id}/enrollments`,
        `/api/v1/campaigns/${other.id}/export`,
        `/api/v1/campaigns/${other.id}/plan.docx`,
      ]) {
        const res = await get(office, url);
        expect(res.status, `${url}: ${res.text}`).toBe(404);
      }
    }
  });

  it("an office cannot change, close, clone or add criteria to the other authority's campaign; nothing is written", async () => {
    const thanhSen = await campaignOf('UBND-TS');
    const auth = await t.auth(THACH_HA_OFFICE);
    const [{ n: criteriaBefore }] = (await t.database.db
      .select({ n: count() })
      .from(criteria)
      .where(eq(criteria.campaignId, thanhSen.id))) as [{ n: number }];
    const [{ n: campaignsBefore }] = (await t.database.db.select({ n: count() }).from(campaigns)) as [{ n: number }];
    const eventsBefore = await auditCount();
    const calls = [
      t.api
        .patch(`/api/v1/campaigns/${thanhSen.id}`)
        .set('if-match', `"v${thanhSen.version}"`)
        .send({ number: '9/KH' }),
      t.api.post(`/api/v1/campaigns/${thanhSen.id}/close`),
      t.api.post(`/api/v1/campaigns/${thanhSen.id}/clone`).send({ shiftDays: 365 }),
      t.api.post(`/api/v1/campaigns/${thanhSen.id}/criteria`).send({
        code: '9',
        target: 'collective',
        group: 'specific',
        title: 'Chen vào kế hoạch của đơn vị khác',
        kind: 'boolean',
      }),
    ];
    for (const call of calls) {
      const res = await call.set('authorization', auth);
      expect(res.status, res.text).toBe(404);
    }
    const [after] = await t.database.db.select().from(campaigns).where(eq(campaigns.id, thanhSen.id));
    expect(after).toEqual(thanhSen);
    const [{ n: criteriaAfter }] = (await t.database.db
      .select({ n: count() })
      .from(criteria)
      .where(eq(criteria.campaignId, thanhSen.id))) as [{ n: number }];
    expect(criteriaAfter).toBe(criteriaBefore);
    expect((await t.database.db.select({ n: count() }).from(campaigns))[0]!.n).toBe(campaignsBefore);
    expect(await auditCount()).toBe(eventsBefore);
  });

  it("an office cannot issue a campaign in the other authority's name (as if that unit did not exist)", async () => {
    const [{ n: before }] = (await t.database.db.select({ n: count() }).from(campaigns)) as [{ n: number }];
    const res = await t.api
      .post('/api/v1/campaigns')
      .set('authorization', await t.auth(THANH_SEN_OFFICE))
      .send({
        number: '/KH-UBND',
        title: 'Kế hoạch ban hành thay huyện',
        startsOn: '2027-01-01',
        endsOn: '2027-06-30',
        authorityUnitId: await t.unitId('UBND-TH'),
      });
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/authorityUnitId' })]);
    expect((await t.database.db.select({ n: count() }).from(campaigns))[0]!.n).toBe(before);
    // Without naming one, the new campaign is issued by the office's own authority.
    const own = await t.api
      .post('/api/v1/campaigns')
      .set('authorization', await t.auth(THANH_SEN_OFFICE))
      .send({ number: '/KH-UBND', title: 'Kế hoạch của phường', startsOn: '2027-01-01', endsOn: '2027-06-30' });
    expect(own.status, own.text).toBe(201);
    expect(own.body.authorityUnitId).toBe(await t.unitId('UBND-TS'));
  });

  it("units of one authority do not take part in the other's campaign, whatever their kind", async () => {
    const thachHa = await campaignOf('UBND-TH');
    const participants = await get(DEMO.admin, `/api/v1/campaigns/${thachHa.id}/enrollments`, { pageSize: 100 });
    expect(participants.status, participants.text).toBe(200);
    const codes = participants.body.items.map((p: { unitCode: string }) => p.unitCode);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((c: string) => c.startsWith('TS-'))).toEqual([]);
  });
});

describe('accounts held at an authority', () => {
  it('the administrator gives a secretariat role at an authority unit; the account then covers that authority only', async () => {
    const thanhSen = await t.unitId('UBND-TS');
    const created = await t.api
      .post('/api/v1/users')
      .set('authorization', await t.auth(DEMO.admin))
      .send({
        email: 'vanthu.thanhsen@hatinh.gov.vn',
        fullName: 'Văn thư phường Thành Sen',
        password: 'Phuong-Thanh-Sen-2026',
        mustChangePassword: false,
        roles: [{ role: 'secretariat', unitId: thanhSen }],
      });
    expect(created.status, created.text).toBe(201);
    expect(created.body.roles).toEqual([{ role: 'secretariat', unitId: thanhSen }]);
    const token = await t.login('vanthu.thanhsen@hatinh.gov.vn', 'Phuong-Thanh-Sen-2026');
    const list = await t.api.get('/api/v1/campaigns').set('authorization', `Bearer ${token}`);
    expect(list.status, list.text).toBe(200);
    expect(new Set(list.body.items.map((c: { authorityUnitId: string }) => c.authorityUnitId))).toEqual(
      new Set([thanhSen]),
    );
  });
});

describe('units, staff and the audit log of two authorities', () => {
  it("each office sees its own authority's units in lists, the tree and by id, not the other's", async () => {
    const thachHaRoot = await t.unitId('UBND-TH');
    const thanhSenRoot = await t.unitId('UBND-TS');
    const thanhSenOffice = await t.unitId('TS-VP');
    const list = await get(THACH_HA_OFFICE, '/api/v1/units', { pageSize: 100 });
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(thachHaRoot);
    expect(ids).not.toContain(thanhSenRoot);
    expect(ids).not.toContain(thanhSenOffice);
    expect(list.body.total).toBe(ids.length);
    const tree = await get(THANH_SEN_OFFICE, '/api/v1/units/tree');
    const treeIds = tree.body.items.map((u: { id: string }) => u.id);
    expect(treeIds[0]).toBe(thanhSenRoot);
    expect(treeIds).toContain(thanhSenOffice);
    expect(treeIds).not.toContain(thachHaRoot);
    expect((await get(THACH_HA_OFFICE, `/api/v1/units/${thanhSenOffice}`)).status).toBe(404);
    expect((await get(THANH_SEN_OFFICE, `/api/v1/units/${thachHaRoot}`)).status).toBe(404);
    // The administrator, held without a unit, sees both authorities.
    const all = await get(DEMO.admin, '/api/v1/units/tree');
    const allIds = all.body.items.map((u: { id: string }) => u.id);
    expect(allIds).toEqual(expect.arrayContaining([thachHaRoot, thanhSenRoot, thanhSenOffice]));
  });

  it("each office lists and reads its own authority's staff; the other's are 404 and cannot be changed", async () => {
    const thanhSenUnit = await t.unitId('TS-VHXH');
    const [person] = await t.database.db.select().from(people).where(eq(people.unitId, thanhSenUnit));
    const list = await get(THACH_HA_OFFICE, '/api/v1/people', { pageSize: 100, unitId: thanhSenUnit });
    expect(list.status, list.text).toBe(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    expect((await get(THACH_HA_OFFICE, `/api/v1/people/${person!.id}`)).status).toBe(404);
    const own = await get(THANH_SEN_OFFICE, '/api/v1/people', { pageSize: 100, unitId: thanhSenUnit });
    expect(own.body.items.map((p: { id: string }) => p.id)).toContain(person!.id);
    const eventsBefore = await auditCount();
    const change = await t.api
      .patch(`/api/v1/people/${person!.id}`)
      .set('authorization', await t.auth(THACH_HA_OFFICE))
      .set('if-match', `"v${person!.version}"`)
      .send({ position: 'Đổi từ nơi khác' });
    expect(change.status, change.text).toBe(404);
    const [after] = await t.database.db.select().from(people).where(eq(people.id, person!.id));
    expect(after).toEqual(person);
    expect(await auditCount()).toBe(eventsBefore);
  });

  it("each office's audit log holds the events of its own authority's accounts only", async () => {
    // Each office writes one event of its own.
    for (const office of [THACH_HA_OFFICE, THANH_SEN_OFFICE]) {
      const res = await t.api
        .post('/api/v1/campaigns')
        .set('authorization', await t.auth(office))
        .send({ number: '/KH', title: `Kế hoạch ghi nhật ký ${office}`, startsOn: '2027-02-01', endsOn: '2027-06-30' });
      expect(res.status, res.text).toBe(201);
    }
    const emailsSeenBy = async (office: string) => {
      const res = await get(office, '/api/v1/audit-events', { pageSize: 100, action: 'campaign.create' });
      expect(res.status, res.text).toBe(200);
      return new Set(res.body.items.map((e: { actorEmail: string | null }) => e.actorEmail));
    };
    const seenByThachHa = await emailsSeenBy(THACH_HA_OFFICE);
    expect(seenByThachHa.has(THACH_HA_OFFICE)).toBe(true);
    expect(seenByThachHa.has(THANH_SEN_OFFICE)).toBe(false);
    const seenByThanhSen = await emailsSeenBy(THANH_SEN_OFFICE);
    expect(seenByThanhSen.has(THANH_SEN_OFFICE)).toBe(true);
    expect(seenByThanhSen.has(THACH_HA_OFFICE)).toBe(false);
    const seenByAdmin = await emailsSeenBy(DEMO.admin);
    expect(seenByAdmin.has(THACH_HA_OFFICE) && seenByAdmin.has(THANH_SEN_OFFICE)).toBe(true);
  });
});
