/** Job rows as the contract's Job. */
import type { Job } from '@thidua/contract';
import type { JobRow } from './jobs.repository.ts';

export function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    key: r.key,
    payload: r.payload,
    status: r.status as Job['status'],
    runAt: r.runAt.toISOString(),
    attempts: r.attempts,
    maxAttempts: r.maxAttempts,
    lastError: r.lastError,
    lockedBy: r.lockedBy,
    lockedUntil: r.lockedUntil?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
