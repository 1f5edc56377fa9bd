/**
 * The initiatives register: a unit (its officer or head) or a staff member records an initiative
 * with its authors and documents; the standing office records its recognition by an authority
 * (decision number, date, file), after which it is frozen. Who may do each is the permission
 * table's answer on the initiative's unit (and, for a staff member, whether they are an author):
 * unit roles see their own unit's initiatives, a staff member those they author, the office and
 * leaders those of their authority's units; anything else answers 404. Recognised initiatives
 * are the live measure of the derived criterion "recognised_initiatives_count".
 */
import { and, asc, between, count, desc, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  CreateInitiativeBody,
  FileInfo,
  Initiative,
  InitiativeAuthor,
  InitiativeListQuery,
  InitiativePage,
  RecogniseInitiativeBody,
  UpdateInitiativeBody,
} from '@thidua/contract';
import { initiativeAuthors, initiatives, people, units, users } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { INITIATIVE_TRANSITIONS, ownUnitsFor, scopeOf } from '@thidua/contract';
import type { ActorCtx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, assertNotOwnUnit, can, reachOf, unitWithin } from '../../lib/access.ts';
import {
  Conflict,
  DomainError,
  Forbidden,
  Invalid,
  NotFound,
  PreconditionFailed,
  type FieldProblem,
} from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { moveState } from '../../lib/lifecycle.ts';
import { matchesSearch, searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import type { FileAccessRule } from '../../lib/api-module.ts';
import { findVisibleCampaignRow, type CampaignRow, yearOf } from '../campaigns/index.ts';
import { filesAttachedTo, setFileAttachments } from '../files/index.ts';

/** file_attachments.objectType of the unit's documents and of the recognition decision. */
export const INITIATIVE_FILES = 'initiative';
export const RECOGNITION_FILES = 'initiative_recognition';

type Row = typeof initiatives.$inferSelect;
const recogniser = alias(users, 'recogniser');
const columns = {
  initiative: initiatives,
  unitCode: units.code,
  unitName: units.name,
  recognisedByName: recogniser.fullName,
};
type Joined = { initiative: Row; unitCode: string; unitName: string; recognisedByName: string | null };

function joined(db: Executor) {
  return db
    .select(columns)
    .from(initiatives)
    .innerJoin(units, eq(units.id, initiatives.unitId))
    .leftJoin(recogniser, eq(recogniser.id, initiatives.recognisedBy));
}

async function authorsOf(db: Executor, ids: readonly string[]): Promise<Map<string, InitiativeAuthor[]>> {
  const out = new Map<string, InitiativeAuthor[]>();
  if (!ids.length) return out;
  const rows = await db
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
  for (const r of rows) {
    const list = out.get(r.initiativeId) ?? [];
    list.push({ personId: r.personId, fullName: r.fullName, position: r.position });
    out.set(r.initiativeId, list);
  }
  return out;
}

async function toInitiatives(db: Executor, rows: Joined[]): Promise<Initiative[]> {
  const ids = rows.map((r) => r.initiative.id);
  const [authors, files, decisions] = await Promise.all([
    authorsOf(db, ids),
    filesAttachedTo(db, INITIATIVE_FILES, ids),
    filesAttachedTo(db, RECOGNITION_FILES, ids),
  ]);
  return rows.map((r) => {
    const i = r.initiative;
    const decision: FileInfo | null = decisions.get(i.id)?.[0] ?? null;
    return {
      id: i.id,
      unitId: i.unitId,
      unitCode: r.unitCode,
      unitName: r.unitName,
      campaignId: i.campaignId,
      year: i.year,
      title: i.title,
      summary: i.summary,
      authors: authors.get(i.id) ?? [],
      files: files.get(i.id) ?? [],
      status: i.status as Initiative['status'],
      recognition:
        i.status === 'recognised' && i.recognisedAt
          ? {
              authority: i.recognitionAuthority ?? '',
              decisionNumber: i.decisionNumber ?? '',
              decidedOn: i.decidedOn ?? '',
              file: decision,
              recognisedAt: i.recognisedAt.toISOString(),
              recognisedById: i.recognisedBy,
              recognisedByName: r.recognisedByName,
            }
          : null,
      createdById: i.createdBy,
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
      version: i.version,
    };
  });
}

async function readInitiative(db: Executor, id: string): Promise<Initiative> {
  const [row] = await joined(db).where(eq(initiatives.id, id));
  if (!row) throw NotFound('initiative');
  return (await toInitiatives(db, [row]))[0]!;
}

// ── Scope ─────────────────────────────────────────────────────────────────────────────────────

function authoredBy(personId: string): SQL {
  return exists(
    sql`(select 1 from ${initiativeAuthors} where ${initiativeAuthors.initiativeId} = ${initiatives.id} and ${initiativeAuthors.personId} = ${personId})`,
  );
}

/**
 * SQL condition of the initiatives the actor may see (undefined: all): those of the units
 * 'initiative.read' reaches, those the person authors (own_person), and those the account recorded.
 */
function visibleInitiatives(actor: Actor): SQL | undefined {
  const reach = reachOf(actor, 'initiative.read');
  if (reach.all) return undefined;
  return or(
    unitWithin(reach, initiatives.unitId),
    reach.personId ? authoredBy(reach.personId) : undefined,
    eq(initiatives.createdBy, actor.userId),
  );
}

async function isAuthor(db: Executor, actor: Actor, initiativeId: string): Promise<boolean> {
  if (!actor.personId) return false;
  const [row] = await db
    .select({ id: initiativeAuthors.personId })
    .from(initiativeAuthors)
    .where(and(eq(initiativeAuthors.initiativeId, initiativeId), eq(initiativeAuthors.personId, actor.personId)));
  return Boolean(row);
}

/** The initiative as the permission table sees it: its unit, and the caller's person when an author. */
async function targetOf(db: Executor, actor: Actor, row: Pick<Row, 'id' | 'unitId'>) {
  return { unitId: row.unitId, personId: (await isAuthor(db, actor, row.id)) ? actor.personId : null };
}

async function canRead(db: Executor, actor: Actor, row: Pick<Row, 'id' | 'unitId' | 'createdBy'>): Promise<boolean> {
  if (row.createdBy === actor.userId || can(actor, 'initiative.read', { unitId: row.unitId, personId: null }))
    return true;
  return can(actor, 'initiative.read', await targetOf(db, actor, row));
}

/** 'initiative.write' on it (the office, the unit's officers and head, its authors), or whoever recorded it. */
async function canEdit(db: Executor, actor: Actor, row: Pick<Row, 'id' | 'unitId' | 'createdBy'>): Promise<boolean> {
  if (row.createdBy === actor.userId || writesForUnit(actor, row.unitId)) return true;
  return can(actor, 'initiative.write', await targetOf(db, actor, row));
}

/** Whether the actor writes the unit's initiatives as such, not only those it authors (staff). */
function writesForUnit(actor: Actor, unitId: string): boolean {
  return can(actor, 'initiative.write', { unitId, personId: null });
}

// A co-author who is not of the unit's officers still reads the documents of their initiative.
export const initiativeFileAccess: FileAccessRule = async (tx, actor, file) => {
  const ids = file.attachments
    .filter((a) => a.objectType === INITIATIVE_FILES || a.objectType === RECOGNITION_FILES)
    .map((a) => a.objectId);
  if (!ids.length) return false;
  const rows = await tx
    .select({ id: initiatives.id, unitId: initiatives.unitId, createdBy: initiatives.createdBy })
    .from(initiatives)
    .where(inArray(initiatives.id, ids));
  for (const r of rows) if (await canRead(tx, actor, r)) return true;
  return false;
};

async function findReadable(db: Executor, actor: Actor, id: string, lock = false): Promise<Row> {
  const q = db.select().from(initiatives).where(eq(initiatives.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || !(await canRead(db, actor, row))) throw NotFound('initiative');
  return row;
}

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────

export async function listInitiatives(db: Executor, actor: Actor, query: InitiativeListQuery): Promise<InitiativePage> {
  const { page, pageSize, offset } = pageParams(query);
  const where: (SQL | undefined)[] = [visibleInitiatives(actor), matchesSearch(initiatives.searchKey, query.q)];
  if (query.unitId) where.push(eq(initiatives.unitId, query.unitId));
  if (query.campaignId) where.push(eq(initiatives.campaignId, query.campaignId));
  if (query.year) where.push(eq(initiatives.year, query.year));
  if (query.status) where.push(eq(initiatives.status, query.status));
  if (query.authorPersonId) where.push(authoredBy(query.authorPersonId));
  const cond = and(...where);
  const [rows, [totals]] = await Promise.all([
    joined(db).where(cond).orderBy(desc(initiatives.createdAt), asc(initiatives.id)).limit(pageSize).offset(offset),
    db
      .select({
        total: count(),
        recognised: sql<number>`count(*) filter (where ${initiatives.status} = 'recognised')`.mapWith(Number),
      })
      .from(initiatives)
      .where(cond),
  ]);
  return {
    items: await toInitiatives(db, rows),
    page,
    pageSize,
    total: totals?.total ?? 0,
    recognisedCount: totals?.recognised ?? 0,
  };
}

export async function getInitiative(db: Executor, actor: Actor, id: string): Promise<Initiative> {
  await findReadable(db, actor, id);
  return readInitiative(db, id);
}

/**
 * The measure behind `recognised_initiatives_count`: recognised initiatives entered for this
 * campaign, or entered for none and recognised within its period (startsOn–endsOn). Per unit for
 * collective submissions, per author for individual ones.
 */
export async function recognisedInitiatives(
  db: Executor,
  campaign: Pick<CampaignRow, 'id' | 'startsOn' | 'endsOn'>,
  by: { unitIds?: readonly string[]; personIds?: readonly string[] },
): Promise<{ byUnit: Map<string, string[]>; byPerson: Map<string, string[]> }> {
  const byUnit = new Map<string, string[]>((by.unitIds ?? []).map((u) => [u, []]));
  const byPerson = new Map<string, string[]>((by.personIds ?? []).map((p) => [p, []]));
  const counts = and(
    eq(initiatives.status, 'recognised'),
    or(
      eq(initiatives.campaignId, campaign.id),
      and(isNull(initiatives.campaignId), between(initiatives.decidedOn, campaign.startsOn, campaign.endsOn)),
    ),
  );
  if (byUnit.size) {
    const rows = await db
      .select({ id: initiatives.id, unitId: initiatives.unitId })
      .from(initiatives)
      .where(and(counts, inArray(initiatives.unitId, [...byUnit.keys()])))
      .orderBy(asc(initiatives.decidedOn), asc(initiatives.id));
    for (const r of rows) byUnit.get(r.unitId)!.push(r.id);
  }
  if (byPerson.size) {
    const rows = await db
      .select({ id: initiatives.id, personId: initiativeAuthors.personId })
      .from(initiatives)
      .innerJoin(initiativeAuthors, eq(initiativeAuthors.initiativeId, initiatives.id))
      .where(and(counts, inArray(initiativeAuthors.personId, [...byPerson.keys()])))
      .orderBy(asc(initiatives.decidedOn), asc(initiatives.id));
    for (const r of rows) byPerson.get(r.personId)!.push(r.id);
  }
  return { byUnit, byPerson };
}

// ── Writes ────────────────────────────────────────────────────────────────────────────────────

/** The unit an initiative is recorded for: any unit for the office, else one of the caller's own. */
async function resolveUnit(
  tx: Tx,
  actor: Actor,
  requested: string | undefined,
): Promise<{ unitId: string; asStaffOnly: boolean }> {
  // A person records, as an author, for the unit of their staff record.
  const personUnits: string[] = [];
  if (actor.personId) {
    const [p] = await tx.select({ unitId: people.unitId }).from(people).where(eq(people.id, actor.personId));
    if (p && can(actor, 'initiative.write', { unitId: p.unitId, personId: actor.personId })) personUnits.push(p.unitId);
  }
  const mine = [...new Set([...ownUnitsFor(actor, 'initiative.write'), ...personUnits])];
  const office = ['any', 'authority'].includes(scopeOf(actor, 'initiative.write') ?? '');
  let unitId: string;
  if (requested !== undefined) {
    const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, requested));
    if (!u) throw Invalid([{ field: '/unitId', code: 'initiative.unit_not_found' }], 'initiative.unit_not_found');
    if (!writesForUnit(actor, requested) && !personUnits.includes(requested)) throw Forbidden('initiative.other_unit');
    unitId = requested;
  } else if (mine.length === 1 && !office) {
    unitId = mine[0]!;
  } else {
    throw Invalid([{ field: '/unitId', code: 'initiative.unit_required' }], 'initiative.unit_required');
  }
  return { unitId, asStaffOnly: !writesForUnit(actor, unitId) };
}

async function assertAuthors(tx: Tx, unitId: string, personIds: readonly string[]): Promise<void> {
  const rows = await tx
    .select({ id: people.id, unitId: people.unitId })
    .from(people)
    .where(inArray(people.id, [...personIds]));
  const unitOf = new Map(rows.map((r) => [r.id, r.unitId]));
  const errors: FieldProblem[] = [];
  personIds.forEach((id, i) => {
    if (unitOf.get(id) !== unitId)
      errors.push({ field: `/authorPersonIds/${i}`, code: 'initiative.author_not_in_unit' });
  });
  if (errors.length) throw Invalid(errors, 'initiative.author_not_in_unit');
}

async function setAuthors(tx: Tx, initiativeId: string, personIds: readonly string[]): Promise<void> {
  await tx.delete(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, initiativeId));
  await tx
    .insert(initiativeAuthors)
    .values(personIds.map((personId, position) => ({ initiativeId, personId, position })));
}

async function campaignFor(tx: Tx, actor: Actor, campaignId: string | null | undefined): Promise<CampaignRow | null> {
  if (!campaignId) return null;
  try {
    return await findVisibleCampaignRow(tx, actor, campaignId);
  } catch (err) {
    if (err instanceof DomainError && err.status === 404)
      throw Invalid([{ field: '/campaignId', code: 'initiative.campaign_not_found' }], 'initiative.campaign_not_found');
    throw err;
  }
}

function initiativeKey(i: { title: string; summary?: string | null }, unit: { code: string; name: string }): string {
  return searchKey(`${i.title} ${unit.name} ${unit.code}`);
}

export async function createInitiative(db: Db, ctx: ActorCtx, body: CreateInitiativeBody): Promise<Initiative> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { unitId, asStaffOnly } = await resolveUnit(tx, actor, body.unitId);
    if (asStaffOnly && (!actor.personId || !body.authorPersonIds.includes(actor.personId))) {
      throw Invalid(
        [{ field: '/authorPersonIds', code: 'initiative.author_self_required' }],
        'initiative.author_self_required',
      );
    }
    await assertAuthors(tx, unitId, body.authorPersonIds);
    const campaign = await campaignFor(tx, actor, body.campaignId);
    const [unit] = await tx.select().from(units).where(eq(units.id, unitId));
    const id = newId('in');
    await tx.insert(initiatives).values({
      id,
      unitId,
      campaignId: campaign?.id ?? null,
      year: body.year ?? (campaign ? yearOf(campaign.startsOn) : null),
      title: body.title,
      summary: body.summary ?? '',
      createdBy: actor.userId,
      searchKey: initiativeKey(body, unit!),
    });
    await setAuthors(tx, id, body.authorPersonIds);
    if (body.fileIds?.length)
      await setFileAttachments(tx, actor, {
        objectType: INITIATIVE_FILES,
        objectId: id,
        fileIds: body.fileIds,
        unitId,
        field: '/fileIds',
      });
    const after = await readInitiative(tx, id);
    await recordAudit(tx, ctx, { action: 'initiative.create', objectType: 'initiative', objectId: id, after });
    return after;
  });
}

export async function updateInitiative(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateInitiativeBody,
): Promise<Initiative> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const before = await findReadable(tx, actor, id, true);
    if (!(await canEdit(tx, actor, before))) throw Forbidden('initiative.not_author');
    if (before.version !== expectedVersion) throw PreconditionFailed();
    if (before.status !== 'registered') throw Conflict('initiative.not_editable');
    if (body.authorPersonIds) {
      await assertAuthors(tx, before.unitId, body.authorPersonIds);
      // A staff member editing as an author cannot write themselves out of their own initiative.
      const asStaffOnly = !writesForUnit(actor, before.unitId);
      if (asStaffOnly && (!actor.personId || !body.authorPersonIds.includes(actor.personId))) {
        throw Invalid(
          [{ field: '/authorPersonIds', code: 'initiative.author_self_required' }],
          'initiative.author_self_required',
        );
      }
    }
    const campaign = body.campaignId !== undefined ? await campaignFor(tx, actor, body.campaignId) : undefined;
    const beforeDto = await readInitiative(tx, id);
    const [unit] = await tx.select().from(units).where(eq(units.id, before.unitId));
    const { fileIds, authorPersonIds, campaignId: _campaignId, ...fields } = body;
    const merged = { ...before, ...fields };
    const [row] = await tx
      .update(initiatives)
      .set({
        ...fields,
        ...(campaign !== undefined ? { campaignId: campaign?.id ?? null } : {}),
        searchKey: initiativeKey(merged, unit!),
        updatedAt: new Date(),
        version: sql`${initiatives.version} + 1`,
      })
      .where(
        and(eq(initiatives.id, id), eq(initiatives.version, expectedVersion), eq(initiatives.status, 'registered')),
      )
      .returning({ id: initiatives.id });
    if (!row) throw PreconditionFailed();
    if (authorPersonIds) await setAuthors(tx, id, authorPersonIds);
    if (fileIds)
      await setFileAttachments(tx, actor, {
        objectType: INITIATIVE_FILES,
        objectId: id,
        fileIds,
        unitId: before.unitId,
        field: '/fileIds',
      });
    const after = await readInitiative(tx, id);
    await recordAudit(tx, ctx, {
      action: 'initiative.update',
      objectType: 'initiative',
      objectId: id,
      before: beforeDto,
      after,
    });
    return after;
  });
}

/** registered → recognised, once; the decision file is an authority file. */
export async function recogniseInitiative(
  db: Db,
  ctx: ActorCtx,
  id: string,
  body: RecogniseInitiativeBody,
): Promise<Initiative> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await findReadable(tx, actor, id);
    assertCan(actor, 'initiative.recognise', { unitId: row.unitId });
    assertNotOwnUnit(actor, row.unitId);
    await moveState(tx, ctx, {
      resource: 'initiative',
      table: initiatives,
      transitions: INITIATIVE_TRANSITIONS,
      action: 'recognise',
      id,
      changes: async () => {
        if (body.fileId)
          await setFileAttachments(tx, actor, {
            objectType: RECOGNITION_FILES,
            objectId: id,
            fileIds: [body.fileId],
            unitId: null,
            field: '/fileId',
          });
        return {
          recognitionAuthority: body.authority.trim(),
          decisionNumber: body.decisionNumber.trim(),
          decidedOn: body.decidedOn,
          recognisedAt: new Date(),
          recognisedBy: actor.userId,
        };
      },
      audit: { before: () => readInitiative(tx, id), after: () => readInitiative(tx, id) },
    });
    return readInitiative(tx, id);
  });
}
