/**
 * The reception desk: the queue with the working days a dossier waited, receipts numbered from the
 * authority's TN register (sequential, never twice the same, per authority and year), the
 * completeness checklist, returns for supplement (the unit is told and sees the reasons), and the
 * refusals: incomplete dossiers, another authority's desk, unit roles — none of which writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, documentRegisters, dossiers, notifications } from '../../src/db/schema/index.ts';
import { todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { holidaysBetween } from '../../src/modules/award-types/index.ts';
import { workingDaysBetween } from '../../src/lib/working-days.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { makeAccount, makePerson } from '../factories.ts';
import { closedCampaignWithAcceptedUnit, insertDossier, type AwardCampaign } from '../awards/support.ts';
import { addDocuments, deskCall, dossierEtag, dossierRowOf } from './support.ts';

let t: TestApp;
let c: AwardCampaign;
let tsId: string;
let tsReception: string;

beforeAll(async () => {
  t = await createTestApp();
  c = await closedCampaignWithAcceptedUnit(t);
  tsId = await t.unitId('UBND-TS');
  tsReception = (await makeAccount(t, 'reception', tsId)).auth;
});
afterAll(() => t.close());

const year = () => Number(todayInVietnam().slice(0, 4));

/** A submitted dossier of a new person of XA-THACHHAI (one live dossier per nominee), with its documents unless told. */
async function submitted(opts: { documents?: boolean; authorityUnitId?: string } = {}) {
  const person = await makePerson(t, c.unitId);
  const d = await insertDossier(
    t,
    { ...c, authorityUnitId: opts.authorityUnitId ?? c.authorityUnitId },
    {
      status: 'submitted',
      personId: person.id,
    },
  );
  if (opts.documents !== false) await addDocuments(t, d.id);
  return d.id;
}

async function registerOf(unitId: string): Promise<number> {
  const [r] = await t.database.db
    .select({ n: documentRegisters.lastNumber })
    .from(documentRegisters)
    .where(
      and(
        eq(documentRegisters.issuerUnitId, unitId),
        eq(documentRegisters.year, year()),
        eq(documentRegisters.series, 'TN'),
      ),
    );
  return r?.n ?? 0;
}

async function audits(): Promise<number> {
  const [r] = await t.database.db.select({ n: count() }).from(auditEvents);
  return Number(r!.n);
}

/** Snapshot of what a refused call must leave as it was. */
async function snapshot(id: string) {
  const row = await dossierRowOf(t, id);
  return {
    status: row.status,
    version: row.version,
    receiptNumber: row.receiptNumber,
    checklist: row.checklist,
    returns: row.returns,
    register: await registerOf(c.authorityUnitId),
    audits: await audits(),
  };
}

const numberOf = (receipt: string) => Number(receipt.split('/')[0]);

describe('receiving', () => {
  it('numbers receipts from the authority’s TN register, one after the other, and records who and when', async () => {
    const a = await submitted();
    const b = await submitted();
    const before = await registerOf(c.authorityUnitId);
    const ra = await deskCall(t, DEMO.reception, 'post', a, 'receive', { checklist: { proposal_letter_signed: true } });
    expect(ra.status, ra.text).toBe(200);
    const rb = await deskCall(t, DEMO.reception, 'post', b, 'receive');
    expect(rb.status, rb.text).toBe(200);
    expect(ra.body.receiptNumber).toBe(`${String(before + 1).padStart(2, '0')}/TN-UBND`);
    expect(numberOf(rb.body.receiptNumber)).toBe(before + 2);
    expect(await registerOf(c.authorityUnitId)).toBe(before + 2);
    expect(ra.body).toMatchObject({
      status: 'received',
      checklist: { proposal_letter_signed: true },
      waitingWorkingDays: 0,
    });
    expect(ra.headers.etag).toBe(`"v${ra.body.version}"`);
    const row = await dossierRowOf(t, a);
    expect(row.receivedBy).toBe(await t.userId(DEMO.reception));
    expect(Date.now() - row.receivedAt!.getTime()).toBeLessThan(60_000);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, a), eq(auditEvents.action, 'dossier.receive')));
    expect(event!.after).toMatchObject({ status: 'received', receiptNumber: ra.body.receiptNumber });
  });

  it('keeps a register per authority: the desk of UBND-TS numbers its own from 01', async () => {
    const id = await submitted({ authorityUnitId: tsId });
    const res = await deskCall(t, tsReception, 'post', id, 'receive');
    expect(res.status, res.text).toBe(200);
    expect(res.body.receiptNumber).toBe('01/TN-UBND');
    expect(await registerOf(tsId)).toBe(1);
  });

  it('never gives two receipts the same number when two dossiers are received at once', async () => {
    const ids = await Promise.all([submitted(), submitted(), submitted()]);
    const before = await registerOf(c.authorityUnitId);
    const etags = await Promise.all(ids.map((id) => dossierEtag(t, id)));
    const auth = await t.auth(DEMO.reception);
    const results = await Promise.all(
      ids.map((id, i) =>
        t.api.post(`/api/v1/dossiers/${id}/receive`).set('authorization', auth).set('if-match', etags[i]!).send({}),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const numbers = results.map((r) => numberOf(r.body.receiptNumber)).sort((x, y) => x - y);
    expect(numbers).toEqual([before + 1, before + 2, before + 3]);
  });

  it('receives one dossier once when two desks receive it at the same time', async () => {
    const id = await submitted();
    const before = await registerOf(c.authorityUnitId);
    const etag = await dossierEtag(t, id);
    const other = (await makeAccount(t, 'reception', c.authorityUnitId)).auth;
    const results = await Promise.all(
      [await t.auth(DEMO.reception), other].map((auth) =>
        t.api.post(`/api/v1/dossiers/${id}/receive`).set('authorization', auth).set('if-match', etag).send({}),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([409, 412]).toContain(statuses[1]);
    expect(await registerOf(c.authorityUnitId)).toBe(before + 1);
    const [n] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'dossier.receive')));
    expect(Number(n!.n)).toBe(1);
  });

  it('refuses a dossier missing a required document (422 naming it) and writes nothing', async () => {
    const person = await makePerson(t, c.unitId);
    const { id } = await insertDossier(t, c, { status: 'submitted', personId: person.id });
    await addDocuments(t, id, ['proposal_letter', 'achievement_report']);
    const before = await snapshot(id);
    const res = await deskCall(t, DEMO.reception, 'post', id, 'receive');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('reception.incomplete');
    expect(res.body.detail ?? res.body.title).toBeDefined();
    expect(JSON.stringify(res.body)).toContain('biên bản họp xét');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '/documents/meeting_minutes' })]);
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses a dossier already received (409), a stale ETag (412) and a missing one (428)', async () => {
    const id = await submitted();
    const stale = await dossierEtag(t, id);
    expect((await deskCall(t, DEMO.reception, 'post', id, 'receive')).status).toBe(200);
    const again = await deskCall(t, DEMO.reception, 'post', id, 'receive');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('dossier.illegal_transition');
    const old = await t.api
      .post(`/api/v1/dossiers/${id}/receive`)
      .set('authorization', await t.auth(DEMO.reception))
      .set('if-match', stale)
      .send({});
    expect(old.status).toBe(412);
    const none = await t.api
      .post(`/api/v1/dossiers/${id}/receive`)
      .set('authorization', await t.auth(DEMO.reception))
      .send({});
    expect(none.status).toBe(428);
  });

  it('refuses the desk of another authority (404, as for an unknown dossier) and writes nothing', async () => {
    const id = await submitted();
    const before = await snapshot(id);
    for (const [method, action, body] of [
      ['post', 'receive', {}],
      ['post', 'return', { reasons: ['Thiếu chữ ký.'] }],
      ['patch', 'checklist', { checklist: { minutes_signed: true } }],
    ] as const) {
      const res = await deskCall(t, tsReception, method, id, action, body);
      expect(res.status, `${action}: ${res.text}`).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    const read = await t.api.get(`/api/v1/reception/dossiers/${id}`).set('authorization', tsReception);
    expect(read.status).toBe(404);
    const queue = await t.api.get('/api/v1/reception/dossiers').set('authorization', tsReception);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses unit roles (403) and writes nothing', async () => {
    const id = await submitted();
    const callers = [DEMO.unitHead, DEMO.unitOfficer, DEMO.staff, DEMO.secretariat];
    for (const who of callers) await t.auth(who); // signing in is audited: before the snapshot
    const before = await snapshot(id);
    for (const who of callers) {
      for (const [method, action, body] of [
        ['post', 'receive', {}],
        ['post', 'return', { reasons: ['Thiếu chữ ký.'] }],
        ['patch', 'checklist', { checklist: { minutes_signed: true } }],
      ] as const) {
        const res = await deskCall(t, who, method, id, action, body);
        expect(res.status, `${who} ${action}`).toBe(403);
        expect(res.body.code).toBe('auth.forbidden');
      }
      const queue = await t.api.get('/api/v1/reception/dossiers').set('authorization', await t.auth(who));
      expect(queue.status).toBe(403);
    }
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('the checklist', () => {
  it('sets the items sent and keeps the others, while submitted or received', async () => {
    const id = await submitted();
    const first = await deskCall(t, DEMO.reception, 'patch', id, 'checklist', {
      checklist: { proposal_letter_signed: true, minutes_signed: false },
    });
    expect(first.status, first.text).toBe(200);
    const second = await deskCall(t, DEMO.reception, 'patch', id, 'checklist', { checklist: { minutes_signed: true } });
    expect(second.body.checklist).toEqual({ proposal_letter_signed: true, minutes_signed: true });
    expect(second.body.version).toBe(first.body.version + 1);
    expect((await deskCall(t, DEMO.reception, 'post', id, 'receive')).status).toBe(200);
    const after = await deskCall(t, DEMO.reception, 'patch', id, 'checklist', { checklist: { list_matches: true } });
    expect(after.status).toBe(200);
    expect(after.body.checklist).toMatchObject({ list_matches: true, minutes_signed: true });
  });

  it('refuses an item not on the list (400) and a returned dossier (409)', async () => {
    const id = await submitted();
    const unknown = await deskCall(t, DEMO.reception, 'patch', id, 'checklist', {
      checklist: { photo_attached: true },
    });
    expect(unknown.status).toBe(400);
    expect((await deskCall(t, DEMO.reception, 'post', id, 'return', { reasons: ['Thiếu ảnh.'] })).status).toBe(200);
    const before = await snapshot(id);
    const closed = await deskCall(t, DEMO.reception, 'patch', id, 'checklist', { checklist: { minutes_signed: true } });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('reception.checklist_closed');
    expect(closed.body.detail).toContain('trả lại');
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('returning for supplement', () => {
  it('keeps the reasons on the dossier and tells the unit’s members', async () => {
    const id = await submitted();
    const res = await deskCall(t, DEMO.reception, 'post', id, 'return', {
      reasons: ['Biên bản họp xét chưa có chữ ký của chủ trì.', '  Báo cáo thành tích thiếu số liệu năm 2022. '],
      note: 'Đề nghị bổ sung trước ngày 15.',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('returned');
    expect(res.body.returns).toEqual([
      {
        reasons: ['Biên bản họp xét chưa có chữ ký của chủ trì.', 'Báo cáo thành tích thiếu số liệu năm 2022.'],
        note: 'Đề nghị bổ sung trước ngày 15.',
        returnedAt: expect.any(String),
        returnedBy: await t.userId(DEMO.reception),
      },
    ]);
    const head = await t.userId(DEMO.unitHead);
    const notes = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, head), eq(notifications.kind, 'dossier_returned')));
    const note = notes.find((n) => n.link === `/ho-so/${id}`);
    expect(note?.body).toContain('Biên bản họp xét chưa có chữ ký của chủ trì.');
    const bell = await t.api.get('/api/v1/notifications').set('authorization', await t.auth(DEMO.unitHead));
    expect(bell.body.items.map((n: { link: string }) => n.link)).toContain(`/ho-so/${id}`);
  });

  it('refuses a return without a reason (400) and writes nothing', async () => {
    const id = await submitted();
    const before = await snapshot(id);
    const empty = await deskCall(t, DEMO.reception, 'post', id, 'return', { reasons: [] });
    expect(empty.status).toBe(400);
    const blank = await deskCall(t, DEMO.reception, 'post', id, 'return', { reasons: ['   '] });
    expect(blank.status).toBe(400);
    expect(blank.body.code).toBe('reception.reason_required');
    expect(await snapshot(id)).toEqual(before);
  });

  it('received, returned, submitted again and received again: the dossier keeps its first number and gets the new date', async () => {
    const id = await submitted();
    const first = await deskCall(t, DEMO.reception, 'post', id, 'receive');
    expect(first.status).toBe(200);
    const firstAt = first.body.receivedAt as string;
    const returned = await deskCall(t, DEMO.reception, 'post', id, 'return', { reasons: ['Thiếu chữ ký.'] });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body.receiptNumber).toBe(first.body.receiptNumber);
    // The unit sees the reasons on its dossier, supplements it and submits it again.
    const seen = await t.api.get(`/api/v1/dossiers/${id}`).set('authorization', await t.auth(DEMO.unitHead));
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body.returns.at(-1).reasons).toEqual(['Thiếu chữ ký.']);
    const resubmitted = await t.api
      .post(`/api/v1/dossiers/${id}/submit`)
      .set('authorization', await t.auth(DEMO.unitHead));
    expect(resubmitted.status, resubmitted.text).toBe(200);
    const waiting = await t.api.get('/api/v1/reception/dossiers').set('authorization', await t.auth(DEMO.reception));
    const row = waiting.body.items.find((d: { id: string }) => d.id === id);
    expect(row).toMatchObject({ status: 'submitted', receivedWorkingDays: null, waitingWorkingDays: 0 });
    const before = await registerOf(c.authorityUnitId);
    const second = await deskCall(t, DEMO.reception, 'post', id, 'receive');
    expect(second.status, second.text).toBe(200);
    expect(second.body.receiptNumber).toBe(first.body.receiptNumber);
    expect(second.body.receivedAt > firstAt).toBe(true);
    expect(await registerOf(c.authorityUnitId)).toBe(before);
  });
});

describe('the queue', () => {
  it('lists the submitted dossiers of the desk’s authority, oldest first, with filters and diacritics-free search', async () => {
    const older = await submitted();
    const newer = await submitted();
    await t.database.db
      .update(dossiers)
      .set({ submittedAt: new Date(Date.now() - 3_600_000) })
      .where(eq(dossiers.id, older));
    const auth = await t.auth(DEMO.reception);
    const res = await t.api.get('/api/v1/reception/dossiers?pageSize=100').set('authorization', auth);
    expect(res.status, res.text).toBe(200);
    expect(res.body.limitWorkingDays).toBe(5);
    const ids = res.body.items.map((d: { id: string }) => d.id);
    expect(ids.indexOf(older)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));
    expect(res.body.items.every((d: { status: string }) => d.status === 'submitted')).toBe(true);
    const submittedAts = res.body.items.map((d: { submittedAt: string }) => d.submittedAt);
    expect([...submittedAts].sort()).toEqual(submittedAts);

    const search = await t.api
      .get(`/api/v1/reception/dossiers?q=${encodeURIComponent('xa thach hai')}&pageSize=100`)
      .set('authorization', auth);
    expect(search.body.items.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([older, newer]));
    const none = await t.api.get('/api/v1/reception/dossiers?q=khong+co+ai').set('authorization', auth);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const otherCampaign = await t.api
      .get(`/api/v1/reception/dossiers?campaignId=${c.submissionId}`)
      .set('authorization', auth);
    expect(otherCampaign.body.total).toBe(0);
    const byCampaign = await t.api
      .get(`/api/v1/reception/dossiers?campaignId=${c.campaignId}&pageSize=100`)
      .set('authorization', auth);
    expect(byCampaign.body.total).toBe(res.body.total);

    expect((await deskCall(t, DEMO.reception, 'post', newer, 'receive')).status).toBe(200);
    const received = await t.api
      .get('/api/v1/reception/dossiers?status=received&pageSize=100')
      .set('authorization', auth);
    expect(received.body.items[0]).toMatchObject({ id: newer, status: 'received', receivedWorkingDays: 0 });
    expect(received.body.items.every((d: { status: string }) => d.status === 'received')).toBe(true);
  });

  it('counts the working days waited without the weekend, and without Tết', async () => {
    const weekend = await submitted();
    const tet = await submitted();
    const earlyFriday = await submitted();
    const at = (iso: string) => new Date(iso);
    const set = (id: string, submittedAt: string, receivedAt: string) =>
      t.database.db
        .update(dossiers)
        .set({
          status: 'received',
          submittedAt: at(submittedAt),
          receivedAt: at(receivedAt),
          receiptNumber: `9${id.slice(-2)}/TN-UBND`,
        })
        .where(eq(dossiers.id, id));
    // Friday 9 Jan 2026, 15:00 in Vietnam → Monday 12 Jan, 09:00: one working day.
    await set(weekend, '2026-01-09T08:00:00Z', '2026-01-12T02:00:00Z');
    // Friday 13 Feb 2026 → Monday 23 Feb: Tết (16–20 Feb) and two weekends between: one working day.
    await set(tet, '2026-02-13T03:00:00Z', '2026-02-23T03:00:00Z');
    // Friday 9 Jan 2026 at 01:00 in Vietnam (still Thursday in UTC) → Monday 12 Jan: one working day (the date is Vietnam's).
    await set(earlyFriday, '2026-01-08T18:00:00Z', '2026-01-12T03:00:00Z');
    const res = await t.api
      .get(`/api/v1/reception/dossiers?status=received&pageSize=100`)
      .set('authorization', await t.auth(DEMO.reception));
    const byId = new Map(res.body.items.map((d: { id: string }) => [d.id, d]));
    const today = todayInVietnam();
    const since = (from: string) =>
      holidaysBetween(t.database.db, from, today).then((h) => workingDaysBetween(from, today, h));
    expect(byId.get(weekend)).toMatchObject({ waitingWorkingDays: 1, receivedWorkingDays: await since('2026-01-12') });
    expect(byId.get(tet)).toMatchObject({ waitingWorkingDays: 1, receivedWorkingDays: await since('2026-02-23') });
    expect(byId.get(earlyFriday)).toMatchObject({ waitingWorkingDays: 1 });
  });
});
