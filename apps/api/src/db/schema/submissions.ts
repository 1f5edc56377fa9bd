/**
 * Self-assessments: the submission (one per campaign × unit, or campaign × person), its answers (one
 * per criterion), the frozen copy kept at each submit, and per-unit deadline extensions. Evidence
 * files hang off answers through file_attachments ('submission_answer' / 'submission_version').
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CriterionAnswer, DerivedAnswerSource, SubmissionAnswer, SubmissionProgress } from '@thidua/contract';
import { timestamps, version } from './columns.ts';
import { campaigns } from './campaigns.ts';
import { criteria } from './criteria.ts';
import { people } from './people.ts';
import { units } from './units.ts';
import { users } from './users.ts';

export const submissions = pgTable(
  'submissions',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id),
    /** collective (a unit's) or individual (a person's). */
    target: text().notNull(),
    /** The unit; for an individual submission the person's unit when it was started (its scope). */
    unitId: text()
      .notNull()
      .references(() => units.id),
    personId: text().references(() => people.id),
    status: text().notNull().default('draft'),
    versionCount: integer().notNull().default(0),
    submittedAt: timestamp({ withTimezone: true, mode: 'date' }),
    submittedBy: text().references(() => users.id),
    returnedAt: timestamp({ withTimezone: true, mode: 'date' }),
    returnedBy: text().references(() => users.id),
    returnReason: text(),
    acceptedAt: timestamp({ withTimezone: true, mode: 'date' }),
    acceptedBy: text().references(() => users.id),
    reviewComment: text(),
    /** Four-eyes: the second reviewer who confirmed the scores (cleared when a score changes). */
    reviewConfirmedBy: text().references(() => users.id),
    reviewConfirmedAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** The first submit (the tie-break and the late penalty use it; later versions do not move it). */
    firstSubmittedAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdBy: text().references(() => users.id),
    /** Unit name and code, and the person's name: what ?q= searches. */
    searchKey: text().notNull(),
    ...timestamps,
    ...version,
  },
  (t) => [
    // One collective submission per campaign and unit, one individual submission per campaign and person.
    uniqueIndex('submissions_campaign_unit_uq')
      .on(t.campaignId, t.unitId)
      .where(sql`${t.personId} is null`),
    uniqueIndex('submissions_campaign_person_uq')
      .on(t.campaignId, t.personId)
      .where(sql`${t.personId} is not null`),
    index('submissions_campaign_status_idx').on(t.campaignId, t.status),
    index('submissions_unit_idx').on(t.unitId),
    index('submissions_search_trgm').using('gin', t.searchKey.op('gin_trgm_ops')),
  ],
);

export const submissionAnswers = pgTable(
  'submission_answers',
  {
    id: text().primaryKey(),
    submissionId: text()
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    criterionId: text()
      .notNull()
      .references(() => criteria.id),
    /** As typed; for a derived criterion the value frozen at the last submit (live values are computed on read). */
    answer: jsonb().$type<CriterionAnswer>(),
    derived: jsonb().$type<DerivedAnswerSource>(),
    note: text(),
    updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: text().references(() => users.id),
  },
  (t) => [uniqueIndex('submission_answers_uq').on(t.submissionId, t.criterionId)],
);

/** Each submit's frozen copy: answers with their evaluations, derived values and file metadata. */
export const submissionVersions = pgTable(
  'submission_versions',
  {
    id: text().primaryKey(),
    submissionId: text()
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    answers: jsonb().$type<SubmissionAnswer[]>().notNull(),
    progress: jsonb().$type<SubmissionProgress>().notNull(),
    submittedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    submittedBy: text().references(() => users.id),
  },
  (t) => [uniqueIndex('submission_versions_uq').on(t.submissionId, t.number)],
);

/** One unit's later self-assessment deadline in one campaign (a second extension replaces the first). */
export const deadlineExtensions = pgTable(
  'deadline_extensions',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: text()
      .notNull()
      .references(() => units.id),
    until: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    grantedBy: text().references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('deadline_extensions_uq').on(t.campaignId, t.unitId)],
);
