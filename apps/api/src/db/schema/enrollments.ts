/** Enrolments (đăng ký thi đua): one per campaign and unit. */
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { version } from './columns.ts';
import { campaigns } from './campaigns.ts';
import { units } from './units.ts';
import { users } from './users.ts';

export const enrollments = pgTable(
  'enrollments',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: text()
      .notNull()
      .references(() => units.id),
    commitment: text().notNull(),
    /** The signed registration form; gets its foreign key when the files table lands. */
    signedFileId: text(),
    enrolledBy: text().references(() => users.id),
    enrolledAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...version,
  },
  (t) => [
    uniqueIndex('enrollments_campaign_unit_uq').on(t.campaignId, t.unitId),
    index('enrollments_unit_idx').on(t.unitId),
  ],
);
