/**
 * The inspection findings register. Files: the inspection's documents through file_attachments
 * ('finding'), the unit's remedy evidence ('finding_remedy').
 */
import { date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { campaigns } from './campaigns.ts';
import { units } from './units.ts';
import { users } from './users.ts';

export const findings = pgTable(
  'findings',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id),
    unitId: text()
      .notNull()
      .references(() => units.id),
    title: text().notNull(),
    description: text().notNull().default(''),
    inspectionName: text().notNull(),
    inspectedOn: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }),
    status: text().notNull().default('open'),
    remedyText: text(),
    remediedAt: timestamp({ withTimezone: true, mode: 'date' }),
    remediedBy: text().references(() => users.id),
    verifiedAt: timestamp({ withTimezone: true, mode: 'date' }),
    verifiedBy: text().references(() => users.id),
    reopenReason: text(),
    reopenedAt: timestamp({ withTimezone: true, mode: 'date' }),
    reopenedBy: text().references(() => users.id),
    createdBy: text().references(() => users.id),
    searchKey: text().notNull(),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('findings_campaign_unit_idx').on(t.campaignId, t.unitId, t.status),
    index('findings_unit_idx').on(t.unitId),
    index('findings_search_trgm').using('gin', t.searchKey.op('gin_trgm_ops')),
  ],
);
