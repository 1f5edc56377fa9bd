/**
 * Background jobs, run in-process by every API instance: each claims due rows with
 * FOR UPDATE SKIP LOCKED, so two replicas never run one job twice. `key` makes planning idempotent
 * (the same job planned by two instances, or twice, is one row).
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const jobs = pgTable(
  'jobs',
  {
    id: text().primaryKey(),
    kind: text().notNull(),
    /** Unique per planned occurrence, e.g. "campaign.open:<id>:2026-12-07". */
    key: text().notNull(),
    payload: jsonb().notNull().default({}),
    /** pending | running | done | failed (failed: attempts exhausted; pending again after a retry is planned). */
    status: text().notNull().default('pending'),
    runAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lastError: text(),
    /** The instance that holds the job while it runs, and until when (a crashed holder's job is taken back). */
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('jobs_key_uq').on(t.key), index('jobs_due_idx').on(t.status, t.runAt)],
);
