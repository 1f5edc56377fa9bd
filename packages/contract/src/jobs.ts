/**
 * Background jobs as the administrator sees them (GET /api/v1/jobs): what the system does by itself
 * (open and close campaigns on their dates, send scheduled reminders …), when, how often it tried,
 * and the last error. A failed job can be retried by hand.
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id, StringEnum } from './common.ts';

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JobStatus = StringEnum(JOB_STATUSES, {
  description:
    'pending: waiting for its time (or for a retry after an error); running: held by an instance; done: finished; failed: gave up after its last attempt',
});

export const Job = Type.Object(
  {
    id: Id,
    kind: Type.String({ examples: ['campaign.open'] }),
    key: Type.String({
      description: 'Unique per planned occurrence: planning the same job twice stores it once',
      examples: ['campaign.open:cp_0h4k2m9x1a7bq3rt5vwy:2026-12-07'],
    }),
    payload: Type.Unknown({
      description: 'What the job acts on',
      examples: [{ campaignId: 'cp_0h4k2m9x1a7bq3rt5vwy' }],
    }),
    status: JobStatus,
    runAt: Type.String({
      format: 'date-time',
      description: 'When it runs (next): its due time, or the time of the next retry',
    }),
    attempts: Type.Integer({ description: 'How many times it was started' }),
    maxAttempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()], { description: 'Why the last attempt failed' }),
    lockedBy: Type.Union([Type.String(), Type.Null()], { description: 'The instance that holds it while it runs' }),
    lockedUntil: Type.Union([DateTime, Type.Null()]),
    createdAt: DateTime,
    finishedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Job = Static<typeof Job>;

export const JobListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    status: Type.Optional(JobStatus),
    kind: Type.Optional(Type.String({ maxLength: 100, examples: ['campaign.close'] })),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;

export const JobPage = Type.Object(
  {
    items: Type.Array(Job),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
  },
  { additionalProperties: false },
);
export type JobPage = Static<typeof JobPage>;
