import { boolean, index, integer, pgTable, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';

export const units = pgTable(
  'units',
  {
    id: text().primaryKey(),
    parentId: text().references((): AnyPgColumn => units.id),
    code: text().notNull(),
    name: text().notNull(),
    kind: text().notNull(),
    level: integer().notNull().default(0),
    displayOrder: integer().notNull().default(0),
    address: text(),
    phone: text(),
    email: text(),
    archived: boolean().notNull().default(false),
    searchKey: text().notNull(),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('units_search_trgm').using('gin', t.searchKey.op('gin_trgm_ops')),
    uniqueIndex('units_code_uq').on(t.code),
    index('units_parent_idx').on(t.parentId, t.displayOrder),
  ],
);
