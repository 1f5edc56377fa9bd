/**
 * Enrolment (đăng ký thi đua). The participating units of a campaign are every non-archived unit
 * of its participant kinds plus its named units. While the campaign is open, an officer or head of
 * a participating unit enrols that unit with a commitment; the standing office may enrol any
 * participating unit. Unit roles see only their own units' rows; another unit's enrolment is 404.
 */
import type { CreateEnrollmentBody, Enrollment, ParticipantListQuery, UpdateEnrollmentBody } from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { can, ownUnitsFor, reachOf, scopeOf } from '../../lib/access.ts';
import { Conflict, Forbidden, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { setFileAttachments } from '../files/index.ts';
import { findUnitsByIds, findVisibleCampaignRow, type CampaignRow } from './campaigns.repository.ts';
import {
  findEnrollmentJoinedRow,
  findParticipantPage,
  insertEnrollmentRow,
  isParticipant,
  updateEnrollmentRow,
} from './enrollments.repository.ts';
import { toEnrollment, toParticipant } from './campaigns.mapper.ts';

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

async function readEnrollment(db: Executor, campaignId: string, enrollmentId: string): Promise<Enrollment | null> {
  const row = await findEnrollmentJoinedRow(db, campaignId, enrollmentId);
  return row ? toEnrollment(row) : null;
}

export async function listParticipants(db: Executor, actor: Actor, campaignId: string, query: ParticipantListQuery) {
  const campaign = await findVisibleCampaignRow(db, actor, campaignId);
  const { page, pageSize, offset } = pageParams(query);
  const { rows, ...counts } = await findParticipantPage(db, campaign, visibleUnits(actor), query, { pageSize, offset });
  return { items: rows.map(toParticipant), page, pageSize, ...counts };
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
  const [unit] = await findUnitsByIds(tx, [unitId]);
  if (!unit) throw Invalid([{ field: '/unitId', code: 'enrollment.unit_not_found' }], 'enrollment.unit_not_found');
  if (!(await isParticipant(tx, campaign, unitId))) throw Conflict('enrollment.not_participant');
  const id = newId('en');
  if (body.signedFileId) await attachSignedFile(tx, ctx, id, unitId, body.signedFileId);
  const inserted = await insertEnrollmentRow(tx, {
    id,
    campaignId: campaign.id,
    unitId,
    commitment: body.commitment,
    signedFileId: body.signedFileId ?? null,
    enrolledBy: ctx.actor?.userId ?? null,
  });
  if (!inserted) throw Conflict('enrollment.exists');
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
    const updated = await updateEnrollmentRow(tx, enrollmentId, expectedVersion, {
      ...(body.commitment !== undefined ? { commitment: body.commitment } : {}),
      ...(body.signedFileId !== undefined ? { signedFileId: body.signedFileId } : {}),
    });
    if (!updated) throw PreconditionFailed();
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
