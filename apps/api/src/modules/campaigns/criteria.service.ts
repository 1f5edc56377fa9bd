/**
 * A campaign's criteria. They are edited while the campaign is a draft; once it is open they are
 * frozen except their guidance, because units are already answering them. Every change is audited.
 * The field rules come from the contract (criterionProblems), shared with the browser's editor.
 */
import {
  criterionProblems,
  type CreateCriterionBody,
  type Criterion,
  type CriterionKind,
  type CriterionListQuery,
  type UpdateCriterionBody,
} from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan } from '../../lib/access.ts';
import { Conflict, DomainError, Invalid, NotFound, PreconditionFailed, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { findVisibleCampaignRow, lockCampaignRow, type CampaignRow } from './campaigns.repository.ts';
import {
  deleteCriterionRow,
  findCriterionIdByCode,
  findCriterionRow,
  findLastCriterionPosition,
  insertCriterionRow,
  insertCriterionRows,
  listCriteriaRows,
  setCriterionPosition,
  updateCriterionRow,
} from './criteria.repository.ts';
import { criterionBody, criterionColumns, toCriterion } from './campaigns.mapper.ts';

/**
 * Field problems of a list of criteria (a template's or a campaign's): each criterion's rule, and
 * codes unique per target. Pointers are `${prefix}/${index}/field`.
 */
export function criteriaListProblems(list: CreateCriterionBody[], prefix: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  list.forEach((c, i) => {
    for (const p of criterionProblems(c)) out.push({ field: `${prefix}/${i}${p.field}`, code: p.code });
    const key = `${c.target}\u0000${c.code}`;
    if (seen.has(key)) out.push({ field: `${prefix}/${i}/code`, code: 'criterion.code_taken' });
    seen.add(key);
  });
  return out;
}

/** Appends criteria to a campaign in the given order (used by templates and clones). */
export async function insertCriteria(
  tx: Tx,
  campaignId: string,
  list: CreateCriterionBody[],
  start = 0,
): Promise<void> {
  if (!list.length) return;
  await insertCriterionRows(
    tx,
    list.map((c, i) => ({ id: newId('cr'), campaignId, position: start + i, ...criterionColumns(c) })),
  );
}

export async function copyCriteria(tx: Tx, fromCampaignId: string, toCampaignId: string): Promise<void> {
  const rows = await listCriteriaRows(tx, fromCampaignId);
  await insertCriteria(tx, toCampaignId, rows.map(criterionBody));
}

export async function listCriteria(
  db: Executor,
  actor: Actor | null,
  campaignId: string,
  query: CriterionListQuery = {},
): Promise<Criterion[]> {
  await findVisibleCampaignRow(db, actor, campaignId);
  return (await listCriteriaRows(db, campaignId, query)).map(toCriterion);
}

export async function getCriterion(
  db: Executor,
  actor: Actor | null,
  campaignId: string,
  criterionId: string,
): Promise<Criterion> {
  await findVisibleCampaignRow(db, actor, campaignId);
  const row = await findCriterionRow(db, campaignId, criterionId);
  if (!row) throw NotFound('criterion');
  return toCriterion(row);
}

function assertAuthor(actor: Actor | null): Actor {
  assertCan(actor, 'campaign.author');
  return actor;
}

/**
 * Reads the campaign for a criteria change and locks its row, so that a criterion cannot be added
 * while another transaction opens the campaign (the freeze would otherwise race the launch).
 */
async function lockCampaign(tx: Tx, actor: Actor, campaignId: string): Promise<CampaignRow> {
  const visible = await findVisibleCampaignRow(tx, actor, campaignId);
  assertCan(actor, 'campaign.author', { unitId: visible.authorityUnitId });
  const row = await lockCampaignRow(tx, campaignId);
  if (!row) throw NotFound('campaign');
  return row;
}

async function assertCodeFree(
  tx: Tx,
  campaignId: string,
  target: string,
  code: string,
  exceptId?: string,
): Promise<void> {
  const id = await findCriterionIdByCode(tx, campaignId, target, code);
  if (id !== null && id !== exceptId) throw Invalid([{ field: '/code', code: 'criterion.code_taken' }]);
}

function assertRuleValid(rule: Parameters<typeof criterionProblems>[0]): void {
  const problems = criterionProblems(rule);
  if (problems.length) throw Invalid(problems);
}

export async function createCriterion(
  db: Db,
  ctx: Ctx,
  campaignId: string,
  body: CreateCriterionBody,
): Promise<Criterion> {
  const actor = assertAuthor(ctx.actor);
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor, campaignId);
    if (campaign.status !== 'draft') throw Conflict('criterion.frozen');
    assertRuleValid(body);
    await assertCodeFree(tx, campaignId, body.target, body.code);
    const last = await findLastCriterionPosition(tx, campaignId);
    const row = await insertCriterionRow(tx, {
      id: newId('cr'),
      campaignId,
      position: (last ?? -1) + 1,
      ...criterionColumns(body),
    });
    const created = toCriterion(row);
    await recordAudit(tx, ctx, {
      action: 'criterion.create',
      objectType: 'criterion',
      objectId: created.id,
      after: created,
    });
    return created;
  });
}

/** Fields a kind does not use, cleared when the kind changes and the body does not set them. */
function clearedForKind(kind: CriterionKind, body: UpdateCriterionBody) {
  const out: { comparator?: null; threshold?: null; derivedSource?: null } = {};
  if ((kind === 'boolean' || kind === 'text') && body.comparator === undefined) out.comparator = null;
  if ((kind === 'boolean' || kind === 'text') && body.threshold === undefined) out.threshold = null;
  if (kind !== 'derived' && body.derivedSource === undefined) out.derivedSource = null;
  return out;
}

export async function updateCriterion(
  db: Db,
  ctx: Ctx,
  campaignId: string,
  criterionId: string,
  expectedVersion: number,
  body: UpdateCriterionBody,
): Promise<Criterion> {
  const actor = assertAuthor(ctx.actor);
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor, campaignId);
    const before = await findCriterionRow(tx, campaignId, criterionId);
    if (!before) throw NotFound('criterion');
    if (before.version !== expectedVersion) throw PreconditionFailed();
    const changed = Object.entries(body)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    if (campaign.status !== 'draft' && changed.some((k) => k !== 'guidance')) {
      throw new DomainError(
        409,
        'criterion.frozen',
        {},
        changed.filter((k) => k !== 'guidance').map((k) => ({ field: `/${k}`, code: 'criterion.frozen' })),
      );
    }
    const current = toCriterion(before);
    const kind = body.kind ?? current.kind;
    const merged = {
      ...current,
      ...(body.kind && body.kind !== current.kind ? clearedForKind(kind, body) : {}),
      ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
    };
    assertRuleValid(merged);
    if (body.code !== undefined || body.target !== undefined)
      await assertCodeFree(tx, campaignId, merged.target, merged.code, criterionId);
    const row = await updateCriterionRow(tx, criterionId, expectedVersion, {
      code: merged.code,
      target: merged.target,
      group: merged.group,
      title: merged.title,
      guidance: merged.guidance,
      kind: merged.kind,
      comparator: merged.comparator,
      threshold: merged.threshold,
      derivedSource: merged.derivedSource,
      maxScore: merged.maxScore,
      weight: merged.weight,
      evidenceRequired: merged.evidenceRequired,
    });
    if (!row) throw PreconditionFailed();
    const after = toCriterion(row);
    await recordAudit(tx, ctx, {
      action: 'criterion.update',
      objectType: 'criterion',
      objectId: criterionId,
      before: current,
      after,
    });
    return after;
  });
}

/** Renumbers positions 0..n-1 in the current order. */
async function compactPositions(tx: Tx, campaignId: string): Promise<void> {
  const rows = await listCriteriaRows(tx, campaignId);
  for (const [i, r] of rows.entries()) if (r.position !== i) await setCriterionPosition(tx, r.id, { position: i });
}

export async function deleteCriterion(db: Db, ctx: Ctx, campaignId: string, criterionId: string): Promise<void> {
  const actor = assertAuthor(ctx.actor);
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor, campaignId);
    const before = await findCriterionRow(tx, campaignId, criterionId);
    if (!before) throw NotFound('criterion');
    if (campaign.status !== 'draft') throw Conflict('criterion.frozen');
    await deleteCriterionRow(tx, criterionId);
    await compactPositions(tx, campaignId);
    await recordAudit(tx, ctx, {
      action: 'criterion.delete',
      objectType: 'criterion',
      objectId: criterionId,
      before: toCriterion(before),
    });
  });
}

export async function reorderCriteria(db: Db, ctx: Ctx, campaignId: string, ids: string[]): Promise<Criterion[]> {
  const actor = assertAuthor(ctx.actor);
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor, campaignId);
    if (campaign.status !== 'draft') throw Conflict('criterion.frozen');
    const rows = await listCriteriaRows(tx, campaignId);
    const known = new Set(rows.map((r) => r.id));
    if (ids.length !== rows.length || ids.some((id) => !known.has(id)))
      throw Invalid([{ field: '/ids', code: 'criteria.order_mismatch' }], 'criteria.order_mismatch');
    const before = rows.map((r) => r.id);
    for (const [i, id] of ids.entries()) await setCriterionPosition(tx, id, { position: i, updatedAt: new Date() });
    await recordAudit(tx, ctx, {
      action: 'criteria.reorder',
      objectType: 'campaign',
      objectId: campaignId,
      before: { order: before },
      after: { order: ids },
    });
    return (await listCriteriaRows(tx, campaignId)).map(toCriterion);
  });
}
