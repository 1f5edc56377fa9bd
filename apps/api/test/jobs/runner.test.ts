/**
 * The jobs runner (lib/jobs.ts) with job kinds of the test's own and a clock the test holds: a job
 * that fails is retried with backoff, then marked failed with its error, which the administrator
 * reads and retries through the API; a job whose holder crashed is taken back once its lock
 * expires; and two instances racing on one database run each job exactly once (on PostgreSQL,
 * through two connection pools, as two API replicas would).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { openPostgres, type Db } from '../../src/db/client.ts';
import { auditEvents, jobs } from '../../src/db/schema/index.ts';
import type { JobDefinition, JobPlanner, PlannedJob } from '../../src/lib/api-module.ts';
import { backoffMs, createJobRunner } from '../../src/lib/jobs.ts';
import { unique } from '../factories.ts';
import { createTestApp, DEMO, onPostgres, type TestApp } from '../helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;

/** A runner over `db` with the given kinds and planners only (not the app's modules). */
function runner(
  db: Db,
  jobsOf: { jobs?: JobDefinition[]; planners?: JobPlanner[] },
  instanceId?: string,
  batchSize = 20,
) {
  return createJobRunner({
    db,
    config: { ...t.config, jobs: { ...t.config.jobs, batchSize } },
    log: t.app.log,
    modules: [jobsOf],
    instanceId,
  });
}

async function jobByKey(key: string) {
  const [row] = await t.database.db.select().from(jobs).where(eq(jobs.key, key));
  return row!;
}

describe('the jobs runner', () => {
  it('is not started in tests; the app holds one to tick by hand', () => {
    expect(t.config.jobs.enabled).toBe(false);
    expect(typeof t.app.jobs.tick).toBe('function');
  });

  it('retries a failing job with growing backoff, then marks it failed; the admin sees the error and retries it', async () => {
    const key = unique('test.fail');
    let runs = 0;
    const failing: JobDefinition = {
      kind: 'test.fail',
      run: async () => {
        runs++;
        throw new Error('Máy chủ thư không trả lời');
      },
    };
    const planner: JobPlanner = async () => [{ kind: 'test.fail', key }];
    const r = runner(t.database.db, { jobs: [failing], planners: [planner] });
    let now = new Date('2030-01-06T01:00:00Z');
    expect(await r.tick(now)).toMatchObject({ planned: 1, claimed: 1, retried: 1, failed: 0 });
    for (let attempt = 1; attempt <= 4; attempt++) {
      const row = await jobByKey(key);
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, lastError: 'Máy chủ thư không trả lời' });
      expect(row.runAt.getTime() - now.getTime()).toBe(backoffMs(attempt));
      expect(backoffMs(attempt)).toBe(MINUTE * 2 ** (attempt - 1));
      // A tick before the backoff has passed leaves it be.
      expect((await r.tick(new Date(row.runAt.getTime() - 1000))).claimed).toBe(0);
      now = row.runAt;
      await r.tick(now);
    }
    const failed = await jobByKey(key);
    expect(failed).toMatchObject({ status: 'failed', attempts: 5, maxAttempts: 5, lockedBy: null });
    expect(failed.finishedAt).toEqual(now);
    expect(runs).toBe(5);
    expect((await r.tick(new Date(now.getTime() + 24 * 60 * MINUTE))).claimed).toBe(0);

    const admin = await t.auth(DEMO.admin);
    const listed = await t.api.get('/api/v1/jobs?status=failed&kind=test.fail').set('authorization', admin);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items.find((j: { key: string }) => j.key === key)).toMatchObject({
      status: 'failed',
      attempts: 5,
      lastError: 'Máy chủ thư không trả lời',
    });

    // The office may not read or retry jobs, and its refused retry changes nothing.
    const office = await t.auth(DEMO.secretariat);
    expect((await t.api.get('/api/v1/jobs').set('authorization', office)).status).toBe(403);
    expect((await t.api.post(`/api/v1/jobs/${failed.id}/retry`).set('authorization', office)).status).toBe(403);
    expect(await jobByKey(key)).toMatchObject({ status: 'failed', attempts: 5 });

    const retried = await t.api.post(`/api/v1/jobs/${failed.id}/retry`).set('authorization', admin);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 0, finishedAt: null });
    const [audit] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.objectId, failed.id));
    expect(audit).toMatchObject({ action: 'job.retry', actorEmail: DEMO.admin });

    const again = await t.api
      .post(`/api/v1/jobs/${failed.id}/retry`)
      .set('authorization', admin)
      .set('accept-language', 'vi');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'job.not_failed' });
    expect(again.body.detail).toContain('Chờ chạy');
    expect((await t.api.post('/api/v1/jobs/job_nonexistent/retry').set('authorization', admin)).status).toBe(404);

    // Retried, it runs at the next tick (and fails again, counted afresh).
    await r.tick(new Date());
    expect(await jobByKey(key)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(runs).toBe(6);
  });

  it('takes back a job whose holder crashed once its lock has expired, not before', async () => {
    const now = new Date('2030-02-01T03:00:00Z');
    const ran: string[] = [];
    const r = runner(t.database.db, {
      jobs: [{ kind: 'test.crash', run: async (_ctx, payload) => void ran.push((payload as { n: string }).n) }],
    });
    const dead = unique('test.crash');
    const alive = unique('test.crash');
    const poison = unique('test.crash');
    /** A job started 20 minutes ago by `holder`, which holds it until `lockedUntil`. */
    const held = (key: string, n: string, holder: string, lockedUntil: Date, attempts = 1) => ({
      id: `job_${key}`,
      kind: 'test.crash',
      key,
      payload: { n },
      status: 'running',
      runAt: new Date(now.getTime() - 20 * MINUTE),
      attempts,
      lockedBy: holder,
      lockedUntil,
    });
    await t.database.db.insert(jobs).values([
      held(dead, 'dead', 'crashed-replica', new Date(now.getTime() - 1000)),
      held(alive, 'alive', 'busy-replica', new Date(now.getTime() + 5 * MINUTE)),
      // Its holder died during its last attempt: it is not run a sixth time.
      held(poison, 'poison', 'crashed-replica', new Date(now.getTime() - 1000), 5),
    ]);
    await r.tick(now);
    expect(ran).toEqual(['dead']);
    expect(await jobByKey(dead)).toMatchObject({
      status: 'done',
      attempts: 2,
      lockedBy: null,
      lastError: 'taken back: the lock of crashed-replica expired',
    });
    expect(await jobByKey(alive)).toMatchObject({ status: 'running', lockedBy: 'busy-replica', attempts: 1 });
    expect(await jobByKey(poison)).toMatchObject({
      status: 'failed',
      lockedBy: null,
      lastError: 'taken back: the lock of crashed-replica expired',
    });
  });

  it('ticks by itself once started, and stopping waits for the job under way', async () => {
    const key = unique('test.slow');
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const r = createJobRunner({
      db: t.database.db,
      config: { ...t.config, jobs: { ...t.config.jobs, intervalMs: 100 } },
      log: t.app.log,
      modules: [
        {
          jobs: [{ kind: 'test.slow', run: async () => (started(), released) }],
          planners: [async () => [{ kind: 'test.slow', key }]],
        },
      ],
    });
    r.start();
    await running;
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await new Promise((res) => setTimeout(res, 20));
    expect(stopped).toBe(false);
    expect(await jobByKey(key)).toMatchObject({ status: 'running', lockedBy: r.instanceId });
    release();
    await stopping;
    expect(await jobByKey(key)).toMatchObject({ status: 'done', lockedBy: null });
  });

  it('two instances racing on one database run each of many due jobs exactly once', async () => {
    // On PostgreSQL the second instance has a connection pool of its own, as a second replica does.
    const url = onPostgres
      ? (t.database.db as unknown as { $client: { options: { connectionString: string } } }).$client.options
          .connectionString
      : undefined;
    const second = url ? await openPostgres(url, 5) : undefined;
    try {
      const prefix = unique('test.count');
      const keys = Array.from({ length: 60 }, (_, i) => `${prefix}:${String(i).padStart(2, '0')}`);
      const runs = new Map<string, number>();
      const by = new Map<string, number>();
      const counting = (instance: string): JobDefinition => ({
        kind: 'test.count',
        run: async (_ctx, payload) => {
          const k = (payload as { key: string }).key;
          runs.set(k, (runs.get(k) ?? 0) + 1);
          by.set(instance, (by.get(instance) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, 1)); // let the other instance run meanwhile
        },
      });
      // Both instances plan the same jobs: each is stored once.
      const planner: JobPlanner = async () =>
        keys.map((key): PlannedJob => ({ kind: 'test.count', key, payload: { key } }));
      const a = runner(t.database.db, { jobs: [counting('a')], planners: [planner] }, 'replica-a', 5);
      const b = runner(second?.db ?? t.database.db, { jobs: [counting('b')], planners: [planner] }, 'replica-b', 5);
      const now = new Date('2030-03-01T00:00:00Z');
      const [ra, rb] = await Promise.all([a.tick(now), b.tick(now), a.tick(now), b.tick(now)]);
      expect(ra!.planned + rb!.planned).toBeLessThanOrEqual(60);

      const [stored] = await t.database.db
        .select({ n: count() })
        .from(jobs)
        .where(like(jobs.key, `${prefix}:%`));
      expect(stored!.n).toBe(60);
      const left = await t.database.db
        .select()
        .from(jobs)
        .where(like(jobs.key, `${prefix}:%`));
      expect(left.filter((j) => j.status !== 'done')).toEqual([]);
      expect(keys.filter((k) => runs.get(k) !== 1)).toEqual([]);
      expect([...by.values()].reduce((s, n) => s + n, 0)).toBe(60);
      if (onPostgres) expect(by.size).toBe(2); // two pools really did share the work
    } finally {
      await second?.close();
    }
  });
});
