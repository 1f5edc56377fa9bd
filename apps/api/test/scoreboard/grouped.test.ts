/** Ranking within groups: by unit kind (khối) and by the campaign's named groups (cụm). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES, type Scoreboard } from '@thidua/contract';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeCampaign } from '../factories.ts';
import { move } from '../campaigns/support.ts';
import { criteriaOf, insertReviews, insertSubmission, setRules } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('grouped scoreboards', () => {
  it('ranks within each unit kind and within each named group, and filters to one group', async () => {
    const c = await makeCampaign(t, {
      status: 'open',
      overrides: { participants: { kinds: ['commune', 'office'], unitIds: [], individualsTakePart: false } },
    });
    const [criterion] = await criteriaOf(t, c.id);
    const scores: [string, number][] = [
      ['XA-THACHHAI', 9],
      ['XA-THACHHA', 7],
      ['XA-DINHBAN', 8],
      ['TP', 6],
      ['NV', 10],
    ];
    const ids = new Map<string, string>();
    for (const [code, score] of scores) {
      ids.set(code, await t.unitId(code));
      const s = await insertSubmission(t, c.id, ids.get(code)!, 'submitted', new Date());
      await insertReviews(t, s, [{ criterionId: criterion!.id, verdict: 'met', score }]);
    }
    await setRules(t, c.id, DEFAULT_SCORING_RULES, [
      { code: 'CUM-1', name: 'Cụm thi đua số 1', unitIds: [ids.get('XA-THACHHAI')!, ids.get('TP')!] },
      {
        code: 'CUM-2',
        name: 'Cụm thi đua số 2',
        unitIds: [ids.get('XA-THACHHA')!, ids.get('XA-DINHBAN')!, ids.get('NV')!],
      },
    ]);
    const auth = await t.auth(DEMO.secretariat);
    const read = async (qs: string) => {
      const res = await t.api.get(`/api/v1/campaigns/${c.id}/scoreboard?${qs}`).set('authorization', auth);
      expect(res.status, res.text).toBe(200);
      return res.body as Scoreboard;
    };
    const rankOf = (b: Scoreboard, code: string) => b.rows.find((r) => r.unit.code === code)?.rank;

    const byKind = await read('groupBy=kind');
    expect(byKind.groups.map((g) => g.code).sort()).toEqual(['commune', 'office']);
    expect(byKind.groups.find((g) => g.code === 'commune')!.name).toBe('Khối UBND xã, thị trấn');
    expect(['XA-THACHHAI', 'XA-DINHBAN', 'XA-THACHHA'].map((u) => rankOf(byKind, u))).toEqual([1, 2, 3]);
    expect(['NV', 'TP'].map((u) => rankOf(byKind, u))).toEqual([1, 2]);
    // Rows come group by group, each in rank order.
    const groupsInOrder = byKind.rows.map((r) => r.group!.code);
    expect(groupsInOrder).toEqual([...groupsInOrder].sort());

    const communes = await read('groupBy=kind&group=commune');
    expect(communes.rows.every((r) => r.unit.kind === 'commune')).toBe(true);
    expect(communes.rows.slice(0, 3).map((r) => [r.unit.code, r.rank])).toEqual([
      ['XA-THACHHAI', 1],
      ['XA-DINHBAN', 2],
      ['XA-THACHHA', 3],
    ]);

    const byGroup = await read('groupBy=group');
    const inGroup = (code: string) =>
      byGroup.rows.filter((r) => r.group?.code === code).map((r) => [r.unit.code, r.rank]);
    expect(inGroup('CUM-1')).toEqual([
      ['XA-THACHHAI', 1],
      ['TP', 2],
    ]);
    expect(inGroup('CUM-2')).toEqual([
      ['NV', 1],
      ['XA-DINHBAN', 2],
      ['XA-THACHHA', 3],
    ]);
    // Units in no named group are ranked together, apart, with no group.
    expect(byGroup.rows.filter((r) => r.group === null).every((r) => r.rank === 1 && r.total === 0)).toBe(true);

    const one = await read('groupBy=group&group=CUM-2');
    expect(one.rows.map((r) => r.unit.code)).toEqual(['NV', 'XA-DINHBAN', 'XA-THACHHA']);

    // Ungrouped, the same five in one ranking.
    const all = await read('');
    expect(all.rows.slice(0, 5).map((r) => [r.unit.code, r.rank])).toEqual([
      ['NV', 1],
      ['XA-THACHHAI', 2],
      ['XA-DINHBAN', 3],
      ['XA-THACHHA', 4],
      ['TP', 5],
    ]);

    const unknown = await t.api
      .get(`/api/v1/campaigns/${c.id}/scoreboard?groupBy=group&group=CUM-9`)
      .set('authorization', auth);
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('scoreboard.unknown_group');
  });

  it('ranks individuals who started a self-assessment, under the unit they belong to', async () => {
    const c = await makeCampaign(t, {
      overrides: { participants: { kinds: ['commune'], unitIds: [], individualsTakePart: true } },
    });
    const auth = await t.auth(DEMO.secretariat);
    const crit = await t.api
      .post(`/api/v1/campaigns/${c.id}/criteria`)
      .set('authorization', auth)
      .send({ code: 'CN.1', target: 'individual', group: 'general', title: 'Hoàn thành nhiệm vụ', kind: 'boolean' });
    expect(crit.status).toBe(201);
    await move(t, c.id, 'open');
    const unitId = await t.unitId('XA-THACHHAI');
    const { people } = await import('../../src/db/schema/index.ts');
    const { eq } = await import('drizzle-orm');
    const staff = await t.database.db.select().from(people).where(eq(people.unitId, unitId)).limit(2);
    expect(staff.length).toBe(2);
    const s1 = await insertSubmission(t, c.id, unitId, 'submitted', new Date(), staff[0]!.id);
    await insertSubmission(t, c.id, unitId, 'draft', null, staff[1]!.id);
    await insertReviews(t, s1, [{ criterionId: crit.body.id, verdict: 'met', score: 10 }]);
    const res = await t.api.get(`/api/v1/campaigns/${c.id}/scoreboard?target=individual`).set('authorization', auth);
    expect(res.status).toBe(200);
    const board = res.body as Scoreboard;
    expect(board.target).toBe('individual');
    expect(board.rows.map((r) => [r.person?.id, r.rank, r.total, r.submissionStatus])).toEqual([
      [staff[0]!.id, 1, 10, 'submitted'],
      [staff[1]!.id, 2, 0, 'draft'],
    ]);
    expect(board.rows[0]!.unit.code).toBe('XA-THACHHAI');
  });
});
