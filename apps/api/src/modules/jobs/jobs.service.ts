/**
 * What the administrator does with background jobs: read them (filtered by status and kind), and
 * retry a failed one by hand — pending again now, with its attempts counted afresh, audited. The
 * runner itself is lib/jobs.ts; the jobs are the modules' (ApiModule.jobs).
 */
import type { Job, JobListQuery, JobPage } from '@thidua/contract';
import type { Db } from '../../db/client.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, NotFound } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { recordAudit } from '../audit/index.ts';
import { toJob } from './jobs.mapper.ts';
import { findJobPage, findJobRow, retryFailedJobRow } from './jobs.repository.ts';

export async function listJobs(db: Db, query: JobListQuery): Promise<JobPage> {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findJobPage(db, query, { limit: pageSize, offset });
  return { items: rows.map(toJob), page, pageSize, total };
}

export async function retryJob(db: Db, ctx: ActorCtx, id: string, now = new Date()): Promise<Job> {
  return db.transaction(async (tx) => {
    const before = await findJobRow(tx, id);
    if (!before) throw NotFound('job');
    const row = await retryFailedJobRow(tx, id, now);
    if (!row) throw Conflict('job.not_failed', { status: `job.status.${before.status}` });
    await recordAudit(tx, ctx, {
      action: 'job.retry',
      objectType: 'job',
      objectId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: row.status, runAt: row.runAt.toISOString() },
    });
    return toJob(row);
  });
}
