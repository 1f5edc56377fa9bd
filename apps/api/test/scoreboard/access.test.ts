/**
 * Who reads a scoreboard: the authority's roles holding scoreboard.read, within their authority;
 * the public only once the campaign is finalized.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scoreboard } from '@thidua/contract';
import { auditEvents } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount, makeCampaign } from '../factories.ts';
import { move } from '../campaigns/support.ts';
import { demoCampaignId } from '../submissions/support.ts';
import { criteriaOf, insertReviews, insertSubmission } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const auditCount = async () => (await t.database.db.select().from(auditEvents)).length;

describe('reading the scoreboard', () => {
  it("the authority's offices, leader and observer read it; unit roles and staff are refused, and nothing is written", async () => {
    const id = await demoCampaignId(t);
    for (const who of [DEMO.secretariat, DEMO.leader, DEMO.reception, DEMO.communications, DEMO.observer, DEMO.admin]) {
      const res = await t.api.get(`/api/v1/campaigns/${id}/scoreboard`).set('authorization', await t.auth(who));
      expect(res.status, who).toBe(200);
    }
    const refused = [DEMO.unitHead, DEMO.unitOfficer, DEMO.staff];
    const tokens = new Map(await Promise.all(refused.map(async (who) => [who, await t.auth(who)] as const)));
    const before = await auditCount();
    for (const who of refused) {
      for (const suffix of ['', '.xlsx', '.csv']) {
        const res = await t.api
          .get(`/api/v1/campaigns/${id}/scoreboard${suffix}`)
          .set('authorization', tokens.get(who)!);
        expect(res.status, `${who} ${suffix}`).toBe(403);
      }
    }
    expect(await t.api.get(`/api/v1/campaigns/${id}/scoreboard`).then((r) => r.status)).toBe(401);
    expect(await auditCount()).toBe(before);
  });

  it("another authority's standing office does not see Thạch Hà's campaign (404), nor its units on any board", async () => {
    const id = await demoCampaignId(t);
    const thanhSen = await makeAccount(t, 'secretariat', await t.unitId('UBND-TS'));
    const res = await t.api.get(`/api/v1/campaigns/${id}/scoreboard`).set('authorization', thanhSen.auth);
    expect(res.status).toBe(404);
    const xlsx = await t.api.get(`/api/v1/campaigns/${id}/scoreboard.xlsx`).set('authorization', thanhSen.auth);
    expect(xlsx.status).toBe(404);
    // Thạch Hà's own board holds only units under Thạch Hà.
    const own = (
      await t.api.get(`/api/v1/campaigns/${id}/scoreboard`).set('authorization', await t.auth(DEMO.secretariat))
    ).body as Scoreboard;
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.some((r) => r.unit.code.startsWith('TS-'))).toBe(false);
  });

  it('is public once the campaign is finalized, and 404 before', async () => {
    const c = await makeCampaign(t, { status: 'open', enrol: ['XA-THACHHAI'] });
    const [criterion] = await criteriaOf(t, c.id);
    const sub = await insertSubmission(t, c.id, await t.unitId('XA-THACHHAI'), 'accepted', new Date());
    await insertReviews(t, sub, [{ criterionId: criterion!.id, verdict: 'met', score: 9 }]);

    const before = await t.api.get(`/api/v1/public/campaigns/${c.id}/scoreboard`);
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('scoreboard.not_published');
    expect(before.body.detail).toContain('tổng kết');
    expect((await t.api.get('/api/v1/public/campaigns/nope/scoreboard')).status).toBe(404);

    await move(t, c.id, 'close');
    expect((await t.api.get(`/api/v1/public/campaigns/${c.id}/scoreboard`)).status).toBe(404);
    await move(t, c.id, 'finalize');
    const after = await t.api.get(`/api/v1/public/campaigns/${c.id}/scoreboard`);
    expect(after.status).toBe(200);
    const board = after.body as Scoreboard;
    expect(board.provisional).toBe(false);
    expect(board.rows[0]).toMatchObject({
      rank: 1,
      unit: { code: 'XA-THACHHAI' },
      total: 9,
      submissionStatus: 'accepted',
    });
  });

  it('once finalized, only accepted self-assessments score', async () => {
    const c = await makeCampaign(t, { status: 'open', enrol: ['XA-THACHHAI', 'XA-THACHHA'] });
    const [criterion] = await criteriaOf(t, c.id);
    const accepted = await insertSubmission(t, c.id, await t.unitId('XA-THACHHAI'), 'accepted', new Date());
    const submitted = await insertSubmission(t, c.id, await t.unitId('XA-THACHHA'), 'submitted', new Date());
    await insertReviews(t, accepted, [{ criterionId: criterion!.id, verdict: 'met', score: 7 }]);
    await insertReviews(t, submitted, [{ criterionId: criterion!.id, verdict: 'met', score: 10 }]);
    const auth = await t.auth(DEMO.secretariat);
    const read = async () =>
      (await t.api.get(`/api/v1/campaigns/${c.id}/scoreboard`).set('authorization', auth)).body as Scoreboard;

    const provisional = await read();
    expect(provisional.provisional).toBe(true);
    expect(provisional.rows.slice(0, 2).map((r) => [r.unit.code, r.total])).toEqual([
      ['XA-THACHHA', 10],
      ['XA-THACHHAI', 7],
    ]);
    await move(t, c.id, 'close', 'finalize');
    const final = await read();
    expect(final.provisional).toBe(false);
    const totals = new Map(final.rows.map((r) => [r.unit.code, [r.rank, r.total, r.submissionStatus]]));
    expect(totals.get('XA-THACHHAI')).toEqual([1, 7, 'accepted']);
    expect(totals.get('XA-THACHHA')).toEqual([2, 0, 'submitted']);
  });
});
