/**
 * Enrolment rows, and which units take part in a campaign (a condition on units). Queries only:
 * the rules (who enrols which unit, when) live in enrollments.service.ts.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ParticipantListQuery } from '@thidua/contract';
import { enrollments, units, users } from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { matchesSearch } from '../../lib/search.ts';
import type { CampaignRow } from './campaigns.repository.ts';
import { updateAtVersion } from '../../lib/versioned.ts';

type EnrollmentRow = typeof enrollments.$inferSelect;

/**
 * SQL condition: the unit takes part in the campaign — named, or of a kind that takes part, and in
 * either case under the campaign's issuing authority (a ward's campaign never reaches the offices
 * of another authority, whatever their kind).
 */
export function participatesIn(
  campaign: Pick<CampaignRow, 'participantKinds' | 'participantUnitIds' | 'authorityUnitId'>,
): SQL {
  const parts: SQL[] = [];
  if (campaign.participantKinds.length) parts.push(inArray(units.kind, campaign.participantKinds));
  if (campaign.participantUnitIds.length) parts.push(inArray(units.id, campaign.participantUnitIds));
  const underAuthority = sql`${units.id} IN (WITH RECURSIVE under_authority(id) AS (
      SELECT ${campaign.authorityUnitId}::text
      UNION SELECT u.id FROM units u JOIN under_authority ON u.parent_id = under_authority.id
    ) SELECT id FROM under_authority)`;
  return and(eq(units.archived, false), parts.length ? or(...parts) : sql`false`, underAuthority)!;
}

export async function isParticipant(db: Executor, campaign: CampaignRow, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), participatesIn(campaign)));
  return Boolean(row);
}

/** An enrolment with its unit's code and name and the name of who enrolled it. */
export type EnrollmentJoinedRow = {
  enrollment: EnrollmentRow;
  unitCode: string;
  unitName: string;
  enrolledByName: string | null;
};

export async function findEnrollmentJoinedRow(
  db: Executor,
  campaignId: string,
  enrollmentId: string,
): Promise<EnrollmentJoinedRow | null> {
  const [row] = await db
    .select({ enrollment: enrollments, unitCode: units.code, unitName: units.name, enrolledByName: users.fullName })
    .from(enrollments)
    .innerJoin(units, eq(units.id, enrollments.unitId))
    .leftJoin(users, eq(users.id, enrollments.enrolledBy))
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.campaignId, campaignId)));
  return row ?? null;
}

/** A participating unit with its enrolment in the campaign, if any. */
export type ParticipantRow = {
  unit: typeof units.$inferSelect;
  enrollment: EnrollmentRow | null;
  enrolledByName: string | null;
};

/**
 * One page of the campaign's participating units that match the query, within `scope` (unit ids;
 * null: all), in tree order; how many match; and how many take part and are enrolled in all.
 */
export async function findParticipantPage(
  db: Executor,
  campaign: CampaignRow,
  scope: string[] | null,
  query: ParticipantListQuery,
  page: { pageSize: number; offset: number },
): Promise<{ rows: ParticipantRow[]; total: number; participantCount: number; enrolledCount: number }> {
  const campaignId = campaign.id;
  const base: (SQL | undefined)[] = [participatesIn(campaign)];
  if (scope) base.push(scope.length ? inArray(units.id, scope) : sql`false`);
  const filtered: (SQL | undefined)[] = [...base, matchesSearch(units.searchKey, query.q)];
  if (query.kind) filtered.push(eq(units.kind, query.kind));
  if (query.status === 'enrolled') filtered.push(isNotNull(enrollments.id));
  if (query.status === 'not_enrolled') filtered.push(isNull(enrollments.id));
  const from = () =>
    db
      .select({ unit: units, enrollment: enrollments, enrolledByName: users.fullName })
      .from(units)
      .leftJoin(enrollments, and(eq(enrollments.unitId, units.id), eq(enrollments.campaignId, campaignId)))
      .leftJoin(users, eq(users.id, enrollments.enrolledBy));
  const counted = () =>
    db
      .select({ n: count(), enrolled: count(enrollments.id) })
      .from(units)
      .leftJoin(enrollments, and(eq(enrollments.unitId, units.id), eq(enrollments.campaignId, campaignId)));
  const [rows, [total], [all]] = await Promise.all([
    from()
      .where(and(...filtered))
      .orderBy(asc(units.level), asc(units.displayOrder), asc(units.name), asc(units.id))
      .limit(page.pageSize)
      .offset(page.offset),
    counted().where(and(...filtered)),
    counted().where(and(...base)),
  ]);
  return {
    rows,
    total: total?.n ?? 0,
    participantCount: all?.n ?? 0,
    enrolledCount: all?.enrolled ?? 0,
  };
}

/** Inserts the enrolment unless the unit is already enrolled in the campaign; false when it was. */
export async function insertEnrollmentRow(tx: Tx, values: typeof enrollments.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(enrollments).values(values).onConflictDoNothing().returning({ id: enrollments.id });
  return inserted.length > 0;
}

/** Writes the changes if the row is still at `expectedVersion` (and bumps it); false when it is not. */
export async function updateEnrollmentRow(
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<EnrollmentRow, 'commitment' | 'signedFileId'>>,
): Promise<boolean> {
  return (await updateAtVersion(tx, enrollments, id, expectedVersion, changes)) !== null;
}
