/**
 * Blockers on nominees (pending discipline, investigation, inspection, complaint), recorded and
 * lifted by the office within its authority; and the award types a campaign leads to, set by its
 * authors until it is finalized.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvents, awardBlockers, campaignAwardTypes, campaigns } from '../../src/db/schema/index.ts';
import { openBlockersOf } from '../../src/modules/award-types/index.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { createDraft, move } from '../campaigns/support.ts';
import { makeAccount, makeCampaign } from '../factories.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { personOf } from '../submissions/support.ts';

let t: TestApp;
let xa: string;
let ts: string;
beforeAll(async () => {
  t = await createTestApp();
  xa = await t.unitId('XA-THACHHAI');
  ts = await t.unitId('UBND-TS');
});
afterAll(() => t.close());

const today = todayInVietnam();

async function call(
  method: 'get' | 'post' | 'put',
  url: string,
  who: string,
  body?: object,
  headers: Record<string, string> = {},
) {
  const req = t.api[method](url).set('authorization', await t.auth(who));
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return body === undefined ? req : req.send(body);
}
const blockerCount = async () => Number((await t.database.db.select({ n: count() }).from(awardBlockers))[0]!.n);
const auditCount = async () => Number((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n);

describe('blockers', () => {
  it('the office records one on a unit: listed, counted as open by the catalogue, audited', async () => {
    const res = await call('post', '/api/v1/award-blockers', DEMO.secretariat, {
      unitId: xa,
      kind: 'inspection',
      reason: 'Đang thanh tra việc quản lý đất đai.',
      since: addDays(today, -3),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      unitId: xa,
      unitName: 'UBND xã Thạch Hải',
      personId: null,
      kind: 'inspection',
      open: true,
      liftedAt: null,
    });
    expect(await openBlockersOf(t.database.db, { unitId: xa, personId: null })).toEqual([
      expect.objectContaining({ id: res.body.id }),
    ]);
    const list = await call('get', `/api/v1/award-blockers?unitId=${xa}&open=true`, DEMO.leader);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((b: { id: string }) => b.id)).toContain(res.body.id);
    const [audit] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, res.body.id));
    expect(audit!.action).toBe('award_blocker.create');

    // Lifted with a reason: no longer open, listed among the lifted, a second lift is 409.
    const lift = await call('post', `/api/v1/award-blockers/${res.body.id}/lift`, DEMO.secretariat, {
      reason: 'Đã có kết luận thanh tra.',
    });
    expect(lift.status, lift.text).toBe(200);
    expect(lift.body).toMatchObject({ open: false, liftReason: 'Đã có kết luận thanh tra.' });
    expect(await openBlockersOf(t.database.db, { unitId: xa, personId: null })).toEqual([]);
    const lifted = await call('get', `/api/v1/award-blockers?unitId=${xa}&open=false`, DEMO.leader);
    expect(lifted.body.items.map((b: { id: string }) => b.id)).toContain(res.body.id);
    const before = await auditCount();
    const again = await call('post', `/api/v1/award-blockers/${res.body.id}/lift`, DEMO.secretariat, {
      reason: 'Lần nữa.',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('award_blocker.already_lifted');
    expect(await auditCount()).toBe(before);
  });

  it('one on a person carries the person’s unit and blocks the person only', async () => {
    const personId = await personOf(t, 'XA-THACHHAI', 1);
    const res = await call('post', '/api/v1/award-blockers', DEMO.secretariat, {
      personId,
      kind: 'discipline',
      reason: 'Đang xem xét kỷ luật.',
      since: today,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ personId, unitId: xa, kind: 'discipline' });
    expect(res.body.personName).toBeTruthy();
    expect((await openBlockersOf(t.database.db, { unitId: xa, personId })).map((b) => b.id)).toEqual([res.body.id]);
    expect((await openBlockersOf(t.database.db, { unitId: xa, personId: null })).map((b) => b.id)).not.toContain(
      res.body.id,
    );
    const byPerson = await call('get', `/api/v1/award-blockers?personId=${personId}`, DEMO.reception);
    expect(byPerson.body.items.map((b: { id: string }) => b.id)).toEqual([res.body.id]);
  });

  it('refuses a missing or double nominee, a future date, a bad kind (400), and writes nothing', async () => {
    const before = await blockerCount();
    const cases: [object, string][] = [
      [{ kind: 'complaint', reason: 'X', since: today }, 'award_blocker.nominee_required'],
      [
        { unitId: xa, personId: await personOf(t, 'XA-THACHHAI'), kind: 'complaint', reason: 'X', since: today },
        'award_blocker.one_nominee',
      ],
      [{ unitId: xa, kind: 'complaint', reason: 'X', since: addDays(today, 1) }, 'award_blocker.since_future'],
      [{ unitId: 'u_khong_co', kind: 'complaint', reason: 'X', since: today }, 'award_blocker.unit_not_found'],
      [{ unitId: xa, kind: 'complaint', reason: '   ', since: today }, 'award_blocker.reason_required'],
      [{ unitId: xa, kind: 'gossip', reason: 'X', since: today }, 'validation.failed'],
    ];
    for (const [body, code] of cases) {
      const res = await call('post', '/api/v1/award-blockers', DEMO.secretariat, body);
      expect(res.status, code).toBe(400);
      expect(res.body.code).toBe(code);
    }
    expect(await blockerCount()).toBe(before);
  });

  it('stays within the authority: another authority’s office is refused (403) and sees none of them', async () => {
    const other = await makeAccount(t, 'secretariat', ts);
    const before = await blockerCount();
    const res = await call('post', '/api/v1/award-blockers', other.email, {
      unitId: xa,
      kind: 'complaint',
      reason: 'Khiếu nại.',
      since: today,
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
    expect(await blockerCount()).toBe(before);

    const made = await call('post', '/api/v1/award-blockers', DEMO.secretariat, {
      unitId: xa,
      kind: 'complaint',
      reason: 'Khiếu nại chưa giải quyết.',
      since: today,
    });
    const list = await call('get', '/api/v1/award-blockers', other.email);
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: { id: string }) => b.id)).not.toContain(made.body.id);
    const lift = await call('post', `/api/v1/award-blockers/${made.body.id}/lift`, other.email, { reason: 'X' });
    expect(lift.status).toBe(404);
    // The leader reads them but may not lift (403); unit roles read none (403).
    const leader = await call('post', `/api/v1/award-blockers/${made.body.id}/lift`, DEMO.leader, { reason: 'X' });
    expect(leader.status).toBe(403);
    expect((await call('get', '/api/v1/award-blockers', DEMO.unitHead)).status).toBe(403);
    const [row] = await t.database.db.select().from(awardBlockers).where(eq(awardBlockers.id, made.body.id));
    expect(row!.liftedAt).toBeNull();
  });
});

describe("a campaign's award types", () => {
  it('the office sets them with the campaign’s ETag: order kept, thematic written, version bumped, audited', async () => {
    const c = await createDraft(t);
    const read = await call('get', `/api/v1/campaigns/${c.id}/award-types`, DEMO.secretariat);
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ campaignId: c.id, thematic: true, awardTypeIds: [] });
    expect(read.headers.etag).toBe(c.etag);
    const put = await call(
      'put',
      `/api/v1/campaigns/${c.id}/award-types`,
      DEMO.secretariat,
      { awardTypeIds: ['awt_giay_khen_collective', 'awt_giay_khen_individual'], thematic: false },
      { 'if-match': read.headers.etag! },
    );
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({
      thematic: false,
      awardTypeIds: ['awt_giay_khen_collective', 'awt_giay_khen_individual'],
    });
    expect(put.body.awardTypes.map((a: { name: string }) => a.name)).toEqual([
      'Giấy khen (tập thể)',
      'Giấy khen (cá nhân)',
    ]);
    const campaign = await call('get', `/api/v1/campaigns/${c.id}`, DEMO.secretariat);
    expect(put.headers.etag).toBe(campaign.headers.etag);
    expect(put.headers.etag).not.toBe(c.etag);
    const [row] = await t.database.db.select().from(campaigns).where(eq(campaigns.id, c.id));
    expect(row!.thematic).toBe(false);
    const audits = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, c.id));
    expect(audits.map((a) => a.action)).toContain('campaign.award_types');
    // A stale ETag: 412, nothing changes.
    const stale = await call(
      'put',
      `/api/v1/campaigns/${c.id}/award-types`,
      DEMO.secretariat,
      { awardTypeIds: [], thematic: true },
      { 'if-match': c.etag },
    );
    expect(stale.status).toBe(412);
    expect(
      await t.database.db.select().from(campaignAwardTypes).where(eq(campaignAwardTypes.campaignId, c.id)),
    ).toHaveLength(2);
  });

  it('a participating unit reads them; unit roles may not set them (403)', async () => {
    const c = await makeCampaign(t, { status: 'open', enrol: ['XA-THACHHAI'] });
    const read = await call('get', `/api/v1/campaigns/${c.id}/award-types`, DEMO.unitHead);
    expect(read.status, read.text).toBe(200);
    const res = await call(
      'put',
      `/api/v1/campaigns/${c.id}/award-types`,
      DEMO.unitHead,
      { awardTypeIds: ['awt_giay_khen_individual'], thematic: true },
      { 'if-match': read.headers.etag! },
    );
    expect(res.status).toBe(403);
    expect(
      await t.database.db.select().from(campaignAwardTypes).where(eq(campaignAwardTypes.campaignId, c.id)),
    ).toEqual([]);
  });

  it('refuses unknown and repeated types (400 naming the item), and a finalized campaign (409), writing nothing', async () => {
    const c = await createDraft(t);
    const url = `/api/v1/campaigns/${c.id}/award-types`;
    const unknown = await call(
      'put',
      url,
      DEMO.secretariat,
      { awardTypeIds: ['awt_giay_khen_individual', 'awt_khong_co'], thematic: true },
      { 'if-match': c.etag },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('award_type.not_found');
    expect(unknown.body.errors[0].field).toBe('/awardTypeIds/1');
    const repeated = await call(
      'put',
      url,
      DEMO.secretariat,
      { awardTypeIds: ['awt_giay_khen_individual', 'awt_giay_khen_individual'], thematic: true },
      { 'if-match': c.etag },
    );
    expect(repeated.status).toBe(400);
    expect(repeated.body.code).toBe('campaign_award_types.repeated');
    expect(
      await t.database.db.select().from(campaignAwardTypes).where(eq(campaignAwardTypes.campaignId, c.id)),
    ).toEqual([]);

    await move(t, c.id, 'open', 'close', 'finalize');
    const read = await call('get', url, DEMO.secretariat);
    const before = await auditCount();
    const res = await call(
      'put',
      url,
      DEMO.secretariat,
      { awardTypeIds: ['awt_giay_khen_individual'], thematic: true },
      { 'if-match': read.headers.etag! },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('campaign_award_types.not_editable');
    expect(await auditCount()).toBe(before);
    expect(
      await t.database.db.select().from(campaignAwardTypes).where(eq(campaignAwardTypes.campaignId, c.id)),
    ).toEqual([]);
  });

  it('a clone of the campaign leads to the same award types, and keeps whether it is thematic', async () => {
    const c = await createDraft(t);
    const put = await call(
      'put',
      `/api/v1/campaigns/${c.id}/award-types`,
      DEMO.secretariat,
      { awardTypeIds: ['awt_lao_dong_tien_tien', 'awt_giay_khen_individual'], thematic: false },
      { 'if-match': c.etag },
    );
    expect(put.status, put.text).toBe(200);
    const clone = await call('post', `/api/v1/campaigns/${c.id}/clone`, DEMO.secretariat, { shiftDays: 365 });
    expect(clone.status, clone.text).toBe(201);
    const read = await call('get', `/api/v1/campaigns/${clone.body.id}/award-types`, DEMO.secretariat);
    expect(read.body).toMatchObject({
      thematic: false,
      awardTypeIds: ['awt_lao_dong_tien_tien', 'awt_giay_khen_individual'],
    });
  });

  it('an unknown campaign, or another authority’s, is 404', async () => {
    expect((await call('get', '/api/v1/campaigns/c_khong_co/award-types', DEMO.secretariat)).status).toBe(404);
    const other = await makeAccount(t, 'secretariat', ts);
    const c = await createDraft(t);
    expect((await call('get', `/api/v1/campaigns/${c.id}/award-types`, other.email)).status).toBe(404);
  });
});
