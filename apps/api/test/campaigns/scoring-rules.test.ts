/**
 * Scoring rules as campaign data (issue 8, point 2): criterion weights, penalties, bands, the
 * tie-break chain, named groups of units, four-eyes, reminder days and followsDates. Written by
 * the standing office while the campaign is a draft, frozen (the scoring part) once it opens,
 * carried by templates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_RULES } from '@thidua/contract';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeUnit } from '../factories.ts';
import { addDays, BUNDLED, createDraft, etagOf, move, ratioCriterion, today } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rules = {
  penalties: [
    { kind: 'open_finding', points: 3 },
    { kind: 'late_submission', points: 4.5 },
  ],
  bands: [
    { label: 'Hoàn thành xuất sắc', minPoints: 85 },
    { label: 'Hoàn thành tốt', minPoints: 70 },
  ],
  tieBreak: ['total', 'earlier_first_submission', 'criteria_met'],
};

async function patch(id: string, etag: string, body: Record<string, unknown>, who: string = DEMO.secretariat) {
  return t.api
    .patch(`/api/v1/campaigns/${id}`)
    .set('authorization', await t.auth(who))
    .set('if-match', etag)
    .send(body);
}

async function read(id: string) {
  return t.api.get(`/api/v1/campaigns/${id}`).set('authorization', await t.auth(DEMO.secretariat));
}

describe('scoring rules on a draft', () => {
  it('a new campaign starts with the default rules, no groups, no second reviewer, reminders 7 and 2 days before, following its dates', async () => {
    const { body } = await createDraft(t);
    expect(body).toMatchObject({
      scoring: DEFAULT_SCORING_RULES,
      unitGroups: [],
      requireSecondReviewer: false,
      reminderDaysBefore: [7, 2],
      followsDates: true,
    });
  });

  it('the office sets each field on create and changes it on update; a read gives back what was written', async () => {
    const communes = [await t.unitId('XA-THACHHAI'), await t.unitId('XA-THACHHA')];
    const offices = [await t.unitId('TP'), await t.unitId('NV')];
    const { id, body } = await createDraft(t, {
      scoring: rules,
      unitGroups: [{ code: 'CUM-1', name: 'Cụm thi đua các xã', unitIds: communes }],
      requireSecondReviewer: true,
      reminderDaysBefore: [10, 3, 0],
      followsDates: false,
    });
    expect(body).toMatchObject({
      scoring: rules,
      unitGroups: [{ code: 'CUM-1', name: 'Cụm thi đua các xã', unitIds: communes }],
      requireSecondReviewer: true,
      reminderDaysBefore: [10, 3, 0],
      followsDates: false,
    });

    const changed = {
      scoring: { penalties: [], bands: [], tieBreak: [] },
      unitGroups: [
        { code: 'KHOI-PHONG', name: 'Khối các phòng chuyên môn', unitIds: offices },
        { code: 'CUM-XA', name: 'Cụm các xã', unitIds: communes },
      ],
      requireSecondReviewer: false,
      reminderDaysBefore: [],
      followsDates: true,
    };
    const res = await patch(id, etagOf(await read(id)), changed);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(changed);
    expect((await read(id)).body).toMatchObject(changed);
  });

  it('a criterion has weight 1 unless given; the weight is changed on a draft', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const auth = await t.auth(DEMO.secretariat);
    const plain = await t.api.post(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth).send(ratioCriterion);
    expect(plain.status).toBe(201);
    expect(plain.body.weight).toBe(1);
    const heavy = await t.api
      .post(`/api/v1/campaigns/${id}/criteria`)
      .set('authorization', auth)
      .send({ ...ratioCriterion, code: '1.2.a.9', weight: 2.5 });
    expect(heavy.status).toBe(201);
    expect(heavy.body.weight).toBe(2.5);
    const changed = await t.api
      .patch(`/api/v1/campaigns/${id}/criteria/${plain.body.id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(plain))
      .send({ weight: 0.5 });
    expect(changed.status).toBe(200);
    expect(changed.body.weight).toBe(0.5);
  });

  it('a weight of 0, below 0 or above 100 is refused with a field error', async () => {
    const { id } = await createDraft(t, {}, { criteria: false });
    const auth = await t.auth(DEMO.secretariat);
    for (const weight of [0, -1, 100.5]) {
      const res = await t.api
        .post(`/api/v1/campaigns/${id}/criteria`)
        .set('authorization', auth)
        .send({ ...ratioCriterion, weight });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: '/weight' })]);
    }
    const list = await t.api.get(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth);
    expect(list.body.items).toHaveLength(0);
  });
});

describe('clones', () => {
  it('a clone for next year keeps the rules and the weights', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const hai = await t.unitId('XA-THACHHAI');
    const rulesOf = {
      scoring: rules,
      unitGroups: [{ code: 'CUM-1', name: 'Cụm 1', unitIds: [hai] }],
      requireSecondReviewer: true,
      reminderDaysBefore: [3],
      followsDates: false,
    };
    const { id } = await createDraft(t, rulesOf, { criteria: false });
    await t.api
      .post(`/api/v1/campaigns/${id}/criteria`)
      .set('authorization', auth)
      .send({ ...ratioCriterion, weight: 4 });
    const clone = await t.api.post(`/api/v1/campaigns/${id}/clone`).set('authorization', auth).send({ shiftDays: 365 });
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject(rulesOf);
    const criteria = await t.api.get(`/api/v1/campaigns/${clone.body.id}/criteria`).set('authorization', auth);
    expect(criteria.body.items.map((c: { weight: number }) => c.weight)).toEqual([4]);
  });
});

describe('validation with field errors', () => {
  it('bands must go strictly down and have unique names; penalties one per kind; each tie-break once', async () => {
    const { id, etag, body } = await createDraft(t);
    const res = await patch(id, etag, {
      scoring: {
        penalties: [
          { kind: 'open_finding', points: 2 },
          { kind: 'open_finding', points: 3 },
        ],
        bands: [
          { label: 'Xuất sắc', minPoints: 90 },
          { label: 'Tốt', minPoints: 90 },
          { label: 'xuất sắc', minPoints: 50 },
        ],
        tieBreak: ['total', 'criteria_met', 'total'],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['/scoring/penalties/1/kind', 'scoring.penalty_repeated'],
      ['/scoring/bands/1/minPoints', 'scoring.bands_not_decreasing'],
      ['/scoring/bands/2/label', 'scoring.band_label_taken'],
      ['/scoring/tieBreak/2', 'scoring.tie_break_repeated'],
    ]);
    // Vietnamese first, with its diacritics.
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(byField['/scoring/bands/1/minPoints']).toBe('Điểm tối thiểu của mỗi mức phải thấp hơn mức đứng trên nó.');
    const after = await read(id);
    expect(after.body.scoring).toEqual(body.scoring);
    expect(after.body.version).toBe(body.version);
  });

  it('named groups need unique codes, each unit once, units under the authority and not archived', async () => {
    const archived = await makeUnit(t);
    const unit = await t.api.get(`/api/v1/units/${archived.id}`).set('authorization', await t.auth(DEMO.admin));
    const archive = await t.api
      .patch(`/api/v1/units/${archived.id}`)
      .set('authorization', await t.auth(DEMO.admin))
      .set('if-match', etagOf(unit))
      .send({ archived: true });
    expect(archive.status).toBe(200);
    const hai = await t.unitId('XA-THACHHAI');
    const otherAuthority = await t.unitId('TS-VP');
    const { id, etag } = await createDraft(t);
    const res = await patch(id, etag, {
      unitGroups: [
        { code: 'CUM-1', name: 'Cụm 1', unitIds: [hai, archived.id] },
        { code: 'cum-1', name: 'Cụm 2', unitIds: [hai, otherAuthority, 'un_khong_co'] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['/unitGroups/1/code', 'campaign.group_code_taken'],
      ['/unitGroups/1/unitIds/0', 'campaign.group_unit_repeated'],
      ['/unitGroups/0/unitIds/1', 'campaign.group_unit_archived'],
      ['/unitGroups/1/unitIds/1', 'campaign.group_unit_not_found'],
      ['/unitGroups/1/unitIds/2', 'campaign.group_unit_not_found'],
    ]);
    expect((await read(id)).body.unitGroups).toEqual([]);
  });

  it('reminder days are whole numbers 0–90, each once, at most five', async () => {
    const { id, etag } = await createDraft(t);
    for (const days of [[91], [-1], [1.5], [7, 7], [1, 2, 3, 4, 5, 6]]) {
      const res = await patch(id, etag, { reminderDaysBefore: days });
      expect(res.status, JSON.stringify(days)).toBe(400);
      expect(res.body.errors[0].field).toMatch(/^\/reminderDaysBefore/);
    }
    expect((await read(id)).body.reminderDaysBefore).toEqual([7, 2]);
  });

  it('unknown fields inside the rules are refused', async () => {
    const { id, etag } = await createDraft(t);
    const res = await patch(id, etag, {
      scoring: { ...DEFAULT_SCORING_RULES, bonus: 5 },
    });
    expect(res.status).toBe(400);
    const bad = await patch(id, etag, {
      scoring: { ...DEFAULT_SCORING_RULES, penalties: [{ kind: 'absent', points: 1 }] },
    });
    expect(bad.status).toBe(400);
  });
});

describe('frozen once open', () => {
  it('scoring, groups, four-eyes and weights are refused with 409 once open, and nothing is written', async () => {
    const { id } = await createDraft(t);
    await move(t, id, 'open');
    const auth = await t.auth(DEMO.secretariat);
    const before = await read(id);
    for (const body of [
      { scoring: { penalties: [], bands: [], tieBreak: [] } },
      { unitGroups: [{ code: 'CUM-1', name: 'Cụm 1', unitIds: [await t.unitId('XA-THACHHAI')] }] },
      { requireSecondReviewer: true },
      { requireSecondReviewer: true, reminderDaysBefore: [5] },
    ]) {
      const res = await patch(id, etagOf(before), body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.code).toBe('campaign.field_frozen');
      expect(res.body.detail).toMatch(/cách chấm điểm, xếp hạng đã cố định/);
    }
    const criteria = await t.api.get(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth);
    const [criterion] = criteria.body.items;
    const one = await t.api.get(`/api/v1/campaigns/${id}/criteria/${criterion.id}`).set('authorization', auth);
    const weight = await t.api
      .patch(`/api/v1/campaigns/${id}/criteria/${criterion.id}`)
      .set('authorization', auth)
      .set('if-match', etagOf(one))
      .send({ weight: 3 });
    expect(weight.status).toBe(409);
    expect(weight.body.code).toBe('criterion.frozen');

    const after = await read(id);
    expect(after.body).toEqual(before.body);
    const criteriaAfter = await t.api.get(`/api/v1/campaigns/${id}/criteria`).set('authorization', auth);
    expect(criteriaAfter.body.items[0]).toEqual(criterion);
  });

  it('reminder days and followsDates stay editable while open', async () => {
    const { id } = await createDraft(t);
    await move(t, id, 'open');
    const res = await patch(id, etagOf(await read(id)), { reminderDaysBefore: [5, 1], followsDates: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reminderDaysBefore: [5, 1], followsDates: false });
  });
});

describe('who may write the rules', () => {
  it('only the standing office (campaign.author) changes them; others are refused and nothing is written', async () => {
    const { id, etag, body } = await createDraft(t);
    const change = { scoring: rules, requireSecondReviewer: true, reminderDaysBefore: [1] };
    for (const who of [DEMO.leader, DEMO.reception, DEMO.communications, DEMO.observer, DEMO.unitOfficer]) {
      const res = await patch(id, etag, change, who);
      expect([403, 404], who).toContain(res.status);
    }
    const other = await patch(id, etag, change, 'noivu@thanhsen.hatinh.gov.vn');
    expect([403, 404]).toContain(other.status);
    const after = await read(id);
    expect(after.body).toEqual(body);
    const audit = await t.api
      .get(`/api/v1/audit-events?objectId=${id}`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['campaign.create']);
  });
});

describe('templates carry the rules', () => {
  it('export → import → create keeps weights, scoring, groups (by unit code), four-eyes, reminders and followsDates', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const hai = await t.unitId('XA-THACHHAI');
    const { id } = await createDraft(
      t,
      {
        scoring: rules,
        unitGroups: [{ code: 'CUM-1', name: 'Cụm thi đua số 1', unitIds: [hai] }],
        requireSecondReviewer: true,
        reminderDaysBefore: [14],
        followsDates: false,
      },
      { criteria: false },
    );
    const crit = await t.api
      .post(`/api/v1/campaigns/${id}/criteria`)
      .set('authorization', auth)
      .send({ ...ratioCriterion, weight: 2 });
    expect(crit.status).toBe(201);
    const exported = await t.api.get(`/api/v1/campaigns/${id}/export`).set('authorization', auth);
    expect(exported.status).toBe(200);
    expect(exported.body.campaign).toMatchObject({
      scoring: rules,
      unitGroups: [{ code: 'CUM-1', name: 'Cụm thi đua số 1', unitCodes: ['XA-THACHHAI'] }],
      requireSecondReviewer: true,
      reminderDaysBefore: [14],
      followsDates: false,
    });
    expect(exported.body.criteria[0].weight).toBe(2);

    const imported = await t.api.post('/api/v1/campaign-templates').set('authorization', auth).send(exported.body);
    expect(imported.status).toBe(201);
    const created = await t.api
      .post('/api/v1/campaigns')
      .set('authorization', auth)
      .send({ templateId: imported.body.id, number: '/KH-UBND', startsOn: addDays(today(), 1) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      scoring: rules,
      unitGroups: [{ code: 'CUM-1', name: 'Cụm thi đua số 1', unitIds: [hai] }],
      requireSecondReviewer: true,
      reminderDaysBefore: [14],
      followsDates: false,
    });
    const criteria = await t.api.get(`/api/v1/campaigns/${created.body.id}/criteria`).set('authorization', auth);
    expect(criteria.body.items.map((c: { weight: number }) => c.weight)).toEqual([2]);
  });

  it('a template written before the rules existed imports, and its campaign gets the defaults', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const doc = {
      format: 'thidua.campaign-template',
      version: 1,
      name: 'Mẫu cũ không có cách chấm điểm',
      campaign: { title: 'Phát động phong trào thi đua chuyển đổi số', participantKinds: ['commune'] },
      criteria: [{ ...ratioCriterion }],
    };
    const imported = await t.api.post('/api/v1/campaign-templates').set('authorization', auth).send(doc);
    expect(imported.status).toBe(201);
    const created = await t.api
      .post('/api/v1/campaigns')
      .set('authorization', auth)
      .send({
        templateId: imported.body.id,
        number: '/KH-UBND',
        startsOn: addDays(today(), 1),
        endsOn: addDays(today(), 30),
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      scoring: DEFAULT_SCORING_RULES,
      unitGroups: [],
      requireSecondReviewer: false,
      reminderDaysBefore: [7, 2],
      followsDates: true,
    });
    const criteria = await t.api.get(`/api/v1/campaigns/${created.body.id}/criteria`).set('authorization', auth);
    expect(criteria.body.items[0].weight).toBe(1);
  });

  it('a template whose rules break them, or whose groups name unknown units, is refused with pointers', async () => {
    const auth = await t.auth(DEMO.secretariat);
    const res = await t.api
      .post('/api/v1/campaign-templates')
      .set('authorization', auth)
      .send({
        format: 'thidua.campaign-template',
        version: 1,
        name: 'Mẫu lỗi',
        campaign: {
          title: 'Phát động',
          scoring: {
            penalties: [],
            bands: [
              { label: 'A', minPoints: 10 },
              { label: 'B', minPoints: 20 },
            ],
            tieBreak: [],
          },
          unitGroups: [{ code: 'C1', name: 'Cụm 1', unitCodes: ['KHONG-CO-MA-NAY'] }],
        },
        criteria: [{ ...ratioCriterion, weight: 1 }],
      });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['/campaign/scoring/bands/1/minPoints', 'scoring.bands_not_decreasing'],
      ['/campaign/unitGroups/0/unitCodes/0', 'template.unit_code_unknown'],
    ]);
  });

  it('the bundled 2022 plan scores on 100 points per target, with the penalties, the four bands and the default tie-break', async () => {
    const res = await t.api
      .get(`/api/v1/campaign-templates/${BUNDLED}`)
      .set('authorization', await t.auth(DEMO.secretariat));
    expect(res.status).toBe(200);
    const doc = res.body.document;
    expect(doc.campaign.scoring).toEqual({
      penalties: [
        { kind: 'open_finding', points: 2 },
        { kind: 'late_submission', points: 5 },
      ],
      bands: DEFAULT_SCORING_RULES.bands,
      tieBreak: DEFAULT_SCORING_RULES.tieBreak,
    });
    const total = (target: string) =>
      doc.criteria
        .filter((c: { target: string }) => c.target === target)
        .reduce((s: number, c: { maxScore: number; weight: number }) => s + c.maxScore * c.weight, 0);
    expect(total('collective')).toBe(100);
    expect(total('individual')).toBe(100);
    // Every band is reachable on that total.
    for (const band of doc.campaign.scoring.bands) expect(band.minPoints).toBeLessThanOrEqual(100);
  });
});
