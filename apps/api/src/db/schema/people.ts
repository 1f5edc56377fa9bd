import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { units } from './units.ts';

export const people = pgTable(
  'people',
  {
    id: text().primaryKey(),
    unitId: text()
      .notNull()
      .references(() => units.id),
    fullName: text().notNull(),
    position: text(),
    email: text(),
    phone: text(),
    gender: text(),
    birthYear: integer(),
    archived: boolean().notNull().default(false),
    searchKey: text().notNull(),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('people_search_trgm').using('gin', t.searchKey.op('gin_trgm_ops')),
    index('people_unit_idx').on(t.unitId, t.fullName),
    index('people_name_idx').on(t.fullName, t.id),
  ],
);
