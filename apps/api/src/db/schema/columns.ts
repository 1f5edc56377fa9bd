/** Column groups every table of the domain shares. */
import { integer, timestamp } from 'drizzle-orm/pg-core';

export const timestamps = {
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** Optimistic concurrency: each update bumps it; the ETag is built from it. */
export const version = { version: integer().notNull().default(1) };
