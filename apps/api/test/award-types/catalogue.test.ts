/**
 * The award catalogue kept by the administrator: award types with their grant powers, the dated
 * authority matrix, base salaries by date, public holidays and working days, and each authority's
 * award settings. Every write: the administrator only (award_type.manage), audited, and refused
 * writes leave nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  auditEvents,
  awardSettings,
  awardTypes,
  baseSalaries,
  grantPowers,
  publicHolidays,
} from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let seq = 0;
const code = () => `thu_nghiem_${Date.now().toString(36)}_${++seq}`;

async function call(
  method: 'get' | 'post' | 'patch' | 'put' | 'delete',
  url: string,
  who: string,
  body?: object,
  headers: Record<string, string> = {},
) {
  const req = t.api[method](url).set('authorization', await t.auth(who));
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return body === undefined ? req : req.send(body);
}

async function rows(table: PgTable): Promise<number> {
  const [r] = (await t.database.db.select({ n: count() }).from(table)) as [{ n: number }];
  return Number(r.n);
}

async function auditsOf(objectId: string) {
  return t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId));
}

const newType = () => ({
  code: code(),
  name: 'Giấy khen thử nghiệm',
  form: 'commendation',
  recipientKind: 'individual',
  bonusCoefficient: 0.3,
});

describe('award types', () => {
  it('lists the shipped catalogue with each type’s grant powers, for any role that reads it', async () => {
    const res = await call('get', '/api/v1/award-types', DEMO.unitOfficer);
    expect(res.status, res.text).toBe(200);
    const gk = res.body.items.find((i: { id: string }) => i.id === 'awt_giay_khen_individual');
    expect(gk).toMatchObject({
      code: 'giay_khen_individual',
      form: 'commendation',
      recipientKind: 'individual',
      bonusCoefficient: 0.3,
    });
    expect(gk.grantPowers.map((p: { level: string }) => p.level).sort()).toEqual([
      'commune',
      'district',
      'province_department',
    ]);
    const district = gk.grantPowers.find((p: { level: string }) => p.level === 'district');
    expect(district).toMatchObject({ validFrom: '2024-01-01', validTo: '2025-06-30' });
    expect(district.legalReference).toContain('Điều 80');
  });

  it('the administrator adds one (201, ETag, audited); a code in use is 409 and writes nothing', async () => {
    const body = newType();
    const res = await call('post', '/api/v1/award-types', DEMO.admin, {
      ...body,
      voteThreshold: 0.9,
      requiresInitiative: true,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.etag).toBe('"v1"');
    expect(res.body).toMatchObject({
      ...body,
      voteThreshold: 0.9,
      requiresInitiative: true,
      archived: false,
      grantPowers: [],
    });
    expect((await auditsOf(res.body.id)).map((a) => a.action)).toEqual(['award_type.create']);

    const before = await rows(awardTypes);
    const dup = await call('post', '/api/v1/award-types', DEMO.admin, { ...newType(), code: body.code });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('award_type.code_taken');
    expect(dup.body.errors[0].field).toBe('/code');
    expect(await rows(awardTypes)).toBe(before);
  });

  it('refuses a bad form, a negative coefficient and a threshold above 1 (400), writing nothing', async () => {
    const before = await rows(awardTypes);
    for (const bad of [{ form: 'medal' }, { bonusCoefficient: -1 }, { voteThreshold: 1.5 }, { code: 'Có dấu' }]) {
      const res = await call('post', '/api/v1/award-types', DEMO.admin, { ...newType(), ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.code).toBe('validation.failed');
    }
    expect(await rows(awardTypes)).toBe(before);
  });

  it('the administrator changes the coefficient with If-Match; a stale ETag is 412, none 428; others 403', async () => {
    const made = await call('post', '/api/v1/award-types', DEMO.admin, newType());
    const url = `/api/v1/award-types/${made.body.id}`;
    const res = await call(
      'patch',
      url,
      DEMO.admin,
      { bonusCoefficient: 0.45, archived: true },
      { 'if-match': made.headers.etag! },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ bonusCoefficient: 0.45, archived: true, version: 2 });
    expect(res.headers.etag).toBe('"v2"');
    expect((await auditsOf(made.body.id)).map((a) => a.action)).toEqual(['award_type.create', 'award_type.update']);

    const stale = await call('patch', url, DEMO.admin, { bonusCoefficient: 1 }, { 'if-match': made.headers.etag! });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('precondition.failed');
    const none = await call('patch', url, DEMO.admin, { bonusCoefficient: 1 });
    expect(none.status).toBe(428);
    const sec = await call('patch', url, DEMO.secretariat, { bonusCoefficient: 1 }, { 'if-match': '"v2"' });
    expect(sec.status).toBe(403);
    expect(sec.body.code).toBe('auth.forbidden');
    const [row] = await t.database.db.select().from(awardTypes).where(eq(awardTypes.id, made.body.id));
    expect(Number(row!.bonusCoefficient)).toBe(0.45);
    expect(row!.version).toBe(2);

    // Archived types leave the list unless asked for.
    const listed = await call('get', '/api/v1/award-types', DEMO.admin);
    expect(listed.body.items.some((i: { id: string }) => i.id === made.body.id)).toBe(false);
    const all = await call('get', '/api/v1/award-types?includeArchived=true', DEMO.admin);
    expect(all.body.items.some((i: { id: string }) => i.id === made.body.id)).toBe(true);
  });

  it('a PATCH of an unknown type is 404, of a code another type has 409', async () => {
    const missing = await call(
      'patch',
      '/api/v1/award-types/awt_khong_co',
      DEMO.admin,
      { name: 'X' },
      { 'if-match': '"v1"' },
    );
    expect(missing.status).toBe(404);
    const made = await call('post', '/api/v1/award-types', DEMO.admin, newType());
    const taken = await call(
      'patch',
      `/api/v1/award-types/${made.body.id}`,
      DEMO.admin,
      { code: 'giay_khen_individual' },
      { 'if-match': '"v1"' },
    );
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('award_type.code_taken');
  });
});

describe('the authority matrix (grant powers)', () => {
  it('answers the rows valid on a date: the district level before 1 Jul 2025, not after', async () => {
    const before = await call(
      'get',
      '/api/v1/grant-powers?on=2025-06-30&awardTypeId=awt_giay_khen_individual',
      DEMO.observer,
    );
    expect(before.status, before.text).toBe(200);
    expect(before.body.items.map((p: { level: string }) => p.level).sort()).toEqual([
      'commune',
      'district',
      'province_department',
    ]);
    const after = await call(
      'get',
      '/api/v1/grant-powers?on=2025-07-01&awardTypeId=awt_giay_khen_individual',
      DEMO.observer,
    );
    expect(after.body.items.map((p: { level: string }) => p.level).sort()).toEqual(['commune', 'province_department']);
    // Bằng khen: only the provincial chairman, never a commune chairman.
    const bk = await call('get', '/api/v1/grant-powers?on=2026-12-01&awardTypeId=awt_bang_khen_individual', DEMO.admin);
    expect(bk.body.items.map((p: { level: string }) => p.level)).toEqual(['province']);
  });

  it('the administrator adds, changes and removes a dated row, each audited', async () => {
    const made = await call('post', '/api/v1/grant-powers', DEMO.admin, {
      awardTypeId: 'awt_bang_khen_individual',
      level: 'province_department',
      legalReference: 'Thử nghiệm',
      validFrom: '2027-01-01',
    });
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({
      level: 'province_department',
      validFrom: '2027-01-01',
      validTo: null,
      version: 1,
    });
    const url = `/api/v1/grant-powers/${made.body.id}`;
    const changed = await call('patch', url, DEMO.admin, { validTo: '2027-12-31' }, { 'if-match': made.headers.etag! });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ validTo: '2027-12-31', version: 2 });
    const on = await call('get', '/api/v1/grant-powers?on=2027-06-01&awardTypeId=awt_bang_khen_individual', DEMO.admin);
    expect(on.body.items.map((p: { id: string }) => p.id)).toContain(made.body.id);
    const gone = await call('delete', url, DEMO.admin);
    expect(gone.status).toBe(200);
    expect(await t.database.db.select().from(grantPowers).where(eq(grantPowers.id, made.body.id))).toEqual([]);
    expect((await auditsOf(made.body.id)).map((a) => a.action)).toEqual([
      'grant_power.create',
      'grant_power.update',
      'grant_power.delete',
    ]);
    expect((await call('delete', url, DEMO.admin)).status).toBe(404);
  });

  it('refuses validTo before validFrom (400 field error) on create and on change, writing nothing', async () => {
    const before = await rows(grantPowers);
    const res = await call('post', '/api/v1/grant-powers', DEMO.admin, {
      awardTypeId: 'awt_lao_dong_tien_tien',
      level: 'commune',
      validFrom: '2026-01-01',
      validTo: '2025-12-31',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('grant_power.dates_reversed');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: '/validTo', code: 'grant_power.dates_reversed' }),
    ]);
    const unknown = await call('post', '/api/v1/grant-powers', DEMO.admin, {
      awardTypeId: 'awt_khong_co',
      level: 'commune',
      validFrom: '2026-01-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: '/awardTypeId', code: 'award_type.not_found' });
    expect(await rows(grantPowers)).toBe(before);

    const change = await call(
      'patch',
      '/api/v1/grant-powers/gp_xa_ldtt',
      DEMO.admin,
      { validTo: '2023-12-31' },
      { 'if-match': '"v1"' },
    );
    expect(change.status).toBe(400);
    expect(change.body.code).toBe('grant_power.dates_reversed');
    const [row] = await t.database.db.select().from(grantPowers).where(eq(grantPowers.id, 'gp_xa_ldtt'));
    expect(row).toMatchObject({ validTo: null, version: 1 });
  });

  it('refuses writes to the secretariat (403), writing nothing', async () => {
    const before = await rows(grantPowers);
    const res = await call('post', '/api/v1/grant-powers', DEMO.secretariat, {
      awardTypeId: 'awt_lao_dong_tien_tien',
      level: 'commune',
      validFrom: '2026-01-01',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
    expect((await call('delete', '/api/v1/grant-powers/gp_xa_ldtt', DEMO.leader)).status).toBe(403);
    expect(await rows(grantPowers)).toBe(before);
  });
});

describe('base salaries', () => {
  it('answers the one in force on a date: 2,340,000 from 1 Jul 2024, 1,800,000 the day before', async () => {
    const now = await call('get', '/api/v1/base-salaries/current?on=2026-02-13', DEMO.staff);
    expect(now.status, now.text).toBe(200);
    expect(now.body).toMatchObject({ amount: 2_340_000, validFrom: '2024-07-01' });
    const before = await call('get', '/api/v1/base-salaries/current?on=2024-06-30', DEMO.staff);
    expect(before.body.amount).toBe(1_800_000);
    const none = await call('get', '/api/v1/base-salaries/current?on=2000-01-01', DEMO.staff);
    expect(none.status).toBe(404);
    const list = await call('get', '/api/v1/base-salaries', DEMO.staff);
    expect(list.body.items.map((s: { amount: number }) => s.amount)).toEqual(
      expect.arrayContaining([1_490_000, 1_800_000, 2_340_000]),
    );
  });

  it('the administrator adds a new one from a date, changes and removes it; a date in use is 409', async () => {
    const made = await call('post', '/api/v1/base-salaries', DEMO.admin, {
      amount: 2_530_000,
      validFrom: '2030-07-01',
      legalReference: 'Thử nghiệm',
    });
    expect(made.status, made.text).toBe(201);
    expect((await call('get', '/api/v1/base-salaries/current?on=2030-07-01', DEMO.admin)).body.amount).toBe(2_530_000);
    const before = await rows(baseSalaries);
    const dup = await call('post', '/api/v1/base-salaries', DEMO.admin, { amount: 1, validFrom: '2030-07-01' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('base_salary.date_taken');
    const zero = await call('post', '/api/v1/base-salaries', DEMO.admin, { amount: 0, validFrom: '2031-07-01' });
    expect(zero.status).toBe(400);
    expect(await rows(baseSalaries)).toBe(before);
    const url = `/api/v1/base-salaries/${made.body.id}`;
    const changed = await call('patch', url, DEMO.admin, { amount: 2_600_000 }, { 'if-match': made.headers.etag! });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ amount: 2_600_000, version: 2 });
    expect((await call('patch', url, DEMO.admin, { amount: 1 }, { 'if-match': made.headers.etag! })).status).toBe(412);
    expect((await call('patch', url, DEMO.secretariat, { amount: 1 }, { 'if-match': '"v2"' })).status).toBe(403);
    expect((await call('delete', url, DEMO.admin)).status).toBe(200);
    expect((await auditsOf(made.body.id)).map((a) => a.action)).toEqual([
      'base_salary.create',
      'base_salary.update',
      'base_salary.delete',
    ]);
  });
});

describe('public holidays and working days', () => {
  it('lists a year’s holidays (Tết 2026 included)', async () => {
    const res = await call('get', '/api/v1/public-holidays?year=2026', DEMO.reception);
    expect(res.status, res.text).toBe(200);
    const days = res.body.items.map((h: { date: string }) => h.date);
    expect(days).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-20', '2026-09-01']));
    expect(days.every((d: string) => d.startsWith('2026-'))).toBe(true);
  });

  it('counts working days over Tết: received Fri 13 Feb 2026, Mon 23 Feb is 1', async () => {
    const res = await call('get', '/api/v1/working-days?from=2026-02-13&to=2026-02-23', DEMO.reception);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ from: '2026-02-13', to: '2026-02-23', workingDays: 1 });
    const reversed = await call('get', '/api/v1/working-days?from=2026-02-23&to=2026-02-13', DEMO.reception);
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('working_days.range_reversed');
    expect((await call('get', '/api/v1/working-days?from=2026-02-13', DEMO.reception)).status).toBe(400);
  });

  it('a day the administrator adds is skipped by the count; removed, it counts again', async () => {
    const url = '/api/v1/public-holidays/2031-03-05';
    const count1 = await call('get', '/api/v1/working-days?from=2031-03-04&to=2031-03-05', DEMO.admin);
    expect(count1.body.workingDays).toBe(1);
    const put = await call('put', url, DEMO.admin, { name: 'Ngày nghỉ thử nghiệm' });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toEqual({ date: '2031-03-05', name: 'Ngày nghỉ thử nghiệm' });
    const renamed = await call('put', url, DEMO.admin, { name: 'Nghỉ bù' });
    expect(renamed.body.name).toBe('Nghỉ bù');
    expect((await call('get', '/api/v1/working-days?from=2031-03-04&to=2031-03-05', DEMO.admin)).body.workingDays).toBe(
      0,
    );
    expect((await call('delete', url, DEMO.admin)).status).toBe(200);
    expect((await call('delete', url, DEMO.admin)).status).toBe(404);
    expect((await call('get', '/api/v1/working-days?from=2031-03-04&to=2031-03-05', DEMO.admin)).body.workingDays).toBe(
      1,
    );
    expect((await auditsOf('2031-03-05')).map((a) => a.action)).toEqual([
      'public_holiday.create',
      'public_holiday.update',
      'public_holiday.delete',
    ]);
  });

  it('refuses a bad date, an empty name, and other roles, writing nothing', async () => {
    const before = await rows(publicHolidays);
    expect((await call('put', '/api/v1/public-holidays/2031-02-30x', DEMO.admin, { name: 'X' })).status).toBe(400);
    const empty = await call('put', '/api/v1/public-holidays/2031-03-06', DEMO.admin, { name: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('public_holiday.name_required');
    const sec = await call('put', '/api/v1/public-holidays/2031-03-06', DEMO.secretariat, { name: 'X' });
    expect(sec.status).toBe(403);
    expect((await call('delete', '/api/v1/public-holidays/2026-02-16', DEMO.secretariat)).status).toBe(403);
    expect(await rows(publicHolidays)).toBe(before);
  });
});

describe('award settings per authority', () => {
  it('answers the stored row of a demo authority (commune level)', async () => {
    const res = await call('get', `/api/v1/authorities/${await t.unitId('UBND-TH')}/award-settings`, DEMO.secretariat);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ grantorLevel: 'commune', stored: true });
    expect(res.headers.etag).toBe(`"v${res.body.version}"`);
  });

  it('answers derived defaults for a unit with none stored, then stores them with If-Match "v0"', async () => {
    const unitId = await t.unitId('XA-THACHHAI');
    const read = await call('get', `/api/v1/authorities/${unitId}/award-settings`, DEMO.admin);
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({
      stored: false,
      version: 0,
      grantorLevel: 'commune',
      quorum: 0.6667,
      threshold: 0.5,
      postingWorkingDays: 10,
    });
    expect(read.headers.etag).toBe('"v0"');
    const body = {
      grantorLevel: 'commune',
      quorum: 0.6667,
      threshold: 0.5,
      thresholdStrict: true,
      postingWorkingDays: 5,
      bonusRoundingStep: 10_000,
      grantorTitle: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THẠCH HẢI',
      issuerCode: 'UBND',
      place: 'Thạch Hải',
    };
    const url = `/api/v1/authorities/${unitId}/award-settings`;
    const none = await call('put', url, DEMO.admin, body);
    expect(none.status).toBe(428);
    const put = await call('put', url, DEMO.admin, body, { 'if-match': '"v0"' });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ ...body, stored: true, version: 1 });
    const again = await call('put', url, DEMO.admin, { ...body, postingWorkingDays: 7 }, { 'if-match': '"v0"' });
    expect(again.status).toBe(412);
    const second = await call('put', url, DEMO.admin, { ...body, postingWorkingDays: 7 }, { 'if-match': '"v1"' });
    expect(second.body).toMatchObject({ postingWorkingDays: 7, version: 2 });
    expect((await auditsOf(unitId)).filter((a) => a.action === 'award_settings.update')).toHaveLength(2);
  });

  it('refuses ratios outside 0..1, an unknown unit and other roles, writing nothing', async () => {
    const unitId = await t.unitId('UBND-TH');
    const read = await call('get', `/api/v1/authorities/${unitId}/award-settings`, DEMO.admin);
    const body = { ...read.body };
    delete body.authorityUnitId;
    delete body.stored;
    delete body.version;
    const url = `/api/v1/authorities/${unitId}/award-settings`;
    for (const bad of [{ quorum: 1.2 }, { threshold: -0.1 }, { postingWorkingDays: -1 }, { grantorLevel: 'village' }]) {
      const res = await call('put', url, DEMO.admin, { ...body, ...bad }, { 'if-match': read.headers.etag! });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await call('put', url, DEMO.secretariat, body, { 'if-match': read.headers.etag! })).status).toBe(403);
    expect((await call('get', '/api/v1/authorities/u_khong_co/award-settings', DEMO.admin)).status).toBe(404);
    const [row] = await t.database.db.select().from(awardSettings).where(eq(awardSettings.authorityUnitId, unitId));
    expect(row!.version).toBe(read.body.version);
  });
});
