/**
 * The initiatives register: a unit (its officer or head) or a staff member records an initiative
 * with its authors and documents; the standing office records its recognition by an authority
 * (decision number, date, file), after which it is frozen. Who may do each is the permission
 * table's answer on the initiative's unit (and, for a staff member, whether they are an author):
 * unit roles see their own unit's initiatives, a staff member those they author, the office and
 * leaders those of their authority's units; anything else answers 404. Recognised initiatives
 * are the live measure of the derived criterion "recognised_initiatives_count".
 */
import type {
  CreateInitiativeBody,
  Initiative,
  InitiativeListQuery,
  InitiativePage,
  RecogniseInitiativeBody,
  UpdateInitiativeBody,
} from '@thidua/contract';
import { initiatives } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { INITIATIVE_TRANSITIONS, ownUnitsFor, scopeOf } from '@thidua/contract';
import type { ActorCtx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, assertNotOwnUnit, can, reachOf } from '../../lib/access.ts';
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
import { searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import type { FileAccessRule } from '../../lib/api-module.ts';
import { findVisibleCampaignRow, type CampaignRow, yearOf } from '../campaigns/index.ts';
import { filesAttachedTo, setFileAttachments } from '../files/index.ts';
import { toAuthorsByInitiative, toInitiative } from './initiatives.mapper.ts';
import {
  authorRowsOf,
  findAuthorship,
  findInitiativeRow,
  findInitiativesPage,
  findJoinedInitiative,
  findPersonUnit,
  findUnitRow,
  initiativeOwners,
  insertInitiative,
  recognisedOfAuthors,
  recognisedOfUnits,
  replaceAuthors,
  unitsOfPeople,
  updateRegisteredAtVersion,
  type InitiativeRow,
  type JoinedInitiativeRow,
} from './initiatives.repository.ts';

/** file_attachments.objectType of the unit's documents and of the recognition decision. */
export const INITIATIVE_FILES = 'initiative';
export const RECOGNITION_FILES = 'initiative_recognition';

/** The initiatives with their authors, documents and recognition decision. */
async function toInitiatives(db: Executor, rows: JoinedInitiativeRow[]): Promise<Initiative[]> {
  const ids = rows.map((r) => r.initiative.id);
  const [authorRows, files, decisions] = await Promise.all([
    authorRowsOf(db, ids),
    filesAttachedTo(db, INITIATIVE_FILES, ids),
    filesAttachedTo(db, RECOGNITION_FILES, ids),
  ]);
  const authors = toAuthorsByInitiative(authorRows);
  return rows.map((r) => {
    const id = r.initiative.id;
    return toInitiative(r, authors.get(id) ?? [], files.get(id) ?? [], decisions.get(id)?.[0] ?? null);
  });
}

async function readInitiative(db: Executor, id: string): Promise<Initiative> {
  const row = await findJoinedInitiative(db, id);
  if (!row) throw NotFound('initiative');
  return (await toInitiatives(db, [row]))[0]!;
}

// ── Scope ─────────────────────────────────────────────────────────────────────────────────────

async function isAuthor(db: Executor, actor: Actor, initiativeId: string): Promise<boolean> {
  if (!actor.personId) return false;
  return Boolean(await findAuthorship(db, initiativeId, actor.personId));
}

/** The initiative as the permission table sees it: its unit, and the caller's person when an author. */
async function targetOf(db: Executor, actor: Actor, row: Pick<InitiativeRow, 'id' | 'unitId'>) {
  return { unitId: row.unitId, personId: (await isAuthor(db, actor, row.id)) ? actor.personId : null };
}

async function canRead(
  db: Executor,
  actor: Actor,
  row: Pick<InitiativeRow, 'id' | 'unitId' | 'createdBy'>,
): Promise<boolean> {
  if (row.createdBy === actor.userId || can(actor, 'initiative.read', { unitId: row.unitId, personId: null }))
    return true;
  return can(actor, 'initiative.read', await targetOf(db, actor, row));
}

/** 'initiative.write' on it (the office, the unit's officers and head, its authors), or whoever recorded it. */
async function canEdit(
  db: Executor,
  actor: Actor,
  row: Pick<InitiativeRow, 'id' | 'unitId' | 'createdBy'>,
): Promise<boolean> {
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
  const rows = await initiativeOwners(tx, ids);
  for (const r of rows) if (await canRead(tx, actor, r)) return true;
  return false;
};

async function findReadable(db: Executor, actor: Actor, id: string, lock = false): Promise<InitiativeRow> {
  const row = await findInitiativeRow(db, id, lock);
  if (!row || !(await canRead(db, actor, row))) throw NotFound('initiative');
  return row;
}

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The initiatives the actor may see: those of the units 'initiative.read' reaches, those the
 * person authors (own_person), and those the account recorded.
 */
export async function listInitiatives(db: Executor, actor: Actor, query: InitiativeListQuery): Promise<InitiativePage> {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, totals } = await findInitiativesPage(
    db,
    {
      visibleTo: { reach: reachOf(actor, 'initiative.read'), userId: actor.userId },
      q: query.q,
      unitId: query.unitId,
      campaignId: query.campaignId,
      year: query.year,
      status: query.status,
      authorPersonId: query.authorPersonId,
    },
    { limit: pageSize, offset },
  );
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
  if (byUnit.size) {
    const rows = await recognisedOfUnits(db, campaign, [...byUnit.keys()]);
    for (const r of rows) byUnit.get(r.unitId)!.push(r.id);
  }
  if (byPerson.size) {
    const rows = await recognisedOfAuthors(db, campaign, [...byPerson.keys()]);
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
    const p = await findPersonUnit(tx, actor.personId);
    if (p && can(actor, 'initiative.write', { unitId: p.unitId, personId: actor.personId })) personUnits.push(p.unitId);
  }
  const mine = [...new Set([...ownUnitsFor(actor, 'initiative.write'), ...personUnits])];
  const office = ['any', 'authority'].includes(scopeOf(actor, 'initiative.write') ?? '');
  let unitId: string;
  if (requested !== undefined) {
    const u = await findUnitRow(tx, requested);
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
  const rows = await unitsOfPeople(tx, personIds);
  const unitOf = new Map(rows.map((r) => [r.id, r.unitId]));
  const errors: FieldProblem[] = [];
  personIds.forEach((id, i) => {
    if (unitOf.get(id) !== unitId)
      errors.push({ field: `/authorPersonIds/${i}`, code: 'initiative.author_not_in_unit' });
  });
  if (errors.length) throw Invalid(errors, 'initiative.author_not_in_unit');
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
    const unit = await findUnitRow(tx, unitId);
    const id = newId('in');
    await insertInitiative(tx, {
      id,
      unitId,
      campaignId: campaign?.id ?? null,
      year: body.year ?? (campaign ? yearOf(campaign.startsOn) : null),
      title: body.title,
      summary: body.summary ?? '',
      createdBy: actor.userId,
      searchKey: initiativeKey(body, unit!),
    });
    await replaceAuthors(tx, id, body.authorPersonIds);
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
    const unit = await findUnitRow(tx, before.unitId);
    const { fileIds, authorPersonIds, campaignId: _campaignId, ...fields } = body;
    const merged = { ...before, ...fields };
    const row = await updateRegisteredAtVersion(tx, id, expectedVersion, {
      ...fields,
      ...(campaign !== undefined ? { campaignId: campaign?.id ?? null } : {}),
      searchKey: initiativeKey(merged, unit!),
    });
    if (!row) throw PreconditionFailed();
    if (authorPersonIds) await replaceAuthors(tx, id, authorPersonIds);
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
