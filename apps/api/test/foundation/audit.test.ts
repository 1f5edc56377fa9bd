/**
 * The audit log (QUALITY.md): every write records actor, role, before/after and the request id in
 * the same transaction; the log is hash-chained under a key the database does not hold, and verify
 * names the first broken link when a row is edited, re-hashed or deleted behind the API's back (by
 * the table's owner: the app's connection cannot — audit-anchor.test.ts). Only admin and
 * secretariat read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, gte, sql } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index.ts';
import { auditKeyFrom } from '../../src/modules/audit/audit-key.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
import { expectProblem } from './support.ts';
import { asTableOwner, recomputeChain } from './audit-tamper.ts';

let t: TestApp;
let admin: string;
let thachHai: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.auth(DEMO.admin);
  thachHai = await t.unitId('XA-THACHHAI');
});
afterAll(() => t.close());

const verify = () => t.api.get('/api/v1/audit-events/verify').set('authorization', admin);
const events = (query: Record<string, string | number>) =>
  t.api.get('/api/v1/audit-events').query(query).set('authorization', admin);

let n = 0;
async function createUnit(requestId?: string) {
  const req = t.api.post('/api/v1/units').set('authorization', admin);
  if (requestId) req.set('x-request-id', requestId);
  const res = await req.send({ parentId: thachHai, code: `KT-${++n}`, name: `Tổ kiểm tra ${n}`, kind: 'other' });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; name: string; version: number };
}

describe('what is recorded', () => {
  it('creating a unit records the actor, the role, the new state and the request id', async () => {
    const unit = await createUnit('req-audit-create-1');
    const res = await events({ objectId: unit.id });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const [e] = res.body.items;
    expect(e).toMatchObject({
      action: 'unit.create',
      objectType: 'unit',
      objectId: unit.id,
      actorId: await t.userId(DEMO.admin),
      actorEmail: DEMO.admin,
      actorRole: 'admin',
      requestId: 'req-audit-create-1',
      before: null,
    });
    expect(e.after).toMatchObject({ id: unit.id, name: unit.name, parentId: thachHai });
    expect(e.hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
  });

  it('updating a unit records before and after, with the request id echoed in the response', async () => {
    const unit = await createUnit();
    const res = await t.api
      .patch(`/api/v1/units/${unit.id}`)
      .set('authorization', admin)
      .set('if-match', `"v${unit.version}"`)
      .set('x-request-id', 'req-audit-update-1')
      .send({ name: 'Tổ kiểm tra đã đổi tên' });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-audit-update-1');
    const list = await events({ objectId: unit.id, action: 'unit.update' });
    expect(list.body.items).toHaveLength(1);
    const [e] = list.body.items;
    expect(e.before).toMatchObject({ name: unit.name, version: unit.version });
    expect(e.after).toMatchObject({ name: 'Tổ kiểm tra đã đổi tên', version: unit.version + 1 });
    expect(e.requestId).toBe('req-audit-update-1');
  });

  it('a unit role is recorded with its unit', async () => {
    const res = await t.api
      .post('/api/v1/people')
      .set('authorization', await t.auth(DEMO.unitOfficer))
      .send({ unitId: thachHai, fullName: 'Hồ Thị Ghi Nhật Ký' });
    expect(res.status).toBe(201);
    const [e] = (await events({ objectId: res.body.id })).body.items;
    expect(e).toMatchObject({
      action: 'person.create',
      actorRole: 'unit_officer',
      actorUnitId: thachHai,
      actorEmail: DEMO.unitOfficer,
    });
  });

  it('a refused write records nothing', async () => {
    const before = (await events({ pageSize: 1 })).body.total;
    const res = await t.api
      .post('/api/v1/units')
      .set('authorization', admin)
      .send({ parentId: thachHai, code: 'XA-THACHHAI', name: 'Trùng', kind: 'other' });
    expect(res.status).toBe(409);
    expect((await events({ pageSize: 1 })).body.total).toBe(before);
  });

  it('a request id that is not a plain token is replaced by a generated one', async () => {
    const res = await t.api.get('/api/v1/me').set('authorization', admin).set('x-request-id', 'bad id; DROP');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the hash chain', () => {
  it('verifies when nobody tampered with it', async () => {
    await createUnit();
    const res = await verify();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ok: true,
      firstBrokenSeq: null,
      firstBrokenId: null,
      reasonCode: null,
      reason: null,
    });
    const [{ total }] = [(await events({ pageSize: 1 })).body];
    expect(res.body.checked).toBe(total);
  });

  it('an edited row is named as the first broken link', async () => {
    const unit = await createUnit();
    await createUnit(); // the edited row is not the last one
    const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, unit.id));
    await asTableOwner(t.database.db, (tx) =>
      tx.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = ${row!.seq}`),
    );
    try {
      const res = await verify();
      expect(res.body).toMatchObject({
        ok: false,
        firstBrokenSeq: row!.seq,
        firstBrokenId: row!.id,
        reasonCode: 'audit.content_mismatch',
      });
      // Explained in the reader's language (Vietnamese unless asked otherwise), naming the event.
      expect(res.body.reason).toBe(`Nội dung sự kiện số ${row!.seq} không khớp với mã băm của nó: bản ghi đã bị sửa.`);
      const en = await verify().set('accept-language', 'en');
      expect(en.body.reason).toBe(
        `The content of event ${row!.seq} does not match its hash: the record has been edited.`,
      );
    } finally {
      await asTableOwner(t.database.db, (tx) =>
        tx.execute(sql`UPDATE audit_events SET action = ${row!.action} WHERE seq = ${row!.seq}`),
      );
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('an edited before/after payload is caught too', async () => {
    const unit = await createUnit();
    await createUnit();
    const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, unit.id));
    await asTableOwner(t.database.db, (tx) =>
      tx.execute(
        sql`UPDATE audit_events SET after = jsonb_set(after, '{name}', '"Tên giả mạo"') WHERE seq = ${row!.seq}`,
      ),
    );
    try {
      expect((await verify()).body).toMatchObject({ ok: false, firstBrokenSeq: row!.seq });
    } finally {
      await asTableOwner(t.database.db, (tx) =>
        tx.execute(sql`UPDATE audit_events SET after = ${JSON.stringify(row!.after)}::jsonb WHERE seq = ${row!.seq}`),
      );
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('a row whose keyed hash was replaced is caught at that row', async () => {
    const unit = await createUnit();
    await createUnit();
    const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, unit.id));
    expect(row!.hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    const fake = 'hmac-sha256:' + 'f'.repeat(64);
    await asTableOwner(t.database.db, (tx) =>
      tx.execute(sql`UPDATE audit_events SET hash = ${fake} WHERE seq = ${row!.seq}`),
    );
    try {
      const res = await verify();
      expect(res.body.ok).toBe(false);
      expect(res.body.firstBrokenSeq).toBe(row!.seq);
      expect(res.body.reasonCode).toBe('audit.content_mismatch');
    } finally {
      await asTableOwner(t.database.db, (tx) =>
        tx.execute(sql`UPDATE audit_events SET hash = ${row!.hash} WHERE seq = ${row!.seq}`),
      );
    }
  });

  it('an edited event whose chain was recomputed without the key — as anyone knowing the algorithm could — is named', async () => {
    const unit = await createUnit();
    await createUnit();
    await createUnit();
    const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, unit.id));
    const original = await t.database.db.select().from(auditEvents).where(gte(auditEvents.seq, row!.seq));
    // The edited event and every one after it get unkeyed hashes that link up: a chain that holds.
    await recomputeChain(t.database.db, row!.seq, { edit: { action: 'unit.forged' } });
    try {
      const res = await verify();
      expect(res.body).toMatchObject({
        ok: false,
        firstBrokenSeq: row!.seq,
        firstBrokenId: row!.id,
        reasonCode: 'audit.unkeyed_event',
      });
      // With a key of its own instead (a guess at the key), the edited event is named all the same.
      await recomputeChain(t.database.db, row!.seq, {
        key: auditKeyFrom('a-guess-at-the-key-of-this-installation'),
        edit: { action: 'unit.forged' },
      });
      expect((await verify()).body).toMatchObject({
        ok: false,
        firstBrokenSeq: row!.seq,
        reasonCode: 'audit.content_mismatch',
      });
    } finally {
      await asTableOwner(t.database.db, async (tx) => {
        for (const o of original) await tx.update(auditEvents).set(o).where(eq(auditEvents.seq, o.seq));
      });
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('a deleted row is caught: the next event is named as the first broken link', async () => {
    const unit = await createUnit();
    await createUnit();
    const [row] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, unit.id));
    await asTableOwner(t.database.db, (tx) => tx.delete(auditEvents).where(eq(auditEvents.seq, row!.seq)));
    try {
      const res = await verify();
      expect(res.body).toMatchObject({ ok: false, firstBrokenSeq: row!.seq + 1, reasonCode: 'audit.missing_event' });
      expect(res.body.reason).toContain(`số ${row!.seq + 1}`);
    } finally {
      await t.database.db.insert(auditEvents).values(row!);
    }
    expect((await verify()).body.ok).toBe(true);
  });
});

describe('reading the log', () => {
  it('filters by action, object type, object, actor and time, newest first, with totals', async () => {
    const unit = await createUnit('req-filter');
    await t.api
      .patch(`/api/v1/units/${unit.id}`)
      .set('authorization', admin)
      .set('if-match', `"v${unit.version}"`)
      .send({ displayOrder: 5 });
    const byObject = await events({ objectId: unit.id });
    expect(byObject.body.items.map((e: { action: string }) => e.action)).toEqual(['unit.update', 'unit.create']);
    expect(byObject.body.total).toBe(2);
    const seqs = byObject.body.items.map((e: { seq: number }) => e.seq);
    expect(seqs[0]).toBeGreaterThan(seqs[1]);

    const byAction = await events({ action: 'unit.create', pageSize: 100 });
    expect(byAction.body.items.length).toBeGreaterThan(0);
    expect(byAction.body.items.every((e: { action: string }) => e.action === 'unit.create')).toBe(true);

    const byType = await events({ objectType: 'person', pageSize: 100 });
    expect(byType.body.items.every((e: { objectType: string }) => e.objectType === 'person')).toBe(true);

    const officerId = await t.userId(DEMO.unitOfficer);
    const byActor = await events({ actorId: officerId, pageSize: 100 });
    expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === officerId)).toBe(true);

    const created = byObject.body.items[1].at as string;
    const future = await events({ from: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.body.total).toBe(0);
    const untilCreate = await events({ objectId: unit.id, to: created });
    expect(untilCreate.body.items.map((e: { action: string }) => e.action)).toEqual(['unit.create']);

    const q = await events({ q: 'unit.upd', objectId: unit.id });
    expect(q.body.total).toBe(1);
  });

  it('pages the log and refuses pageSize over 100', async () => {
    const page1 = await events({ pageSize: 2, page: 1 });
    const page2 = await events({ pageSize: 2, page: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items[0].seq).toBeLessThan(page1.body.items[1].seq);
    expectProblem(await events({ pageSize: 101 }), 400);
  });

  it('LIKE wildcards in q are not a way to match everything', async () => {
    const all = await events({ pageSize: 1 });
    const wild = await events({ q: '%', pageSize: 1 });
    expect(wild.body.total).toBeLessThan(all.body.total);
  });

  it('is refused (403) to unit roles and to roles outside admin and secretariat', async () => {
    for (const email of [
      DEMO.unitOfficer,
      DEMO.unitHead,
      DEMO.staff,
      DEMO.leader,
      DEMO.observer,
      DEMO.reception,
      DEMO.communications,
    ]) {
      expectProblem(
        await t.api.get('/api/v1/audit-events').set('authorization', await t.auth(email)),
        403,
        'auth.forbidden',
      );
      expectProblem(
        await t.api.get('/api/v1/audit-events/verify').set('authorization', await t.auth(email)),
        403,
        'auth.forbidden',
      );
    }
    expect((await t.api.get('/api/v1/audit-events').set('authorization', await t.auth(DEMO.secretariat))).status).toBe(
      200,
    );
  });
});
