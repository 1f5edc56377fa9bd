import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Append-only, hash-chained: each row's hash covers its content and the previous row's hash. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text().primaryKey(),
    seq: bigint({ mode: 'number' }).notNull().unique(),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
    actorId: text(),
    actorEmail: text(),
    actorRole: text(),
    actorUnitId: text(),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_object_idx').on(t.objectType, t.objectId),
    index('audit_actor_idx').on(t.actorId),
    index('audit_at_idx').on(t.at),
  ],
);
