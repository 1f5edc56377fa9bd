/**
 * Queries on the findings table (with the unit and the remedier's and verifier's names). Who may see
 * or change a finding, and when, is decided in findings.service.ts; here a reach is only turned into
 * a WHERE condition.
 */
import { and, asc, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { findings, units, users } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { matchesSearch } from '../../lib/search.ts';
import { updateAtVersion } from '../../lib/versioned.ts';

export type FindingRow = typeof findings.$inferSelect;
export type UnitRow = typeof units.$inferSelect;

const remedier = alias(users, 'remedier');
const verifier = alias(users, 'verifier');
const columns = {
  finding: findings,
  unitCode: units.code,
  unitName: units.name,
  remediedByName: remedier.fullName,
  verifiedByName: verifier.fullName,
};
/** A finding with its unit's code and name and the names of who remedied and verified it. */
export type JoinedFindingRow = {
  finding: FindingRow;
  unitCode: string;
  unitName: string;
  remediedByName: string | null;
  verifiedByName: string | null;
};

function joined(db: Executor) {
  return db
    .select(columns)
    .from(findings)
    .innerJoin(units, eq(units.id, findings.unitId))
    .leftJoin(remedier, eq(remedier.id, findings.remediedBy))
    .leftJoin(verifier, eq(verifier.id, findings.verifiedBy));
}

/** The finding (locked for the transaction when asked), or null. */
export async function findFindingRow(db: Executor, id: string, lock = false): Promise<FindingRow | null> {
  const q = db.select().from(findings).where(eq(findings.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findJoinedFinding(db: Executor, id: string): Promise<JoinedFindingRow | null> {
  const [row] = await joined(db).where(eq(findings.id, id));
  return row ?? null;
}

/** The unit and campaign of each of these findings (those that exist). */
export async function findingPlaces(
  db: Executor,
  ids: readonly string[],
): Promise<{ unitId: string; campaignId: string }[]> {
  return db
    .select({ unitId: findings.unitId, campaignId: findings.campaignId })
    .from(findings)
    .where(inArray(findings.id, [...ids]));
}

export async function findUnitRow(db: Executor, id: string): Promise<UnitRow | null> {
  const [unit] = await db.select().from(units).where(eq(units.id, id));
  return unit ?? null;
}

export interface FindingFilter {
  campaignId: string;
  /** Only findings of units within this reach. */
  reach: Reach;
  q?: string | undefined;
  status?: string | undefined;
  unitId?: string | undefined;
  /** Open past its due date (true), or not (false), on `today`. */
  overdue?: boolean | undefined;
  /** The day (YYYY-MM-DD) against which findings are overdue. */
  today: string;
}

function findingsWhere(filter: FindingFilter) {
  const { today } = filter;
  const where: (SQL | undefined)[] = [
    eq(findings.campaignId, filter.campaignId),
    unitWithin(filter.reach, findings.unitId),
    matchesSearch(findings.searchKey, filter.q),
  ];
  if (filter.status) where.push(eq(findings.status, filter.status));
  if (filter.unitId) where.push(eq(findings.unitId, filter.unitId));
  if (filter.overdue === true) where.push(and(eq(findings.status, 'open'), lt(findings.dueOn, today)));
  if (filter.overdue === false)
    where.push(
      sql`not (${findings.status} = 'open' and ${findings.dueOn} is not null and ${findings.dueOn} < ${today})`,
    );
  return and(...where);
}

/** How many findings, by status, and how many open past their due date on `today`. */
const statsColumns = (today: string) => ({
  total: count(),
  open: sql<number>`count(*) filter (where ${findings.status} = 'open')`.mapWith(Number),
  remedied: sql<number>`count(*) filter (where ${findings.status} = 'remedied')`.mapWith(Number),
  verified: sql<number>`count(*) filter (where ${findings.status} = 'verified')`.mapWith(Number),
  overdue: sql<number>`count(*) filter (where ${findings.status} = 'open' and ${findings.dueOn} < ${today})`.mapWith(
    Number,
  ),
});

export type FindingCounts = { total: number; open: number; remedied: number; verified: number; overdue: number };

/** A page of the findings matching the filter (by unit code, latest inspection first) and the counts of all of them. */
export async function findFindingsPage(
  db: Executor,
  filter: FindingFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: JoinedFindingRow[]; counts: FindingCounts | null }> {
  const cond = findingsWhere(filter);
  const [rows, [counts]] = await Promise.all([
    joined(db)
      .where(cond)
      .orderBy(asc(units.code), desc(findings.inspectedOn), asc(findings.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select(statsColumns(filter.today)).from(findings).where(cond),
  ]);
  return { rows, counts: counts ?? null };
}

/** The counts of a campaign's findings per unit with any, for the units within `reach`, by unit code. */
export async function findingCountsByUnit(
  db: Executor,
  campaignId: string,
  reach: Reach,
  today: string,
): Promise<({ unitId: string; unitCode: string; unitName: string } & FindingCounts)[]> {
  return db
    .select({ unitId: findings.unitId, unitCode: units.code, unitName: units.name, ...statsColumns(today) })
    .from(findings)
    .innerJoin(units, eq(units.id, findings.unitId))
    .where(and(eq(findings.campaignId, campaignId), unitWithin(reach, findings.unitId)))
    .groupBy(findings.unitId, units.code, units.name)
    .orderBy(asc(units.code));
}

/** Id, unit and status of the campaign's findings of these units, oldest first. */
export async function findingStatusesOfUnits(
  db: Executor,
  campaignId: string,
  unitIds: readonly string[],
): Promise<{ id: string; unitId: string; status: string }[]> {
  return db
    .select({ id: findings.id, unitId: findings.unitId, status: findings.status })
    .from(findings)
    .where(and(eq(findings.campaignId, campaignId), inArray(findings.unitId, [...new Set(unitIds)])))
    .orderBy(asc(findings.createdAt), asc(findings.id));
}

export async function insertFinding(tx: Tx, row: typeof findings.$inferInsert): Promise<void> {
  await tx.insert(findings).values(row);
}

/** Writes the changes and bumps the version if it is still `expectedVersion`; null when it was not. */
export function updateFindingAtVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof findings.$inferInsert>,
): Promise<{ id: string } | null> {
  return updateAtVersion(tx, findings, id, expectedVersion, changes);
}
