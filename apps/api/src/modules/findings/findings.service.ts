/**
 * The inspection findings register: the standing office records a finding of an inspection for a
 * participating unit; the unit's officer or head records its remedy with evidence; the office
 * verifies or reopens it (open → remedied → verified; reopen → open). Who may do each is the
 * permission table's answer on the finding's unit: unit roles see only their own unit's findings,
 * the office and leaders those of their authority's units; a finding also follows its campaign.
 * Anything else answers 404 and is absent from lists and counts. The verified share
 * of a unit's findings is the live measure of the derived criterion "findings_remedied_ratio".
 */
import {
  FINDING_TRANSITIONS,
  type CreateFindingBody,
  type Finding,
  type FindingAction,
  type FindingListQuery,
  type FindingPage,
  type FindingRemedyRate,
  type RemedyFindingBody,
  type ReopenFindingBody,
  type UpdateFindingBody,
} from '@thidua/contract';
import { findings } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { ActorCtx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, assertNotOwnUnit, can, reachOf } from '../../lib/access.ts';
import { Conflict, Forbidden, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { moveState } from '../../lib/lifecycle.ts';
import { searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import type { FileAccessRule } from '../../lib/api-module.ts';
import {
  findVisibleCampaignRow,
  visibleCampaignRow,
  type CampaignRow,
  todayInVietnam,
  isParticipant,
} from '../campaigns/index.ts';
import { filesAttachedTo, setFileAttachments } from '../files/index.ts';
import { toFinding, toFindingStats, toRemedyRate } from './findings.mapper.ts';
import {
  findFindingRow,
  findFindingsPage,
  findingCountsByUnit,
  findingPlaces,
  findingStatusesOfUnits,
  findJoinedFinding,
  findUnitRow,
  insertFinding,
  updateFindingAtVersion,
  type FindingRow,
  type JoinedFindingRow,
} from './findings.repository.ts';

/** file_attachments.objectType of the inspection's documents and of the unit's remedy evidence. */
export const FINDING_FILES = 'finding';
export const REMEDY_FILES = 'finding_remedy';
/** Campaign statuses in which findings are recorded, remedied and verified. */
const ACTIVE_CAMPAIGN = ['open', 'closed'];

/** The findings with their inspection documents and remedy evidence. */
async function toFindings(db: Executor, rows: JoinedFindingRow[]): Promise<Finding[]> {
  const ids = rows.map((r) => r.finding.id);
  const [files, remedyFiles] = await Promise.all([
    filesAttachedTo(db, FINDING_FILES, ids),
    filesAttachedTo(db, REMEDY_FILES, ids),
  ]);
  const today = todayInVietnam();
  return rows.map((r) => toFinding(r, files.get(r.finding.id) ?? [], remedyFiles.get(r.finding.id) ?? [], today));
}

// ── Scope ─────────────────────────────────────────────────────────────────────────────────────

export function canReadFinding(actor: Actor, f: Pick<FindingRow, 'unitId'>): boolean {
  return can(actor, 'finding.read', { unitId: f.unitId });
}

// The inspection's documents are authority files: the finding's unit reads them through the finding.
export const findingFileAccess: FileAccessRule = async (tx, actor, file) => {
  const ids = file.attachments
    .filter((a) => a.objectType === FINDING_FILES || a.objectType === REMEDY_FILES)
    .map((a) => a.objectId);
  if (!ids.length) return false;
  const rows = await findingPlaces(tx, ids);
  for (const r of rows)
    if (canReadFinding(actor, r) && (await visibleCampaignRow(tx, actor, r.campaignId))) return true;
  return false;
};

/** The finding and its campaign if the actor may see both; 404 otherwise, whether it exists or not. */
async function findReadable(
  db: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ row: FindingRow; campaign: CampaignRow }> {
  const row = await findFindingRow(db, id, lock);
  const campaign = row && canReadFinding(actor, row) ? await visibleCampaignRow(db, actor, row.campaignId) : null;
  if (!row || !campaign) throw NotFound('finding');
  return { row, campaign };
}

async function readFinding(db: Executor, id: string): Promise<Finding> {
  const row = await findJoinedFinding(db, id);
  if (!row) throw NotFound('finding');
  return (await toFindings(db, [row]))[0]!;
}

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────

/** The findings the actor may see: those of the units 'finding.read' reaches (the campaign is checked apart). */
export async function listFindings(
  db: Executor,
  actor: Actor,
  campaignId: string,
  query: FindingListQuery,
): Promise<FindingPage> {
  await findVisibleCampaignRow(db, actor, campaignId);
  const { page, pageSize, offset } = pageParams(query);
  const { rows, counts } = await findFindingsPage(
    db,
    {
      campaignId,
      reach: reachOf(actor, 'finding.read'),
      q: query.q,
      status: query.status,
      unitId: query.unitId,
      overdue: query.overdue,
      today: todayInVietnam(),
    },
    { limit: pageSize, offset },
  );
  const stats = toFindingStats(counts);
  return { items: await toFindings(db, rows), page, pageSize, total: stats.total, stats };
}

/** "% of findings remedied" per unit with findings in the campaign, for the units the actor may see. */
export async function listRemedyRates(db: Executor, actor: Actor, campaignId: string): Promise<FindingRemedyRate[]> {
  await findVisibleCampaignRow(db, actor, campaignId);
  const rows = await findingCountsByUnit(db, campaignId, reachOf(actor, 'finding.read'), todayInVietnam());
  return rows.map(toRemedyRate);
}

export async function getFinding(db: Executor, actor: Actor, id: string): Promise<Finding> {
  await findReadable(db, actor, id);
  return readFinding(db, id);
}

/**
 * The measure behind `findings_remedied_ratio` for each unit: verified of all the unit's findings in
 * the campaign (a remedy counts once the office has verified it). A unit without findings gets
 * 0 of 0, which the evaluator leaves to a reviewer (no_denominator) rather than calling it 100 %.
 */
export async function findingsRemedyMeasures(
  db: Executor,
  campaignId: string,
  unitIds: readonly string[],
): Promise<Map<string, { verified: number; total: number; ids: string[] }>> {
  const out = new Map<string, { verified: number; total: number; ids: string[] }>();
  for (const u of unitIds) out.set(u, { verified: 0, total: 0, ids: [] });
  if (!unitIds.length) return out;
  const rows = await findingStatusesOfUnits(db, campaignId, unitIds);
  for (const r of rows) {
    const m = out.get(r.unitId)!;
    m.total++;
    if (r.status === 'verified') m.verified++;
    m.ids.push(r.id);
  }
  return out;
}

// ── Writes ────────────────────────────────────────────────────────────────────────────────────

function assertCampaignActive(campaign: CampaignRow): void {
  if (!ACTIVE_CAMPAIGN.includes(campaign.status)) throw Conflict('finding.campaign_not_active');
}

function findingKey(
  f: { title: string; inspectionName: string; description?: string | null },
  unit: { code: string; name: string },
): string {
  return searchKey(`${f.title} ${f.inspectionName} ${unit.name} ${unit.code}`);
}

function datesProblems(inspectedOn: string, dueOn: string | null | undefined) {
  return dueOn && dueOn < inspectedOn ? [{ field: '/dueOn', code: 'finding.due_before_inspection' }] : [];
}

export async function createFinding(
  db: Db,
  ctx: ActorCtx,
  campaignId: string,
  body: CreateFindingBody,
): Promise<Finding> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, actor, campaignId);
    assertCampaignActive(campaign);
    const unit = await findUnitRow(tx, body.unitId);
    if (!unit || !(await isParticipant(tx, campaign, unit.id)))
      throw Invalid([{ field: '/unitId', code: 'finding.unit_not_participant' }], 'finding.unit_not_participant');
    assertCan(actor, 'finding.record', { unitId: unit.id });
    assertNotOwnUnit(actor, unit.id);
    const problems = datesProblems(body.inspectedOn, body.dueOn);
    if (problems.length) throw Invalid(problems, problems[0]!.code);
    const id = newId('fd');
    await insertFinding(tx, {
      id,
      campaignId,
      unitId: unit.id,
      title: body.title,
      description: body.description ?? '',
      inspectionName: body.inspectionName,
      inspectedOn: body.inspectedOn,
      dueOn: body.dueOn ?? null,
      createdBy: actor.userId,
      searchKey: findingKey(body, unit),
    });
    if (body.fileIds?.length)
      await setFileAttachments(tx, actor, {
        objectType: FINDING_FILES,
        objectId: id,
        fileIds: body.fileIds,
        unitId: null,
        field: '/fileIds',
      });
    const after = await readFinding(tx, id);
    await recordAudit(tx, ctx, { action: 'finding.create', objectType: 'finding', objectId: id, after });
    return after;
  });
}

export async function updateFinding(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateFindingBody,
): Promise<Finding> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { row: before, campaign } = await findReadable(tx, actor, id, true);
    assertCan(actor, 'finding.record', { unitId: before.unitId });
    assertNotOwnUnit(actor, before.unitId);
    if (before.version !== expectedVersion) throw PreconditionFailed();
    if (before.status === 'verified') throw Conflict('finding.not_editable');
    assertCampaignActive(campaign);
    const merged = { ...before, ...body };
    const problems = datesProblems(merged.inspectedOn, merged.dueOn);
    if (problems.length) throw Invalid(problems, problems[0]!.code);
    const beforeDto = await readFinding(tx, id);
    const unit = await findUnitRow(tx, before.unitId);
    const { fileIds, ...fields } = body;
    const row = await updateFindingAtVersion(tx, id, expectedVersion, {
      ...fields,
      searchKey: findingKey(merged, unit!),
    });
    if (!row) throw PreconditionFailed();
    if (fileIds)
      await setFileAttachments(tx, actor, {
        objectType: FINDING_FILES,
        objectId: id,
        fileIds,
        unitId: null,
        field: '/fileIds',
      });
    const after = await readFinding(tx, id);
    await recordAudit(tx, ctx, {
      action: 'finding.update',
      objectType: 'finding',
      objectId: id,
      before: beforeDto,
      after,
    });
    return after;
  });
}

/**
 * One lifecycle move: the actor is checked here, then the lifecycle engine locks the row, checks the
 * state and that the campaign is active, writes conditionally on the state it found (of two racing
 * moves one wins, the other gets 409) and audits the finding before and after.
 */
async function move(
  db: Db,
  ctx: ActorCtx,
  id: string,
  action: FindingAction,
  apply: (tx: Tx, before: FindingRow) => Promise<Partial<typeof findings.$inferInsert>>,
): Promise<Finding> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { row, campaign } = await findReadable(tx, actor, id);
    if (action === 'remedy') {
      if (!can(actor, 'finding.remedy', { unitId: row.unitId })) throw Forbidden('finding.other_unit');
    } else {
      assertCan(actor, `finding.${action}`, { unitId: row.unitId });
      assertNotOwnUnit(actor, row.unitId);
    }
    await moveState(tx, ctx, {
      resource: 'finding',
      table: findings,
      transitions: FINDING_TRANSITIONS,
      action,
      id,
      guard: () => assertCampaignActive(campaign),
      changes: (before) => apply(tx, before),
      audit: { before: () => readFinding(tx, id), after: () => readFinding(tx, id) },
    });
    return readFinding(tx, id);
  });
}

export async function remedyFinding(db: Db, ctx: ActorCtx, id: string, body: RemedyFindingBody): Promise<Finding> {
  if (!body.text.trim())
    throw Invalid([{ field: '/text', code: 'finding.remedy_text_required' }], 'finding.remedy_text_required');
  return move(db, ctx, id, 'remedy', async (tx, before) => {
    await setFileAttachments(tx, ctx.actor, {
      objectType: REMEDY_FILES,
      objectId: id,
      fileIds: body.fileIds,
      unitId: before.unitId,
      field: '/fileIds',
    });
    return {
      remedyText: body.text.trim(),
      remediedAt: new Date(),
      remediedBy: ctx.actor.userId,
      reopenReason: null,
      verifiedAt: null,
      verifiedBy: null,
    };
  });
}

export async function verifyFinding(db: Db, ctx: ActorCtx, id: string): Promise<Finding> {
  return move(db, ctx, id, 'verify', async () => ({ verifiedAt: new Date(), verifiedBy: ctx.actor.userId }));
}

export async function reopenFinding(db: Db, ctx: ActorCtx, id: string, body: ReopenFindingBody): Promise<Finding> {
  const reason = body.reason.trim();
  if (!reason) throw Invalid([{ field: '/reason', code: 'finding.reason_required' }], 'finding.reason_required');
  return move(db, ctx, id, 'reopen', async () => ({
    reopenReason: reason,
    reopenedAt: new Date(),
    reopenedBy: ctx.actor.userId,
    verifiedAt: null,
    verifiedBy: null,
  }));
}
