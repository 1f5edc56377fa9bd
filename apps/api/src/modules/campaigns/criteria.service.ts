/**
 * A campaign's criteria. They are edited while the campaign is a draft; once it is open they are
 * frozen except their guidance, because units are already answering them. Every change is audited.
 * The field rules come from the contract (criterionProblems), shared with the browser's editor.
 */
import { and, asc, eq, max, sql } from 'drizzle-orm';
import {
  criterionProblems,
  type Comparator,
  type CreateCriterionBody,
  type Criterion,
  type CriterionGroup,
  type CriterionKind,
  type CriterionListQuery,
  type CriterionTarget,
  type DerivedSource,
  type UpdateCriterionBody,
} from '@thidua/contract';
import { campaigns, criteria } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan } from '../../lib/access.ts';
import { Conflict, DomainError, Invalid, NotFound, PreconditionFailed, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { findVisibleCampaignRow, type CampaignRow } from './campaigns.repository.ts';

type Row = typeof criteria.$inferSelect;

export function toCriterion(r: Row): Criterion {
  return {
    id: r.id,
    campaignId: r.campaignId,
    code: r.code,
    target: r.target as CriterionTarget,
    group: r.group as CriterionGroup,
    title: r.title,
    guidance: r.guidance,
    kind: r.kind as CriterionKind,
    comparator: r.comparator as Comparator | null,
    threshold: r.threshold,
    derivedSource: r.derivedSource as DerivedSource | null,
    maxScore: r.maxScore,
    evidenceRequired: r.evidenceRequired,
    order: r.position,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** A criterion body as stored: absent optional fields become null / their defaults. */
function normalised(b: CreateCriterionBody) {
  return {
    code: b.code,
    target: b.target,
    group: b.group,
    title: b.title,
    guidance: b.guidance ?? null,
    kind: b.kind,
    comparator: b.comparator ?? null,
    threshold: b.threshold ?? null,
    derivedSource: b.derivedSource ?? null,
    maxScore: b.maxScore ?? 10,
    evidenceRequired: b.evidenceRequired ?? false,
  };
}

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
  await tx
    .insert(criteria)
    .values(list.map((c, i) => ({ id: newId('cr'), campaignId, position: start + i, ...normalised(c) })));
}

export async function copyCriteria(tx: Tx, fromCampaignId: string, toCampaignId: string): Promise<void> {
  const rows = await tx
    .select()
    .from(criteria)
    .where(eq(criteria.campaignId, fromCampaignId))
    .orderBy(asc(criteria.position), asc(criteria.id));
  await insertCriteria(tx, toCampaignId, rows.map(criterionBody));
}

/** A stored criterion as the body that would create it again (for export and clone). */
export function criterionBody(r: Row | Criterion): CreateCriterionBody {
  const c = 'position' in r ? toCriterion(r) : r;
  const body: CreateCriterionBody = {
    code: c.code,
    target: c.target,
    group: c.group,
    title: c.title,
    guidance: c.guidance,
    kind: c.kind,
    maxScore: c.maxScore,
    evidenceRequired: c.evidenceRequired,
  };
  if (c.comparator !== null) body.comparator = c.comparator;
  if (c.threshold !== null) body.threshold = c.threshold;
  if (c.derivedSource !== null) body.derivedSource = c.derivedSource;
  return body;
}

export async function listCriteriaRows(
  db: Executor,
  campaignId: string,
  query: CriterionListQuery = {},
): Promise<Row[]> {
  const where = [eq(criteria.campaignId, campaignId)];
  if (query.target) where.push(eq(criteria.target, query.target));
  if (query.group) where.push(eq(criteria.group, query.group));
  return db
    .select()
    .from(criteria)
    .where(and(...where))
    .orderBy(asc(criteria.position), asc(criteria.id));
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

async function findCriterionRow(db: Executor, campaignId: string, criterionId: string): Promise<Row | null> {
  const [row] = await db
    .select()
    .from(criteria)
    .where(and(eq(criteria.id, criterionId), eq(criteria.campaignId, campaignId)));
  return row ?? null;
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
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for('update');
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
  const [row] = await tx
    .select({ id: criteria.id })
    .from(criteria)
    .where(and(eq(criteria.campaignId, campaignId), eq(criteria.target, target), eq(criteria.code, code)));
  if (row && row.id !== exceptId) throw Invalid([{ field: '/code', code: 'criterion.code_taken' }]);
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
    const [last] = await tx
      .select({ n: max(criteria.position) })
      .from(criteria)
      .where(eq(criteria.campaignId, campaignId));
    const [row] = await tx
      .insert(criteria)
      .values({ id: newId('cr'), campaignId, position: (last?.n ?? -1) + 1, ...normalised(body) })
      .returning();
    const created = toCriterion(row!);
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
    const [row] = await tx
      .update(criteria)
      .set({
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
        evidenceRequired: merged.evidenceRequired,
        updatedAt: new Date(),
        version: sql`${criteria.version} + 1`,
      })
      .where(and(eq(criteria.id, criterionId), eq(criteria.version, expectedVersion)))
      .returning();
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
  for (const [i, r] of rows.entries())
    if (r.position !== i) await tx.update(criteria).set({ position: i }).where(eq(criteria.id, r.id));
}

export async function deleteCriterion(db: Db, ctx: Ctx, campaignId: string, criterionId: string): Promise<void> {
  const actor = assertAuthor(ctx.actor);
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor, campaignId);
    const before = await findCriterionRow(tx, campaignId, criterionId);
    if (!before) throw NotFound('criterion');
    if (campaign.status !== 'draft') throw Conflict('criterion.frozen');
    await tx.delete(criteria).where(eq(criteria.id, criterionId));
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
    for (const [i, id] of ids.entries())
      await tx.update(criteria).set({ position: i, updatedAt: new Date() }).where(eq(criteria.id, id));
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
