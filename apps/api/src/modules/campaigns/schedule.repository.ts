/**
 * The queries of campaigns that follow their dates (schedule.ts): which drafts have reached their
 * start, which open campaigns are past their last deadline (the campaign's, or a later per-unit
 * extension), and one campaign's dates read under a lock for the job that moves it.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import { campaigns, deadlineExtensions } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';

/**
 * The last day a unit may still submit: the campaign's deadline or its latest per-unit extension.
 * Spelled with table names: drizzle leaves a column of the only table in a select list unqualified,
 * which inside the subquery would name the extension's own columns.
 */
const lastDeadline = sql<string>`greatest("campaigns"."submission_deadline", (SELECT max(e.until) FROM ${deadlineExtensions} e WHERE e.campaign_id = "campaigns"."id"))::text`;

/** Drafts that follow their dates and whose start date is `today` or earlier. */
export async function findDraftsDue(db: Executor, today: string): Promise<{ id: string; startsOn: string }[]> {
  return db
    .select({ id: campaigns.id, startsOn: campaigns.startsOn })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'draft'), eq(campaigns.followsDates, true), lte(campaigns.startsOn, today)));
}

/** Open campaigns that follow their dates and whose last deadline is before `today`, with that deadline. */
export async function findOpenPastDeadline(
  db: Executor,
  today: string,
): Promise<{ id: string; lastDeadline: string }[]> {
  return db
    .select({ id: campaigns.id, lastDeadline })
    .from(campaigns)
    .where(and(eq(campaigns.status, 'open'), eq(campaigns.followsDates, true), sql`${lastDeadline} < ${today}`));
}

export interface ScheduleRow {
  id: string;
  status: string;
  followsDates: boolean;
  startsOn: string;
  lastDeadline: string;
}

/** One campaign's state and dates, its row locked as a lifecycle move locks it (so the office's move and the system's queue). */
export async function lockScheduleRow(tx: Tx, id: string): Promise<ScheduleRow | null> {
  const [row] = await tx
    .select({
      id: campaigns.id,
      status: campaigns.status,
      followsDates: campaigns.followsDates,
      startsOn: campaigns.startsOn,
      lastDeadline,
    })
    .from(campaigns)
    .where(eq(campaigns.id, id))
    .for('no key update');
  return row ?? null;
}
