/**
 * Queries on the awards table with what a register row shows beside it: the campaign's title, the
 * award type's name, the recipient unit and person, the issuer and the decision's signer, and who
 * revoked it. Who may see which award is decided in awards.service.ts; here a reach only becomes a
 * WHERE condition.
 */
import { and, asc, count, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { awards, awardTypes, campaigns, decisions, people, units, users } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { folded, matchesSearch } from '../../lib/search.ts';
import { updateAtVersion } from '../../lib/versioned.ts';

export type AwardRow = typeof awards.$inferSelect;

const issuer = alias(units, 'issuer');
const revoker = alias(users, 'revoker');
const columns = {
  award: awards,
  campaignTitle: campaigns.title,
  campaignStatus: campaigns.status,
  awardTypeName: awardTypes.name,
  unitCode: units.code,
  unitName: units.name,
  personName: people.fullName,
  issuerName: issuer.name,
  signerName: decisions.signerName,
  revokedByName: revoker.fullName,
};
export type JoinedAwardRow = {
  award: AwardRow;
  campaignTitle: string;
  campaignStatus: string;
  awardTypeName: string;
  unitCode: string;
  unitName: string;
  personName: string | null;
  issuerName: string;
  signerName: string | null;
  revokedByName: string | null;
};

function joined(db: Executor) {
  return db
    .select(columns)
    .from(awards)
    .innerJoin(campaigns, eq(campaigns.id, awards.campaignId))
    .innerJoin(awardTypes, eq(awardTypes.id, awards.awardTypeId))
    .innerJoin(units, eq(units.id, awards.unitId))
    .innerJoin(issuer, eq(issuer.id, awards.issuerUnitId))
    .innerJoin(decisions, eq(decisions.id, awards.decisionId))
    .leftJoin(people, eq(people.id, awards.personId))
    .leftJoin(revoker, eq(revoker.id, awards.revokedBy));
}

/** The recipient's name contains every word of q, diacritics and case ignored. */
function nameMatches(q: string | undefined): SQL | undefined {
  return matchesSearch(folded(awards.recipientName), q);
}

export interface AwardFilter {
  /** Only those the caller sees: of the units within `reach`, or its own person's. */
  reach: Reach;
  q?: string | undefined;
  unitId?: string | undefined;
  personId?: string | undefined;
  campaignId?: string | undefined;
  awardTypeId?: string | undefined;
  year?: number | undefined;
  includeRevoked?: boolean | undefined;
}

function whereOf(filter: AwardFilter): SQL | undefined {
  const { reach } = filter;
  const where: (SQL | undefined)[] = [
    reach.all
      ? undefined
      : (or(unitWithin(reach, awards.unitId), reach.personId ? eq(awards.personId, reach.personId) : undefined) ??
        sql`false`),
    nameMatches(filter.q),
  ];
  if (filter.unitId) where.push(eq(awards.unitId, filter.unitId));
  if (filter.personId) where.push(eq(awards.personId, filter.personId));
  if (filter.campaignId) where.push(eq(awards.campaignId, filter.campaignId));
  if (filter.awardTypeId) where.push(eq(awards.awardTypeId, filter.awardTypeId));
  if (filter.year)
    where.push(
      and(sql`${awards.decidedOn} >= ${`${filter.year}-01-01`}`, sql`${awards.decidedOn} <= ${`${filter.year}-12-31`}`),
    );
  if (filter.includeRevoked === false) where.push(isNull(awards.revokedAt));
  return and(...where);
}

const newestFirst = [desc(awards.decidedOn), asc(awards.decisionNumber), asc(awards.recipientName), asc(awards.id)];

/** A page of the awards matching the filter, newest decision first, and how many match. */
export async function findAwardsPage(
  db: Executor,
  filter: AwardFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: JoinedAwardRow[]; total: number }> {
  const cond = whereOf(filter);
  const [rows, [total]] = await Promise.all([
    joined(db)
      .where(cond)
      .orderBy(...newestFirst)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(awards).where(cond),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every award matching the filter (the export), up to `limit`. */
export async function findAllAwards(db: Executor, filter: AwardFilter, limit: number): Promise<JoinedAwardRow[]> {
  return joined(db)
    .where(whereOf(filter))
    .orderBy(...newestFirst)
    .limit(limit);
}

export async function findJoinedAward(db: Executor, id: string): Promise<JoinedAwardRow | null> {
  const [row] = await joined(db).where(eq(awards.id, id));
  return row ?? null;
}

/** The award (locked for the transaction when asked), or null. */
export async function findAwardRow(db: Executor, id: string, lock = false): Promise<AwardRow | null> {
  const q = db.select().from(awards).where(eq(awards.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The awards of a campaign that are not revoked, in the order of the public list. */
export async function findCampaignAwards(db: Executor, campaignId: string): Promise<JoinedAwardRow[]> {
  return joined(db)
    .where(and(eq(awards.campaignId, campaignId), isNull(awards.revokedAt)))
    .orderBy(
      asc(awards.decidedOn),
      asc(awards.decisionNumber),
      asc(awardTypes.displayOrder),
      asc(awards.recipientName),
      asc(awards.id),
    );
}

export async function unitExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.id, id));
  return Boolean(row);
}

export async function personExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.id, id));
  return Boolean(row);
}

/** Marks the award revoked if it is still at `expectedVersion` and not revoked; null when not. */
export function revokeAtVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  revocation: { revokedAt: Date; revokedBy: string; revocationReason: string },
): Promise<{ id: string } | null> {
  return updateAtVersion(tx, awards, id, expectedVersion, revocation, isNull(awards.revokedAt));
}
