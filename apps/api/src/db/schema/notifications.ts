/**
 * What the system tells people: reminders (đôn đốc) sent to units, the in-app notifications each
 * account receives (the bell), the e-mail outbox, and each account's secret calendar feed.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.ts';
import { units } from './units.ts';
import { users } from './users.ts';

/** One reminder as sent: scheduled (N days before a deadline) or manual (by the office, with a message). */
export const reminders = pgTable(
  'reminders',
  {
    id: text().primaryKey(),
    campaignId: text()
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    /** scheduled | manual */
    kind: text().notNull(),
    message: text().notNull(),
    /** For a scheduled reminder: how many days before the deadline it was planned. */
    daysBefore: integer(),
    unitIds: jsonb().$type<string[]>().notNull().default([]),
    /** Null for the system (scheduled reminders). */
    sentBy: text().references(() => users.id),
    sentAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('reminders_campaign_idx').on(t.campaignId, t.sentAt)],
);

/** One message to one account, shown under the bell until read. */
export const notifications = pgTable(
  'notifications',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** reminder | review | campaign … what kind of event it tells of. */
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** A path in the web app, e.g. /phong-trao/<id>/tu-danh-gia. */
    link: text(),
    campaignId: text().references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: text().references(() => units.id),
    reminderId: text().references(() => reminders.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_reminder_idx').on(t.reminderId),
    index('notifications_unit_idx').on(t.unitId, t.createdAt),
  ],
);

/** E-mails to send (or, without SMTP_URL, written to the log and kept here for the administrator). */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: text().primaryKey(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    /** pending | sent | failed | logged (no SMTP configured) */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    notificationId: text().references(() => notifications.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [index('email_outbox_status_idx').on(t.status, t.createdAt)],
);

/** Each account's secret calendar URL: only a hash of its token is kept; revoking deletes the row. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastFetchedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('calendar_feeds_user_uq').on(t.userId), uniqueIndex('calendar_feeds_token_uq').on(t.tokenHash)],
);
