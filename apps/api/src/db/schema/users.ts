import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { people } from './people.ts';
import { units } from './units.ts';

export const users = pgTable(
  'users',
  {
    id: text().primaryKey(),
    email: text().notNull(),
    fullName: text().notNull(),
    passwordHash: text().notNull(),
    personId: text().references(() => people.id),
    disabled: boolean().notNull().default(false),
    /** Bumped on logout-everywhere, password change, role change, disabling: ends existing tokens. */
    tokenVersion: integer().notNull().default(1),
    lastLoginAt: timestamp({ withTimezone: true, mode: 'date' }),
    /** Set on accounts created with a known password (demo data outside the embedded database):
     * every route but changing the password answers 403 until it is changed. */
    mustChangePassword: boolean().notNull().default(false),
    searchKey: text().notNull(),
    ...timestamps,
    ...version,
  },
  (t) => [
    index('users_search_trgm').using('gin', t.searchKey.op('gin_trgm_ops')),
    uniqueIndex('users_email_uq').on(t.email),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    unitId: text().references(() => units.id),
  },
  (t) => [index('user_roles_user_idx').on(t.userId)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: text().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp({ withTimezone: true, mode: 'date' }),
    revokedAt: timestamp({ withTimezone: true, mode: 'date' }),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash), index('refresh_tokens_family_idx').on(t.familyId)],
);

/** Failed sign-ins, counted per account and per client within a window. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: text().primaryKey(),
    key: text().notNull(),
    at: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_idx').on(t.key, t.at)],
);
