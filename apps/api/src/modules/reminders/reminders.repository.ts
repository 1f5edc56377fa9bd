/** Queries of the reminders (đôn đốc), on a passed-in executor. Rules live in reminders.service.ts. */
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  campaigns,
  deadlineExtensions,
  notifications,
  reminders,
  submissions,
  units,
  users,
} from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { participatesIn, type CampaignRow } from '../campaigns/index.ts';

export type ReminderRow = typeof reminders.$inferSelect;

/** A participating unit with its own deadline and its collective self-assessment, if any. */
export interface UnitStandingRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  deadline: string;
  submissionId: string | null;
  submissionStatus: string | null;
  lastRemindedAt: Date | null;
}

/**
 * The campaign's participating units (optionally only `unitIds`, only within `reach`, only those
 * whose own deadline is `deadline`), each with its deadline (its extension, else the campaign's)
 * and its collective self-assessment: one query, in code order.
 */
export async function findUnitStandings(
  db: Executor,
  campaign: CampaignRow,
  opts: { unitIds?: readonly string[]; reach?: Reach; deadline?: string } = {},
): Promise<UnitStandingRow[]> {
  const deadline = sql<string>`coalesce(${deadlineExtensions.until}, ${campaign.submissionDeadline}::date)::text`;
  const conditions: (SQL | undefined)[] = [participatesIn(campaign)];
  if (opts.unitIds) conditions.push(opts.unitIds.length ? inArray(units.id, [...opts.unitIds]) : sql`false`);
  if (opts.reach) conditions.push(unitWithin(opts.reach, units.id));
  if (opts.deadline) conditions.push(sql`${deadline} = ${opts.deadline}`);
  const rows = await db
    .select({
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      deadline,
      submissionId: submissions.id,
      submissionStatus: submissions.status,
      lastRemindedAt: sql<string | null>`(select max(${reminders.sentAt}) from ${reminders}
        where ${reminders.campaignId} = ${campaign.id} and ${reminders.unitIds} ? ${units.id})`,
    })
    .from(units)
    .leftJoin(
      deadlineExtensions,
      and(eq(deadlineExtensions.campaignId, campaign.id), eq(deadlineExtensions.unitId, units.id)),
    )
    .leftJoin(
      submissions,
      and(eq(submissions.campaignId, campaign.id), eq(submissions.unitId, units.id), isNull(submissions.personId)),
    )
    .where(and(...conditions))
    .orderBy(asc(units.code));
  return rows.map((r) => ({ ...r, lastRemindedAt: r.lastRemindedAt ? new Date(r.lastRemindedAt) : null }));
}

/** Open campaigns with the distinct deadlines their units have (the campaign's and the extensions'). */
export async function findOpenCampaignDeadlines(
  db: Executor,
): Promise<{ campaign: CampaignRow; deadlines: string[] }[]> {
  const open = await db.select().from(campaigns).where(eq(campaigns.status, 'open'));
  if (!open.length) return [];
  const ext = await db
    .selectDistinct({ campaignId: deadlineExtensions.campaignId, until: deadlineExtensions.until })
    .from(deadlineExtensions)
    .where(
      inArray(
        deadlineExtensions.campaignId,
        open.map((c) => c.id),
      ),
    );
  return open.map((c) => ({
    campaign: c,
    deadlines: [
      ...new Set([c.submissionDeadline, ...ext.filter((e) => e.campaignId === c.id).map((e) => e.until)]),
    ].sort(),
  }));
}

/** Inserts the reminder; false when one with this id exists already (a scheduled one sent before). */
export async function insertReminderRow(tx: Tx, values: typeof reminders.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(reminders).values(values).onConflictDoNothing().returning({ id: reminders.id });
  return rows.length > 0;
}

/** Keeps reminders sent to a unit within reach (undefined: every reminder of the campaign). */
function remindedWithin(reach: Reach): SQL | undefined {
  if (reach.all) return undefined;
  if (!reach.unitIds.length) return sql`false`;
  return sql`${reminders.unitIds} ?| array[${sql.join(
    reach.unitIds.map((u) => sql`${u}`),
    sql`, `,
  )}]::text[]`;
}

export async function findReminderPage(
  db: Executor,
  campaignId: string,
  opts: { reach: Reach; unitId?: string | undefined; limit: number; offset: number },
): Promise<{ rows: (ReminderRow & { sentByName: string | null })[]; total: number }> {
  const where = and(
    eq(reminders.campaignId, campaignId),
    remindedWithin(opts.reach),
    opts.unitId ? sql`${reminders.unitIds} ? ${opts.unitId}` : undefined,
  );
  const [rows, [totals]] = await Promise.all([
    db
      .select({ reminder: reminders, sentByName: users.fullName })
      .from(reminders)
      .leftJoin(users, eq(users.id, reminders.sentBy))
      .where(where)
      .orderBy(desc(reminders.sentAt), desc(reminders.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(reminders).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.reminder, sentByName: r.sentByName })), total: Number(totals?.n ?? 0) };
}

export async function findUnitNames(
  db: Executor,
  ids: readonly string[],
): Promise<{ id: string; code: string; name: string }[]> {
  if (!ids.length) return [];
  return db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(inArray(units.id, [...ids]));
}

/** The accounts each reminder was delivered to, with when they read it. */
export async function findReminderRecipients(
  db: Executor,
  reminderIds: readonly string[],
): Promise<{ reminderId: string; userId: string; fullName: string; unitId: string | null; readAt: Date | null }[]> {
  if (!reminderIds.length) return [];
  const rows = await db
    .select({
      reminderId: notifications.reminderId,
      userId: notifications.userId,
      fullName: users.fullName,
      unitId: notifications.unitId,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(inArray(notifications.reminderId, [...reminderIds]))
    .orderBy(asc(users.fullName), asc(notifications.id));
  return rows.map((r) => ({ ...r, reminderId: r.reminderId ?? '' }));
}

export async function findReminderRow(
  db: Executor,
  id: string,
): Promise<(ReminderRow & { sentByName: string | null }) | null> {
  const [row] = await db
    .select({ reminder: reminders, sentByName: users.fullName })
    .from(reminders)
    .leftJoin(users, eq(users.id, reminders.sentBy))
    .where(eq(reminders.id, id));
  return row ? { ...row.reminder, sentByName: row.sentByName } : null;
}
