/**
 * Calendar feed rows (one per account, the token kept only as its SHA-256), and what a feed shows:
 * the campaigns in reach, the member units that take part in them, and those units' deadline
 * extensions. Queries only: who sees what is decided in calendar.service.ts.
 */
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { calendarFeeds, campaigns, deadlineExtensions, units, users } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { participatesIn, type CampaignRow } from '../campaigns/index.ts';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

export async function findFeedOfUser(db: Executor, userId: string): Promise<CalendarFeedRow | null> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row ?? null;
}

/** The feed whose token has this hash, with what is needed to act for its account. */
export async function findFeedByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<{ feed: CalendarFeedRow; tokenVersion: number } | null> {
  const [row] = await db
    .select({ feed: calendarFeeds, tokenVersion: users.tokenVersion })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Makes the account's feed answer to this token hash only (a new row, or the old row with a new hash
 * and dates); returns the row and whether an earlier token was replaced. The insert falls back to an
 * update on the account's unique row, so two racing calls leave one row (the later token).
 */
export async function upsertFeed(
  tx: Tx,
  values: { id: string; userId: string; tokenHash: string; createdAt: Date },
): Promise<{ row: CalendarFeedRow; replaced: boolean }> {
  const previous = await tx
    .select({ id: calendarFeeds.id })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, values.userId))
    .for('update');
  const [row] = await tx
    .insert(calendarFeeds)
    .values({ ...values, lastFetchedAt: null })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash: values.tokenHash, createdAt: values.createdAt, lastFetchedAt: null },
    })
    .returning();
  return { row: row!, replaced: previous.length > 0 };
}

/** Deletes the account's feed; the row deleted, or null when it had none. */
export async function deleteFeedOfUser(tx: Tx, userId: string): Promise<CalendarFeedRow | null> {
  const [row] = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning();
  return row ?? null;
}

/**
 * Records a fetch, at most once per `every` milliseconds: calendar applications poll, and a write on
 * each poll would be wasted.
 */
export async function touchFeed(db: Executor, id: string, now: Date, every: number): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ lastFetchedAt: now })
    .where(
      and(
        eq(calendarFeeds.id, id),
        or(isNull(calendarFeeds.lastFetchedAt), lt(calendarFeeds.lastFetchedAt, new Date(now.getTime() - every))),
      ),
    );
}

// ── What a feed shows ─────────────────────────────────────────────────────────────────────────

export type CalendarCampaignRow = CampaignRow & { authorityName: string };

/** Campaigns in these statuses issued by an authority within any of these reaches, by start date. */
export async function findCampaignsIssuedWithin(
  db: Executor,
  statuses: readonly string[],
  reaches: Reach[],
): Promise<CalendarCampaignRow[]> {
  const issuedWithin = or(...reaches.map((r) => unitWithin(r, campaigns.authorityUnitId) ?? sql`true`));
  const rows = await db
    .select({ campaign: campaigns, authorityName: units.name })
    .from(campaigns)
    .innerJoin(units, eq(units.id, campaigns.authorityUnitId))
    .where(and(inArray(campaigns.status, [...statuses]), issuedWithin))
    .orderBy(asc(campaigns.startsOn), asc(campaigns.id));
  return rows.map((r) => ({ ...r.campaign, authorityName: r.authorityName }));
}

/** Which of these units take part in which of these campaigns: one query, whatever the count of campaigns. */
export async function findParticipations(
  db: Executor,
  rows: CampaignRow[],
  unitIds: string[],
): Promise<{ campaignId: string; unitId: string }[]> {
  if (!rows.length || !unitIds.length) return [];
  const [first, ...rest] = rows.map((c) =>
    db
      .select({ campaignId: sql<string>`${c.id}::text`.as('campaign_id'), unitId: units.id })
      .from(units)
      .where(and(inArray(units.id, unitIds), participatesIn(c))),
  );
  const [second, ...more] = rest;
  return second ? unionAll(first!, second, ...more) : first!;
}

/** The deadline extensions of these units in these campaigns. */
export async function findExtensions(
  db: Executor,
  campaignIds: string[],
  unitIds: string[],
): Promise<{ campaignId: string; unitId: string; until: string; updatedAt: Date; unitName: string }[]> {
  if (!campaignIds.length || !unitIds.length) return [];
  return db
    .select({
      campaignId: deadlineExtensions.campaignId,
      unitId: deadlineExtensions.unitId,
      until: deadlineExtensions.until,
      updatedAt: deadlineExtensions.updatedAt,
      unitName: units.name,
    })
    .from(deadlineExtensions)
    .innerJoin(units, eq(units.id, deadlineExtensions.unitId))
    .where(and(inArray(deadlineExtensions.campaignId, campaignIds), inArray(deadlineExtensions.unitId, unitIds)));
}
