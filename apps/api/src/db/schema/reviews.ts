/**
 * The office's review of a self-assessment, one row per submission × criterion: the verdict (the
 * automatic evaluation confirmed, or overridden), the score and a comment. Kept across a return so
 * the next version is reviewed from where the last review stopped, and so the unit sees the comments.
 */
import { doublePrecision, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { criteria } from './criteria.ts';
import { submissions } from './submissions.ts';
import { users } from './users.ts';

export const criterionReviews = pgTable(
  'criterion_reviews',
  {
    id: text().primaryKey(),
    submissionId: text()
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    criterionId: text()
      .notNull()
      .references(() => criteria.id),
    /** met | not_met: what the reviewer holds, whatever the automatic evaluation said. */
    verdict: text().notNull(),
    score: doublePrecision().notNull(),
    comment: text(),
    reviewedBy: text().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('criterion_reviews_uq').on(t.submissionId, t.criterionId),
    index('criterion_reviews_criterion_idx').on(t.criterionId),
  ],
);
