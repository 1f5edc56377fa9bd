/** Saved (imported) campaign templates; bundled ones live in the code, not here. */
import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.ts';
import { users } from './users.ts';

export const campaignTemplates = pgTable(
  'campaign_templates',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    description: text(),
    /** The whole versioned document (format thidua.campaign-template). */
    document: jsonb().notNull(),
    createdBy: text().references(() => users.id),
    ...timestamps,
  },
  (t) => [index('campaign_templates_created_idx').on(t.createdAt)],
);
