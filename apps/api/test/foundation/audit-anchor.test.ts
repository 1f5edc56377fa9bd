/**
 * What keeps the audit log whole beyond its hash chain (QUALITY.md, issue 10): the database refuses
 * to change or remove events, even on the app's own connection; checkpoints signed with the audit
 * key and kept outside the database catch what the table's owner could still do — delete the tail,
 * or recompute the chain; events written before the key existed still verify.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import { auditEvents, jobs } from '../../src/db/schema/index.ts';
import { openPglite } from '../../src/db/client.ts';
import { hashOf, recordAudit, verifyAuditChain } from '../../src/modules/audit/audit.service.ts';
import { currentAuditKey } from '../../src/modules/audit/audit-key.ts';
import { auditModule, writeAuditCheckpoint } from '../../src/modules/audit/index.ts';
import { createJobRunner } from '../../src/lib/jobs.ts';
import { CHECKPOINT_DIR, type AuditCheckpoint } from '../../src/modules/audit/audit-checkpoints.ts';
import { createTestApp, DEMO, type TestApp } from '../helpers.ts';
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

const checkpointDir = () => path.join(t.config.dataDir, CHECKPOINT_DIR);
// Each test anchors the chain as it needs: no checkpoint outlives its test.
afterEach(() => fs.rmSync(checkpointDir(), { recursive: true, force: true }));

const verify = () => t.api.get('/api/v1/audit-events/verify').set('authorization', admin);
const checkpoint = (now = new Date()) => writeAuditCheckpoint(t.database.db, { dataDir: t.config.dataDir, now });

let n = 0;
async function createUnit() {
  const res = await t.api
    .post('/api/v1/units')
    .set('authorization', admin)
    .send({ parentId: thachHai, code: `NEO-${++n}`, name: `Tổ neo nhật ký ${n}`, kind: 'other' });
  expect(res.status, res.text).toBe(201);
}

async function lastEvents(count: number) {
  return t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(count);
}

describe('the audit table is append-only in the database', () => {
  it("refuses UPDATE, DELETE and TRUNCATE on the app's own connection, and changes nothing", async () => {
    await createUnit();
    const [last] = await lastEvents(1);
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    for (const statement of [
      sql`UPDATE audit_events SET action = 'unit.forged' WHERE seq = ${last!.seq}`,
      sql`DELETE FROM audit_events WHERE seq = ${last!.seq}`,
      sql`TRUNCATE audit_events`,
      sql`UPDATE audit_events SET action = action WHERE false`,
    ]) {
      const refused = await t.database.db.execute(statement).then(
        () => null,
        (err: { cause?: { code?: string; message?: string } }) => err.cause,
      );
      expect(refused, String(statement.queryChunks)).toMatchObject({ code: '42501' });
      expect(refused!.message).toMatch(/audit_events is append-only/);
    }
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(after).toEqual(before);
    const [still] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.seq, last!.seq));
    expect(still).toEqual(last);
    expect((await verify()).body.ok).toBe(true);
  });

  it('still takes new events', async () => {
    const [before] = await lastEvents(1);
    await createUnit();
    const [after] = await lastEvents(1);
    expect(after!.seq).toBe(before!.seq + 1);
    expect(after!.prevHash).toBe(before!.hash);
  });
});

describe('checkpoints outside the database', () => {
  it('a checkpoint is a file signed with the audit key, and verify reports it', async () => {
    await createUnit();
    const cp = (await checkpoint())!;
    const [head] = await lastEvents(1);
    expect(cp).toMatchObject({ seq: head!.seq, headId: head!.id, headHash: head!.hash, keyedFrom: 1 });
    expect(cp.keyId).toBe(currentAuditKey().id);
    const files = fs.readdirSync(checkpointDir());
    expect(files).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(checkpointDir(), files[0]!), 'utf8'))).toEqual(cp);
    expect(fs.statSync(path.join(checkpointDir(), files[0]!)).mode & 0o077).toBe(0);
    const res = await verify();
    expect(res.body).toMatchObject({ ok: true, checkpoint: { seq: cp.seq, at: cp.at } });
    // Nothing new since: nothing written.
    expect(await checkpoint()).toBeNull();
  });

  it('a deleted tail is reported against the checkpoint, from the first missing event', async () => {
    await createUnit();
    await createUnit();
    const cp = (await checkpoint())!;
    const tail = await lastEvents(2);
    await asTableOwner(t.database.db, (tx) => tx.delete(auditEvents).where(gt(auditEvents.seq, cp.seq - 2)));
    try {
      // The rows left still link up: only the checkpoint tells that two are gone.
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
      const res = await verify();
      expect(res.body).toMatchObject({
        ok: false,
        checked: cp.seq - 2,
        firstBrokenSeq: cp.seq - 1,
        firstBrokenId: null,
        reasonCode: 'audit.tail_missing',
        checkpoint: { seq: cp.seq, at: cp.at },
      });
      expect(res.body.reason).toBe(
        `Nhật ký chỉ còn ${cp.seq - 2} sự kiện, nhưng mốc kiểm tra lúc ${cp.at} đã ghi nhận ${cp.seq}: các sự kiện từ số ${cp.seq - 1} trở đi đã bị xoá.`,
      );
      // The checkpoint job does not anchor a log that lost its tail.
      await expect(checkpoint()).rejects.toThrow(/does not verify/);
    } finally {
      await t.database.db.insert(auditEvents).values(tail.reverse());
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('a whole chain recomputed without the key verifies on its own, but not against the checkpoint', async () => {
    await createUnit();
    const cp = (await checkpoint())!;
    const original = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    await recomputeChain(t.database.db, 1, { edit: { action: 'unit.forged' } });
    try {
      // No keyed event is left to contradict it …
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
      // … but the checkpoint says the chain was keyed from its first event.
      expect((await verify()).body).toMatchObject({
        ok: false,
        firstBrokenSeq: 1,
        firstBrokenId: original[0]!.id,
        reasonCode: 'audit.unkeyed_event',
        checkpoint: { seq: cp.seq },
      });
    } finally {
      await asTableOwner(t.database.db, async (tx) => {
        for (const o of original) await tx.update(auditEvents).set(o).where(eq(auditEvents.seq, o.seq));
      });
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('a chain recomputed with the key itself (an insider) still differs from the checkpoint', async () => {
    await createUnit();
    await createUnit();
    const cp = (await checkpoint())!;
    const from = cp.seq - 1;
    const original = await t.database.db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, from - 1));
    await recomputeChain(t.database.db, from, { key: currentAuditKey(), edit: { action: 'unit.forged' } });
    try {
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
      const res = await verify();
      expect(res.body).toMatchObject({ ok: false, firstBrokenSeq: cp.seq, reasonCode: 'audit.checkpoint_mismatch' });
      expect(res.body.reason).toContain(`từ sự kiện số 1 đến số ${cp.seq}`);
    } finally {
      await asTableOwner(t.database.db, async (tx) => {
        for (const o of original) await tx.update(auditEvents).set(o).where(eq(auditEvents.seq, o.seq));
      });
    }
    expect((await verify()).body.ok).toBe(true);
  });

  it('a checkpoint file edited by hand is not trusted, and is reported', async () => {
    await createUnit();
    const cp = (await checkpoint())!;
    const [file] = fs.readdirSync(checkpointDir());
    const forged: AuditCheckpoint = { ...cp, seq: cp.seq - 1 };
    fs.writeFileSync(path.join(checkpointDir(), file!), JSON.stringify(forged));
    const res = await verify();
    expect(res.body).toMatchObject({ ok: false, reasonCode: 'audit.checkpoint_invalid', checkpoint: null });
    expect(res.body.reason).toContain(file);
  });

  it('the jobs runner writes a checkpoint once per interval and logs it', async () => {
    await createUnit();
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    const log = {
      ...t.app.log,
      info: (obj: Record<string, unknown>, msg: string) => lines.push({ obj, msg }),
      child: () => log,
    } as unknown as typeof t.app.log;
    const runner = createJobRunner({ db: t.database.db, config: t.config, log, modules: [auditModule] });
    const now = new Date('2031-03-01T02:10:00Z');
    await runner.tick(now);
    const slot = Math.floor(now.getTime() / (t.config.auditCheckpointIntervalMinutes * 60_000));
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `audit.checkpoint:${slot}`));
    expect(job).toMatchObject({ kind: 'audit.checkpoint', status: 'done' });
    const [head] = await lastEvents(1);
    const files = fs.readdirSync(checkpointDir());
    expect(files).toHaveLength(1);
    const written = JSON.parse(fs.readFileSync(path.join(checkpointDir(), files[0]!), 'utf8'));
    expect(written).toMatchObject({ seq: head!.seq, headHash: head!.hash, at: now.toISOString() });
    // The operations log holds the same signed checkpoint: a second copy outside the database.
    const logged = lines.find((l) => l.msg === 'audit: checkpoint written');
    expect(logged?.obj.auditCheckpoint).toMatchObject(written);
    // Later in the same interval: the same job, not run again.
    await createUnit();
    await runner.tick(new Date(now.getTime() + 60_000));
    expect(fs.readdirSync(checkpointDir())).toHaveLength(1);
  });
});

describe('events written before the audit key existed', () => {
  it('still verify, and the keyed events after them too; an unkeyed one after a keyed one does not', async () => {
    // A database of its own, whose first events were hashed the old way (plain SHA-256).
    const database = await openPglite(undefined);
    try {
      await database.migrate();
      let prevHash = '0'.repeat(64);
      for (let seq = 1; seq <= 3; seq++) {
        const row = {
          id: `ae_legacy${seq}`,
          seq,
          at: new Date(Date.UTC(2025, 0, seq)).toISOString(),
          actorId: null,
          actorEmail: 'admin@thidua.local',
          actorRole: 'admin',
          actorUnitId: null,
          action: 'unit.update',
          objectType: 'unit',
          objectId: `un_${seq}`,
          before: { name: 'Tổ cũ' },
          after: { name: `Tổ mới ${seq}` },
          requestId: `req-${seq}`,
          prevHash,
        };
        prevHash = hashOf(row);
        await database.db.insert(auditEvents).values({ ...row, hash: prevHash });
      }
      for (let i = 0; i < 2; i++) {
        await database.db.transaction((tx) =>
          recordAudit(
            tx,
            { actor: null, requestId: 'after-upgrade' },
            { action: 'x.y', objectType: 'x', objectId: null },
          ),
        );
      }
      const rows = await database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
      expect(rows.map((r) => r.hash.startsWith('hmac-sha256:'))).toEqual([false, false, false, true, true]);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5 });
      const dataDir = fs.mkdtempSync(path.join(t.config.dataDir, 'legacy-'));
      const cp = await writeAuditCheckpoint(database.db, { dataDir, now: new Date() });
      expect(cp).toMatchObject({ seq: 5, keyedFrom: 4 });

      // An event re-hashed the old way after the cut-over is a recomputed chain.
      await recomputeChain(database.db, 5, { edit: { action: 'x.forged' } });
      expect(await verifyAuditChain(database.db)).toMatchObject({
        ok: false,
        firstBrokenSeq: 5,
        reasonCode: 'audit.unkeyed_event',
      });
    } finally {
      await database.close();
    }
  });
});
