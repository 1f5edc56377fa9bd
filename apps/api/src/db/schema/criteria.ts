/** Criteria of a campaign, as data (see @thidua/contract criteria.ts for the rules they follow). */
import { boolean, doublePrecision, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { campaigns } from './campaigns.ts';

export const criteria = pgTable(
  'criteria',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    target: text().notNull(),
    /** "group" is an SQL keyword: the column says what it is instead. */
    group: text('criterion_group').notNull(),
    title: text().notNull(),
    guidance: text(),
    kind: text().notNull(),
    comparator: text(),
    threshold: doublePrecision(),
    derivedSource: text(),
    maxScore: doublePrecision().notNull().default(10),
    /** What the criterion's score counts for in the total (score × weight). */
    weight: doublePrecision().notNull().default(1),
    evidenceRequired: boolean().notNull().default(false),
    position: integer().notNull().default(0),
    ...timestamps,
    ...version,
  },
  // The general criterion applies to collectives and individuals alike: the same code may appear
  // once per target (1.1 for units and 1.1 for staff), never twice for one target.
  (t) => [
    uniqueIndex('criteria_code_uq').on(t.campaignId, t.target, t.code),
    index('criteria_campaign_idx').on(t.campaignId, t.position),
  ],
);
