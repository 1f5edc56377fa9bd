/** Queries of the bell and the e-mail outbox, on a passed-in executor. Rules live in notifications.service.ts. */
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { emailOutbox, notifications, userRoles, users } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

/** One page of an account's notifications (unread first, or newest first), how many there are and how many unread. */
export async function findNotificationPage(
  db: Executor,
  userId: string,
  opts: { unreadFirst: boolean; unreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number; unreadCount: number }> {
  const where = and(eq(notifications.userId, userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined);
  const order = opts.unreadFirst
    ? [sql`(${notifications.readAt} is null) desc`, desc(notifications.createdAt), desc(notifications.id)]
    : [desc(notifications.createdAt), desc(notifications.id)];
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(...order)
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({
        total: opts.unreadOnly
          ? sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number)
          : count(),
        unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number),
      })
      .from(notifications)
      .where(eq(notifications.userId, userId)),
  ]);
  return { rows, total: Number(totals?.total ?? 0), unreadCount: Number(totals?.unread ?? 0) };
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(r?.n ?? 0);
}

/** Marks the account's notification read (keeping the first reading time); null when it is not the account's. */
export async function markNotificationRead(
  tx: Tx,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | null> {
  const [row] = await tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ?? null;
}

export async function markAllNotificationsRead(tx: Tx, userId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The active accounts holding one of `roles` at one of `unitIds`: one line per account and unit. */
export async function findUnitAccounts(
  db: Executor,
  unitIds: readonly string[],
  roles: readonly string[],
): Promise<{ userId: string; email: string; fullName: string; unitId: string }[]> {
  if (!unitIds.length || !roles.length) return [];
  return db
    .selectDistinct({
      userId: users.id,
      email: users.email,
      fullName: users.fullName,
      unitId: sql<string>`${userRoles.unitId}`,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(inArray(userRoles.unitId, [...unitIds]), inArray(userRoles.role, [...roles]), eq(users.disabled, false)))
    .orderBy(userRoles.unitId, users.fullName, users.id);
}

export async function insertNotificationRows(tx: Tx, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(notifications).values(rows);
}

export async function insertOutboxRows(tx: Tx, rows: (typeof emailOutbox.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(emailOutbox).values(rows);
}

export async function findOutboxPage(
  db: Executor,
  opts: { status?: string | undefined; limit: number; offset: number },
): Promise<{ rows: OutboxRow[]; total: number }> {
  const where = opts.status ? eq(emailOutbox.status, opts.status) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(emailOutbox)
      .where(where)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(emailOutbox).where(where),
  ]);
  return { rows, total: Number(totals?.n ?? 0) };
}

/** Outbox e-mails still to send (oldest first). */
export async function findPendingOutboxIds(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(eq(emailOutbox.status, 'pending'))
    .orderBy(emailOutbox.createdAt, emailOutbox.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function findOutboxRow(db: Executor, id: string): Promise<OutboxRow | null> {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row ?? null;
}

export async function updateOutboxRow(tx: Executor, id: string, values: Partial<typeof emailOutbox.$inferInsert>) {
  await tx.update(emailOutbox).set(values).where(eq(emailOutbox.id, id));
}
