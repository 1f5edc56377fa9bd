/**
 * Enrolment (đăng ký thi đua). The participating units of a campaign are every non-archived unit
 * of its participant kinds plus its named units. While the campaign is open, an officer or head of
 * a participating unit enrols that unit with a commitment; the standing office may enrol any
 * participating unit. Unit roles see only their own units' rows; another unit's enrolment is 404.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type {
  CampaignParticipant,
  CreateEnrollmentBody,
  Enrollment,
  ParticipantListQuery,
  UnitKind,
  UpdateEnrollmentBody,
} from '@thidua/contract';
import { enrollments, units, users } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { can, ownUnitsFor, reachOf, scopeOf } from '../../lib/access.ts';
import { Conflict, Forbidden, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { matchesSearch } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import { setFileAttachments } from '../files/index.ts';
import { findVisibleCampaignRow, type CampaignRow } from './campaigns.repository.ts';

/** objectType of an enrolment's signed form in file_attachments. */
export const ENROLLMENT_FILES = 'enrollment';

/** The signed form must be a file of the enrolled unit that the actor can read (checked by the files module). */
async function attachSignedFile(
  tx: Tx,
  ctx: Ctx,
  enrollmentId: string,
  unitId: string,
  fileId: string | null,
): Promise<void> {
  if (!ctx.actor) throw Forbidden();
  await setFileAttachments(tx, ctx.actor, {
    objectType: ENROLLMENT_FILES,
    objectId: enrollmentId,
    fileIds: fileId ? [fileId] : [],
    unitId,
    field: '/signedFileId',
  });
}

/** Units the actor may see enrolments of (those of campaigns it sees, within its reach); null means all. */
function visibleUnits(actor: Actor): string[] | null {
  const reach = reachOf(actor, 'campaign.read');
  return reach.all ? null : reach.unitIds;
}

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

const enrollmentColumns = {
  enrollment: enrollments,
  unitCode: units.code,
  unitName: units.name,
  enrolledByName: users.fullName,
};
type JoinedEnrollment = {
  enrollment: typeof enrollments.$inferSelect;
  unitCode: string;
  unitName: string;
  enrolledByName: string | null;
};

function toEnrollment(r: JoinedEnrollment): Enrollment {
  const e = r.enrollment;
  return {
    id: e.id,
    campaignId: e.campaignId,
    unitId: e.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    commitment: e.commitment,
    signedFileId: e.signedFileId,
    enrolledByUserId: e.enrolledBy,
    enrolledByName: r.enrolledByName,
    enrolledAt: e.enrolledAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}

async function readEnrollment(db: Executor, campaignId: string, enrollmentId: string): Promise<Enrollment | null> {
  const [row] = await db
    .select(enrollmentColumns)
    .from(enrollments)
    .innerJoin(units, eq(units.id, enrollments.unitId))
    .leftJoin(users, eq(users.id, enrollments.enrolledBy))
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.campaignId, campaignId)));
  return row ? toEnrollment(row) : null;
}

export async function listParticipants(db: Executor, actor: Actor, campaignId: string, query: ParticipantListQuery) {
  const campaign = await findVisibleCampaignRow(db, actor, campaignId);
  const { page, pageSize, offset } = pageParams(query);
  const scope = visibleUnits(actor);
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
      .limit(pageSize)
      .offset(offset),
    counted().where(and(...filtered)),
    counted().where(and(...base)),
  ]);
  const items: CampaignParticipant[] = rows.map((r) => ({
    unitId: r.unit.id,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    unitKind: r.unit.kind as UnitKind,
    enrolled: Boolean(r.enrollment),
    enrollment: r.enrollment
      ? toEnrollment({
          enrollment: r.enrollment,
          unitCode: r.unit.code,
          unitName: r.unit.name,
          enrolledByName: r.enrolledByName,
        })
      : null,
  }));
  return {
    items,
    page,
    pageSize,
    total: total?.n ?? 0,
    participantCount: all?.n ?? 0,
    enrolledCount: all?.enrolled ?? 0,
  };
}

export async function getEnrollment(
  db: Executor,
  actor: Actor,
  campaignId: string,
  enrollmentId: string,
): Promise<Enrollment> {
  await findVisibleCampaignRow(db, actor, campaignId);
  const e = await readEnrollment(db, campaignId, enrollmentId);
  const scope = visibleUnits(actor);
  if (!e || (scope && !scope.includes(e.unitId))) throw NotFound('enrollment');
  return e;
}

/** The unit an actor enrols: the one named, or their only unit; 403 for a unit they do not hold. */
function unitToEnrol(actor: Actor, unitId: string | undefined): string {
  const own = ownUnitsFor(actor, 'enrollment.manage');
  const onlyOwn = scopeOf(actor, 'enrollment.manage') === 'own_unit';
  if (!unitId) {
    if (onlyOwn && own.length === 1) return own[0]!;
    throw Invalid([{ field: '/unitId', code: 'enrollment.unit_required' }], 'enrollment.unit_required');
  }
  if (!can(actor, 'enrollment.manage', { unitId })) throw Forbidden('enrollment.other_unit');
  return unitId;
}

/** Enrols a unit inside the caller's transaction; the campaign row must be the current one. */
export async function enrolTx(
  tx: Tx,
  ctx: Ctx,
  campaign: CampaignRow,
  unitId: string,
  body: Omit<CreateEnrollmentBody, 'unitId'>,
): Promise<Enrollment> {
  if (campaign.status !== 'open') throw Conflict('enrollment.campaign_not_open');
  const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw Invalid([{ field: '/unitId', code: 'enrollment.unit_not_found' }], 'enrollment.unit_not_found');
  if (!(await isParticipant(tx, campaign, unitId))) throw Conflict('enrollment.not_participant');
  const id = newId('en');
  if (body.signedFileId) await attachSignedFile(tx, ctx, id, unitId, body.signedFileId);
  const inserted = await tx
    .insert(enrollments)
    .values({
      id,
      campaignId: campaign.id,
      unitId,
      commitment: body.commitment,
      signedFileId: body.signedFileId ?? null,
      enrolledBy: ctx.actor?.userId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: enrollments.id });
  if (!inserted.length) throw Conflict('enrollment.exists');
  const created = (await readEnrollment(tx, campaign.id, id))!;
  await recordAudit(tx, ctx, { action: 'enrollment.create', objectType: 'enrollment', objectId: id, after: created });
  return created;
}

export async function createEnrollment(
  db: Db,
  ctx: Ctx,
  campaignId: string,
  body: CreateEnrollmentBody,
): Promise<Enrollment> {
  const actor = ctx.actor;
  if (!actor) throw Forbidden();
  const unitId = unitToEnrol(actor, body.unitId);
  return db.transaction(async (tx) =>
    enrolTx(tx, ctx, await findVisibleCampaignRow(tx, actor, campaignId), unitId, body),
  );
}

export async function updateEnrollment(
  db: Db,
  ctx: Ctx,
  campaignId: string,
  enrollmentId: string,
  expectedVersion: number,
  body: UpdateEnrollmentBody,
): Promise<Enrollment> {
  const actor = ctx.actor;
  if (!actor) throw Forbidden();
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, actor, campaignId);
    const before = await readEnrollment(tx, campaignId, enrollmentId);
    if (!before || !can(actor, 'enrollment.manage', { unitId: before.unitId })) throw NotFound('enrollment');
    if (campaign.status !== 'open') throw Conflict('enrollment.campaign_not_open');
    if (before.version !== expectedVersion) throw PreconditionFailed();
    if (body.signedFileId !== undefined)
      await attachSignedFile(tx, ctx, enrollmentId, before.unitId, body.signedFileId);
    const [row] = await tx
      .update(enrollments)
      .set({
        ...(body.commitment !== undefined ? { commitment: body.commitment } : {}),
        ...(body.signedFileId !== undefined ? { signedFileId: body.signedFileId } : {}),
        updatedAt: new Date(),
        version: sql`${enrollments.version} + 1`,
      })
      .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.version, expectedVersion)))
      .returning({ id: enrollments.id });
    if (!row) throw PreconditionFailed();
    const after = (await readEnrollment(tx, campaignId, enrollmentId))!;
    await recordAudit(tx, ctx, {
      action: 'enrollment.update',
      objectType: 'enrollment',
      objectId: enrollmentId,
      before,
      after,
    });
    return after;
  });
}
