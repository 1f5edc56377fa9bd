/**
 * Queries on the initiatives and initiative_authors tables (with the unit and the recogniser's
 * name), and the people and units an initiative is recorded for. Who may see or change one is
 * decided in initiatives.service.ts; here a reach is only turned into a WHERE condition.
 */
import { and, asc, between, count, desc, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { initiativeAuthors, initiatives, people, units, users } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { matchesSearch } from '../../lib/search.ts';
import type { CampaignRow } from '../campaigns/index.ts';
import { updateAtVersion } from '../../lib/versioned.ts';

export type InitiativeRow = typeof initiatives.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

const recogniser = alias(users, 'recogniser');
const columns = {
  initiative: initiatives,
  unitCode: units.code,
  unitName: units.name,
  recognisedByName: recogniser.fullName,
};
/** An initiative with its unit's code and name and the name of who recorded its recognition. */
export type JoinedInitiativeRow = {
  initiative: InitiativeRow;
  unitCode: string;
  unitName: string;
  recognisedByName: string | null;
};

function joined(db: Executor) {
  return db
    .select(columns)
    .from(initiatives)
    .innerJoin(units, eq(units.id, initiatives.unitId))
    .leftJoin(recogniser, eq(recogniser.id, initiatives.recognisedBy));
}

/** The initiative (locked for the transaction when asked), or null. */
export async function findInitiativeRow(db: Executor, id: string, lock = false): Promise<InitiativeRow | null> {
  const q = db.select().from(initiatives).where(eq(initiatives.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findJoinedInitiative(db: Executor, id: string): Promise<JoinedInitiativeRow | null> {
  const [row] = await joined(db).where(eq(initiatives.id, id));
  return row ?? null;
}

/** Id, unit and recorder of each of these initiatives (those that exist). */
export async function initiativeOwners(
  db: Executor,
  ids: readonly string[],
): Promise<Pick<InitiativeRow, 'id' | 'unitId' | 'createdBy'>[]> {
  return db
    .select({ id: initiatives.id, unitId: initiatives.unitId, createdBy: initiatives.createdBy })
    .from(initiatives)
    .where(inArray(initiatives.id, [...ids]));
}

/** The authors of these initiatives, each initiative's in their order. */
export async function authorRowsOf(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      initiativeId: initiativeAuthors.initiativeId,
      personId: people.id,
      fullName: people.fullName,
      position: people.position,
    })
    .from(initiativeAuthors)
    .innerJoin(people, eq(people.id, initiativeAuthors.personId))
    .where(inArray(initiativeAuthors.initiativeId, [...ids]))
    .orderBy(asc(initiativeAuthors.position));
}
/** An author of an initiative, with their name and position. */
export type AuthorRow = Awaited<ReturnType<typeof authorRowsOf>>[number];

/** The person's authorship of the initiative, or null when they are not an author. */
export async function findAuthorship(
  db: Executor,
  initiativeId: string,
  personId: string,
): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: initiativeAuthors.personId })
    .from(initiativeAuthors)
    .where(and(eq(initiativeAuthors.initiativeId, initiativeId), eq(initiativeAuthors.personId, personId)));
  return row ?? null;
}

function authoredBy(personId: string): SQL {
  return exists(
    sql`(select 1 from ${initiativeAuthors} where ${initiativeAuthors.initiativeId} = ${initiatives.id} and ${initiativeAuthors.personId} = ${personId})`,
  );
}

export interface InitiativeFilter {
  /** Only those the caller sees: of the units within `reach`, authored by its person (own_person), or recorded by `userId`. */
  visibleTo: { reach: Reach; userId: string };
  q?: string | undefined;
  unitId?: string | undefined;
  campaignId?: string | undefined;
  year?: number | undefined;
  status?: string | undefined;
  authorPersonId?: string | undefined;
}

/** A page of the initiatives matching the filter (newest first), how many match and how many of them are recognised. */
export async function findInitiativesPage(
  db: Executor,
  filter: InitiativeFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: JoinedInitiativeRow[]; totals: { total: number; recognised: number } | null }> {
  const { reach, userId } = filter.visibleTo;
  const where: (SQL | undefined)[] = [
    reach.all
      ? undefined
      : or(
          unitWithin(reach, initiatives.unitId),
          reach.personId ? authoredBy(reach.personId) : undefined,
          eq(initiatives.createdBy, userId),
        ),
    matchesSearch(initiatives.searchKey, filter.q),
  ];
  if (filter.unitId) where.push(eq(initiatives.unitId, filter.unitId));
  if (filter.campaignId) where.push(eq(initiatives.campaignId, filter.campaignId));
  if (filter.year) where.push(eq(initiatives.year, filter.year));
  if (filter.status) where.push(eq(initiatives.status, filter.status));
  if (filter.authorPersonId) where.push(authoredBy(filter.authorPersonId));
  const cond = and(...where);
  const [rows, [totals]] = await Promise.all([
    joined(db)
      .where(cond)
      .orderBy(desc(initiatives.createdAt), asc(initiatives.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({
        total: count(),
        recognised: sql<number>`count(*) filter (where ${initiatives.status} = 'recognised')`.mapWith(Number),
      })
      .from(initiatives)
      .where(cond),
  ]);
  return { rows, totals: totals ?? null };
}

/**
 * Recognised initiatives that count for the campaign: entered for it, or entered for none and
 * decided within its period (startsOn–endsOn).
 */
function countsFor(campaign: Pick<CampaignRow, 'id' | 'startsOn' | 'endsOn'>) {
  return and(
    eq(initiatives.status, 'recognised'),
    or(
      eq(initiatives.campaignId, campaign.id),
      and(isNull(initiatives.campaignId), between(initiatives.decidedOn, campaign.startsOn, campaign.endsOn)),
    ),
  );
}

/** Those of these units that count for the campaign, by decision date. */
export async function recognisedOfUnits(
  db: Executor,
  campaign: Pick<CampaignRow, 'id' | 'startsOn' | 'endsOn'>,
  unitIds: readonly string[],
): Promise<{ id: string; unitId: string }[]> {
  return db
    .select({ id: initiatives.id, unitId: initiatives.unitId })
    .from(initiatives)
    .where(and(countsFor(campaign), inArray(initiatives.unitId, [...unitIds])))
    .orderBy(asc(initiatives.decidedOn), asc(initiatives.id));
}

/** Those authored by these people that count for the campaign, by decision date (one row an author). */
export async function recognisedOfAuthors(
  db: Executor,
  campaign: Pick<CampaignRow, 'id' | 'startsOn' | 'endsOn'>,
  personIds: readonly string[],
): Promise<{ id: string; personId: string }[]> {
  return db
    .select({ id: initiatives.id, personId: initiativeAuthors.personId })
    .from(initiatives)
    .innerJoin(initiativeAuthors, eq(initiativeAuthors.initiativeId, initiatives.id))
    .where(and(countsFor(campaign), inArray(initiativeAuthors.personId, [...personIds])))
    .orderBy(asc(initiatives.decidedOn), asc(initiatives.id));
}

/** The unit of the person's staff record, or null. */
export async function findPersonUnit(db: Executor, personId: string): Promise<{ unitId: string } | null> {
  const [p] = await db.select({ unitId: people.unitId }).from(people).where(eq(people.id, personId));
  return p ?? null;
}

/** The unit of each of these people (those that exist). */
export async function unitsOfPeople(
  db: Executor,
  personIds: readonly string[],
): Promise<{ id: string; unitId: string }[]> {
  return db
    .select({ id: people.id, unitId: people.unitId })
    .from(people)
    .where(inArray(people.id, [...personIds]));
}

export async function findUnitRow(db: Executor, id: string): Promise<UnitRow | null> {
  const [unit] = await db.select().from(units).where(eq(units.id, id));
  return unit ?? null;
}

export async function insertInitiative(tx: Tx, row: typeof initiatives.$inferInsert): Promise<void> {
  await tx.insert(initiatives).values(row);
}

/** Replaces the initiative's authors with these people, in this order. */
export async function replaceAuthors(tx: Tx, initiativeId: string, personIds: readonly string[]): Promise<void> {
  await tx.delete(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, initiativeId));
  await tx
    .insert(initiativeAuthors)
    .values(personIds.map((personId, position) => ({ initiativeId, personId, position })));
}

/**
 * Writes the changes and bumps the version if it is still `expectedVersion` and the initiative is
 * still registered; null when not.
 */
export function updateRegisteredAtVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof initiatives.$inferInsert>,
): Promise<{ id: string } | null> {
  return updateAtVersion(tx, initiatives, id, expectedVersion, changes, eq(initiatives.status, 'registered'));
}
