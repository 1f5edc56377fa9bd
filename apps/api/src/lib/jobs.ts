/**
 * The jobs runner: background work done in-process by every API instance, from the `jobs` table.
 * Each tick (1) asks every module's planners which jobs are due and stores them by their key
 * (ON CONFLICT DO NOTHING: every instance plans the same jobs, each is stored once), (2) claims due
 * jobs — pending ones whose time has come, and running ones whose holder's lock expired (it crashed)
 * — with SELECT … FOR UPDATE SKIP LOCKED, marking them running under this instance's id, so two
 * replicas never take the same job, (3) runs them one by one and marks each done, or on an error
 * pending again after a backoff (1 min × 2^(attempts−1), at most an hour), or failed once its
 * attempts are spent. The clock is the caller's (`tick(now)`), so tests drive time. Jobs must be
 * idempotent: a job whose holder dies after its work but before "done" runs again.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { jobs } from '../db/schema/index.ts';
import type { ApiModule, JobContext, JobDefinition, JobPlanner, PlannedJob } from './api-module.ts';
import { DomainError } from './errors.ts';
import { newId } from './ids.ts';
import { message } from './messages.ts';

export type JobRow = typeof jobs.$inferSelect;

const MINUTE_MS = 60_000;
const MAX_BACKOFF_MS = 60 * MINUTE_MS;
/** Claim rounds per tick: a tick ends even when jobs keep coming, so that stop() is never kept waiting long. */
const MAX_ROUNDS_PER_TICK = 10;

/** The wait before attempt `attempts + 1`, after `attempts` failed ones: 1, 2, 4, 8 … minutes, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, MINUTE_MS * 2 ** Math.max(0, attempts - 1));
}

/** What a tick did, for the log and the tests. */
export interface TickReport {
  planned: number;
  claimed: number;
  done: number;
  /** Failed attempts that will be tried again. */
  retried: number;
  /** Failed attempts that were the job's last. */
  failed: number;
}

export interface JobRunner {
  /** This instance's name in `locked_by`. */
  readonly instanceId: string;
  /** One round of planning, claiming and running, at `now`; ticks of one runner never overlap. */
  tick(now?: Date): Promise<TickReport>;
  /** Ticks every `config.jobs.intervalMs` from now on (the first one at once). */
  start(): void;
  /** Stops ticking and waits for the tick under way (the app's shutdown). */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
  /** Where the job kinds and planners come from: the API's modules (or, in tests, any). */
  modules: readonly Pick<ApiModule, 'jobs' | 'planners'>[];
  instanceId?: string;
}

/** The text kept as a job's last error: a domain error's code and its Vietnamese message, else the error's message. */
export function describeJobError(err: unknown): string {
  if (err instanceof DomainError) return `${err.code}: ${message('vi', err.code, err.params)}`;
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const { db, config, log } = opts;
  const instanceId = opts.instanceId ?? `${process.pid}-${randomBytes(4).toString('hex')}`;
  const definitions = new Map<string, JobDefinition>();
  for (const m of opts.modules)
    for (const d of m.jobs ?? []) {
      if (definitions.has(d.kind)) throw new Error(`Job kind ${d.kind} is defined twice`);
      definitions.set(d.kind, d);
    }
  const planners: JobPlanner[] = opts.modules.flatMap((m) => m.planners ?? []);

  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;

  const contextAt = (now: Date): JobContext => ({ db, now, config, log });

  async function plan(now: Date): Promise<number> {
    const found: PlannedJob[] = [];
    for (const planner of planners) {
      try {
        found.push(...(await planner(contextAt(now))));
      } catch (err) {
        // One module's broken planner must not stop the others' jobs.
        log.error({ err }, 'jobs: a planner failed');
      }
    }
    if (!found.length) return 0;
    // In key order, as every instance inserts them: two inserts of the same keys then queue, never deadlock.
    found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const inserted = await db
      .insert(jobs)
      .values(
        found.map((j) => ({
          id: newId('job'),
          kind: j.kind,
          key: j.key,
          payload: j.payload ?? {},
          runAt: j.runAt ?? now,
        })),
      )
      .onConflictDoNothing({ target: jobs.key })
      .returning({ id: jobs.id });
    return inserted.length;
  }

  /** Takes up to a batch of due jobs for this instance, in one transaction. */
  async function claim(now: Date): Promise<JobRow[]> {
    const lockedUntil = new Date(now.getTime() + config.jobs.lockSeconds * 1000);
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          or(
            and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
            and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
          ),
        )
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(config.jobs.batchSize)
        .for('update', { skipLocked: true });
      if (!due.length) return [];
      return tx
        .update(jobs)
        .set({
          status: 'running',
          lockedBy: instanceId,
          lockedUntil,
          attempts: sql`${jobs.attempts} + 1`,
          // A job taken back from a holder that stopped answering says so.
          lastError: sql`CASE WHEN ${jobs.status} = 'running' THEN 'taken back: the lock of ' || coalesce(${jobs.lockedBy}, '?') || ' expired' ELSE ${jobs.lastError} END`,
        })
        .where(
          inArray(
            jobs.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });
  }

  /** Runs one claimed job and records how it ended in the table and the report. */
  async function runOne(job: JobRow, now: Date, claimedAt: number, report: TickReport): Promise<void> {
    const held = and(eq(jobs.id, job.id), eq(jobs.lockedBy, instanceId), eq(jobs.status, 'running'));
    const jobLog = log.child({ job: { id: job.id, kind: job.kind, key: job.key, attempt: job.attempts } });
    if (job.attempts > job.maxAttempts) {
      // Taken back after its last attempt: its holders keep dying on it, so it is not run again.
      await db.update(jobs).set({ status: 'failed', finishedAt: now, lockedBy: null, lockedUntil: null }).where(held);
      report.failed++;
      jobLog.error({ err: job.lastError }, 'jobs: a job taken back after its last attempt is failed');
      return;
    }
    // The batch's lock was taken for all its jobs at once: a job started late in a slow batch holds
    // it afresh first, or is left alone when the lock has lapsed and another instance has it.
    const lockMs = config.jobs.lockSeconds * 1000;
    const elapsed = performance.now() - claimedAt;
    if (elapsed > lockMs / 4) {
      const [renewed] = await db
        .update(jobs)
        .set({ lockedUntil: new Date(now.getTime() + elapsed + lockMs) })
        .where(held)
        .returning({ id: jobs.id });
      if (!renewed) {
        jobLog.warn('jobs: the lock of a claimed job lapsed before it started; left to its new holder');
        return;
      }
    }
    try {
      const definition = definitions.get(job.kind);
      if (!definition) throw new Error(`unknown job kind ${job.kind}`);
      await definition.run({ db, now, config, log: jobLog }, job.payload);
      const [ended] = await db
        .update(jobs)
        .set({ status: 'done', finishedAt: now, lockedBy: null, lockedUntil: null })
        .where(held)
        .returning({ id: jobs.id });
      if (ended) report.done++;
      else jobLog.warn('jobs: finished a job whose lock had already been taken back');
    } catch (err) {
      const last = job.attempts >= job.maxAttempts;
      const lastError = describeJobError(err).slice(0, 4000);
      await db
        .update(jobs)
        .set(
          last
            ? { status: 'failed', lastError, finishedAt: now, lockedBy: null, lockedUntil: null }
            : {
                status: 'pending',
                lastError,
                runAt: new Date(now.getTime() + backoffMs(job.attempts)),
                lockedBy: null,
                lockedUntil: null,
              },
        )
        .where(held);
      if (last) report.failed++;
      else report.retried++;
      jobLog[last ? 'error' : 'warn']({ err: lastError }, last ? 'jobs: a job failed for good' : 'jobs: a job failed');
    }
  }

  async function doTick(now: Date): Promise<TickReport> {
    const report: TickReport = { planned: 0, claimed: 0, done: 0, retried: 0, failed: 0 };
    report.planned = await plan(now);
    for (let round = 0; round < MAX_ROUNDS_PER_TICK && !stopping; round++) {
      const claimed = await claim(now);
      report.claimed += claimed.length;
      const claimedAt = performance.now();
      for (const job of claimed) await runOne(job, now, claimedAt, report);
      if (claimed.length < config.jobs.batchSize) break;
    }
    if (report.claimed || report.planned) log.info({ jobs: report }, 'jobs: tick');
    return report;
  }

  function tick(now: Date = new Date()): Promise<TickReport> {
    const next = chain.then(() => doTick(now));
    chain = next.catch(() => undefined);
    return next;
  }

  function schedule(delay: number) {
    timer = setTimeout(async () => {
      try {
        await tick();
      } catch (err) {
        // The database may be down: the next tick tries again.
        log.error({ err }, 'jobs: tick failed');
      }
      if (!stopping) schedule(config.jobs.intervalMs);
    }, delay);
    timer.unref();
  }

  return {
    instanceId,
    tick,
    start() {
      if (timer || stopping) return;
      schedule(0);
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
