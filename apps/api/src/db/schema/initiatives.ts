/**
 * The initiatives register and its authors. Files: the unit's documents through file_attachments
 * ('initiative'), the recognition decision ('initiative_recognition').
 */
import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { campaigns } from './campaigns.ts';
import { people } from './people.ts';
import { units } from './units.ts';
import { users } from './users.ts';

export const initiatives = pgTable(
  'initiatives',
  {
    id: text().primaryKey(),
    unitId: text()
      .notNull()
      .references(() => units.id),
    campaignId: text().references(() => campaigns.id),
    year: integer(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    status: text().notNull().default('registered'),
    recognitionAuthority: text(),
    decisionNumber: text(),
    decidedOn: date({ mode: 'string' }),
    recognisedAt: timestamp({ withTimezone: true, mode: 'date' }),
    recognisedBy: text().references(() => users.id),
    createdBy: text().references(() => users.id),
    searchKey: text().notNull(),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('initiatives_unit_idx').on(t.unitId, t.status, t.decidedOn),
    index('initiatives_campaign_idx').on(t.campaignId),
    index('initiatives_search_trgm').using('gin', t.searchKey.op('gin_trgm_ops')),
  ],
);

/** Authors, in the order given; a referenced person is archived, never deleted. */
export const initiativeAuthors = pgTable(
  'initiative_authors',
  {
    initiativeId: text()
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    personId: text()
      .notNull()
      .references(() => people.id),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.personId] }), index('initiative_authors_person_idx').on(t.personId)],
);
