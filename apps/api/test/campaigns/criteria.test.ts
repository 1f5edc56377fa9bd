import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { createDraft, etagOf, move, ratioCriterion } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const base = { target: 'collective', group: 'specific', title: 'Tiêu chuẩn thử' } as const;

async function add(campaignId: string, body: Record<string, unknown>, who: string = DEMO.secretariat) {
  return t.api
    .post(`/api/v1/campaigns/${campaignId}/criteria`)
    .set('authorization', await t.auth(who))
    .send(body);
}
const fields = (res: { body: { errors?: { field: string; code: string }[] } }) =>
  (res.body.errors ?? []).map((e) => `${e.field} ${e.code}`);

describe('criteria of a draft', () => {
  it('the office adds criteria of every kind, in order', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const bodies = [
      { ...base, code: 'A', kind: 'boolean', evidenceRequired: true },
      { ...base, code: 'B', kind: 'ratio', comparator: 'gt', threshold: 30, maxScore: 15 },
      { ...base, code: 'C', kind: 'count', comparator: 'gte', threshold: 1 },
      { ...base, code: 'D', kind: 'text', guidance: 'Nêu kết quả nổi bật.' },
      {
        ...base,
        code: 'E',
        kind: 'derived',
        derivedSource: 'findings_remedied_ratio',
        comparator: 'eq',
        threshold: 100,
      },
    ];
    for (const b of bodies) expect((await add(id, b)).status, b.code).toBe(201);
    const list = await t.api
      .get(`/api/v1/campaigns/${id}/criteria`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(list.body.items.map((c: { code: string; order: number }) => `${c.order}:${c.code}`)).toEqual([
      '0:A',
      '1:B',
      '2:C',
      '3:D',
      '4:E',
    ]);
    expect(list.body.items[0]).toMatchObject({
      maxScore: 10,
      evidenceRequired: true,
      comparator: null,
      threshold: null,
      guidance: null,
    });
    expect(list.body.items[1]).toMatchObject({ maxScore: 15, evidenceRequired: false });
  });

  it('rule problems come back as field errors', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    expect(fields(await add(id, { ...base, code: 'R1', kind: 'ratio', comparator: 'gt', threshold: 130 }))).toEqual([
      '/threshold criterion.ratio_threshold_range',
    ]);
    expect(fields(await add(id, { ...base, code: 'R2', kind: 'ratio', threshold: 30 }))).toEqual([
      '/comparator criterion.comparator_required',
    ]);
    expect(fields(await add(id, { ...base, code: 'R3', kind: 'ratio', comparator: 'gte', threshold: -1 }))).toEqual([
      '/threshold criterion.ratio_threshold_range',
    ]);
    expect(fields(await add(id, { ...base, code: 'C1', kind: 'count', comparator: 'gte', threshold: 1.5 }))).toEqual([
      '/threshold criterion.count_threshold_integer',
    ]);
    expect(fields(await add(id, { ...base, code: 'C2', kind: 'count', comparator: 'gte', threshold: -2 }))).toEqual([
      '/threshold criterion.count_threshold_integer',
    ]);
    expect(fields(await add(id, { ...base, code: 'D1', kind: 'derived', comparator: 'gte', threshold: 1 }))).toEqual([
      '/derivedSource criterion.source_required',
    ]);
    expect(
      fields(
        await add(id, {
          ...base,
          code: 'D2',
          kind: 'derived',
          derivedSource: 'recognised_initiatives_count',
          comparator: 'gte',
          threshold: 0.5,
        }),
      ),
    ).toEqual(['/threshold criterion.count_threshold_integer']);
    expect(fields(await add(id, { ...base, code: 'B1', kind: 'boolean', comparator: 'gt', threshold: 3 }))).toEqual([
      '/comparator criterion.comparator_not_allowed',
      '/threshold criterion.threshold_not_allowed',
    ]);
    expect(
      fields(await add(id, { ...base, code: 'T1', kind: 'text', derivedSource: 'findings_remedied_ratio' })),
    ).toEqual(['/derivedSource criterion.source_not_allowed']);
    const negative = await add(id, { ...base, code: 'S1', kind: 'boolean', maxScore: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].field).toBe('/maxScore');
    const unknownKind = await add(id, { ...base, code: 'K1', kind: 'percent' });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.errors[0].field).toBe('/kind');
    const list = await t.api
      .get(`/api/v1/campaigns/${id}/criteria`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(list.body.items).toEqual([]);
  });

  it('field messages are in Vietnamese', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const res = await add(id, { ...base, code: 'R1', kind: 'ratio', comparator: 'gt', threshold: 130 });
    expect(res.body.errors[0].message).toBe('Ngưỡng tỷ lệ phải từ 0 đến 100 (%).');
  });

  it('a code is unique per target within a campaign; the same code may serve collectives and individuals', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    expect((await add(id, { ...base, code: '1.1', group: 'general', kind: 'boolean' })).status).toBe(201);
    expect(fields(await add(id, { ...base, code: '1.1', kind: 'boolean' }))).toEqual(['/code criterion.code_taken']);
    expect(
      (await add(id, { ...base, code: '1.1', target: 'individual', group: 'general', kind: 'boolean' })).status,
    ).toBe(201);
  });

  it('changing the kind clears the fields the new kind does not use', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const created = await add(id, ratioCriterion);
    const auth = await t.auth(DEMO.secretariat);
    const res = await t.api
      .patch(`/api/v1/campaigns/${id}/criteria/${created.body.id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(created))
      .send({ kind: 'boolean' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'boolean', comparator: null, threshold: null, version: 2 });
    const bad = await t.api
      .patch(`/api/v1/campaigns/${id}/criteria/${created.body.id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(res))
      .send({ kind: 'count' });
    expect(fields(bad)).toEqual([
      '/comparator criterion.comparator_required',
      '/threshold criterion.threshold_required',
    ]);
  });

  it('criteria are reordered with every id once; a wrong list is refused', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const ids: string[] = [];
    for (const code of ['A', 'B', 'C']) ids.push((await add(id, { ...base, code, kind: 'boolean' })).body.id);
    const auth = await t.auth(DEMO.secretariat);
    const res = await t.api
      .put(`/api/v1/campaigns/${id}/criteria/order`)
      .set('authorization', auth)
      .send({ ids: [ids[2], ids[0], ids[1]] });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { code: string }) => c.code)).toEqual(['C', 'A', 'B']);
    const missing = await t.api
      .put(`/api/v1/campaigns/${id}/criteria/order`)
      .set('authorization', auth)
      .send({ ids: [ids[0], ids[1]] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ field: '/ids', code: 'criteria.order_mismatch' });
    const stranger = await t.api
      .put(`/api/v1/campaigns/${id}/criteria/order`)
      .set('authorization', auth)
      .send({ ids: [ids[0], ids[1], 'cr_not_here'] });
    expect(stranger.status).toBe(400);
  });

  it('a deleted criterion leaves the others numbered from 0', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const ids: string[] = [];
    for (const code of ['A', 'B', 'C']) ids.push((await add(id, { ...base, code, kind: 'boolean' })).body.id);
    const auth = await t.auth(DEMO.secretariat);
    expect((await t.api.delete(`/api/v1/campaigns/${id}/criteria/${ids[0]}`).set('authorization', auth)).status).toBe(
      200,
    );
    const list = await t.api.get(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth);
    expect(list.body.items.map((c: { code: string; order: number }) => `${c.order}:${c.code}`)).toEqual(['0:B', '1:C']);
  });

  it('every change is audited with before and after', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const created = await add(id, ratioCriterion);
    const auth = await t.auth(DEMO.secretariat);
    await t.api
      .patch(`/api/v1/campaigns/${id}/criteria/${created.body.id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(created))
      .send({ threshold: 40 });
    await t.api.delete(`/api/v1/campaigns/${id}/criteria/${created.body.id}`).set('authorization', auth);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'criterion'), eq(auditEvents.objectId, created.body.id)))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual(['criterion.create', 'criterion.update', 'criterion.delete']);
    expect((events[1]!.before as { threshold: number }).threshold).toBe(30);
    expect((events[1]!.after as { threshold: number }).threshold).toBe(40);
    expect(events[1]!.actorEmail).toBe(DEMO.secretariat);
  });

  it('only the office and admins write criteria', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    for (const who of [DEMO.leader, DEMO.unitHead, DEMO.observer])
      expect((await add(id, { ...base, code: 'X', kind: 'boolean' }, who)).status, who).toBe(403);
  });
});

describe('criteria once the campaign is open', () => {
  it('are frozen except their guidance', async () => {
    const { id } = await createDraft(t);
    const auth = await t.auth(DEMO.secretariat);
    const [criterion] = (await t.api.get(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth)).body.items;
    await move(t, id, 'open');
    const read = await t.api.get(`/api/v1/campaigns/${id}/criteria/${criterion.id}`).set('authorization', auth);

    const threshold = await t.api
      .patch(`/api/v1/campaigns/${id}/criteria/${criterion.id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(read))
      .send({ threshold: 50 });
    expect(threshold.status).toBe(409);
    expect(threshold.body.code).toBe('criterion.frozen');
    expect(threshold.body.errors).toEqual([expect.objectContaining({ field: '/threshold' })]);

    const guidance = await t.api
      .patch(`/api/v1/campaigns/${id}/criteria/${criterion.id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(read))
      .send({ guidance: 'Lấy số liệu từ Cổng dịch vụ công.' });
    expect(guidance.status).toBe(200);
    expect(guidance.body).toMatchObject({ guidance: 'Lấy số liệu từ Cổng dịch vụ công.', threshold: 30 });

    const added = await add(id, { ...base, code: 'Z', kind: 'boolean' });
    expect(added.status).toBe(409);
    expect(added.body.code).toBe('criterion.frozen');
    expect(
      (await t.api.delete(`/api/v1/campaigns/${id}/criteria/${criterion.id}`).set('authorization', auth)).status,
    ).toBe(409);
    expect(
      (
        await t.api
          .put(`/api/v1/campaigns/${id}/criteria/order`)
          .set('authorization', auth)
          .send({ ids: [criterion.id] })
      ).status,
    ).toBe(409);
  });

  it('everyone signed in reads the criteria of an open campaign', async () => {
    const { id } = await createDraft(t);
    await move(t, id, 'open');
    const res = await t.api
      .get(`/api/v1/campaigns/${id}/criteria?target=collective`)
      .set('authorization', await t.auth(DEMO.staff));
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
  });
});
