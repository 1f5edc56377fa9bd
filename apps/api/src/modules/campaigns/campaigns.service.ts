/**
 * Campaigns: the plan as data and its lifecycle draft → open → closed → finalized → archived.
 * Each lifecycle move checks the actor, then goes through the lifecycle engine (lib/lifecycle.ts),
 * which locks the row, checks the state and this module's conditions (criteria, dates), writes and
 * audits in one transaction (so concurrent duplicates get one success and 409s). Drafts are seen
 * only by the standing office, admins and leaders. Queries live in campaigns.repository.ts, the
 * contract objects are made in campaigns.mapper.ts.
 */
import {
  CAMPAIGN_FIELDS_EDITABLE_WHEN_PUBLISHED,
  CAMPAIGN_TRANSITIONS,
  DEFAULT_REMINDER_DAYS_BEFORE,
  DEFAULT_SCORING_RULES,
  reminderDaysProblems,
  scoringProblems,
  unitGroupProblems,
  type ScoringRules,
  type UnitGroup,
  type Campaign,
  type CampaignAction,
  type CampaignListQuery,
  type CloneCampaignBody,
  type CreateCampaignBody,
  type CreateCriterionBody,
  type PublicCampaignListQuery,
  type TemplateCampaign,
  type UpdateCampaignBody,
  type UnitKind,
} from '@thidua/contract';
import { campaigns } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { ActorCtx, Ctx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, can, reachOf } from '../../lib/access.ts';
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
import { detachFiles, setFileAttachments } from '../files/index.ts';
import { findTemplateDocument } from './templates.service.ts';
import {
  copyCampaignAwardTypes,
  deleteDraftCampaignRow,
  findCampaignJoinedRow,
  findCampaignPage,
  findTopAuthorityId,
  findUnitsByCodes,
  findUnitsByIds,
  findUnitsForGroups,
  findVisibleCampaignIds,
  findVisibleCampaignRow,
  insertCampaignRow,
  replaceCampaignAttachmentRows,
  updateCampaignRow,
  type CampaignRow,
} from './campaigns.repository.ts';
import { countCriteria } from './criteria.repository.ts';
import { copyCriteria, insertCriteria } from './criteria.service.ts';
import { planColumns, toCampaign } from './campaigns.mapper.ts';
import {
  dateProblems,
  daysBetween,
  formatPlanDate,
  isUpcoming,
  retitle,
  shiftDate,
  todayInVietnam,
  yearOf,
  type DateShift,
} from './dates.ts';

async function readCampaign(db: Executor, id: string): Promise<Campaign> {
  const row = await findCampaignJoinedRow(db, id);
  if (!row) throw NotFound('campaign');
  return toCampaign(row);
}

export async function getCampaign(db: Executor, actor: Actor | null, id: string): Promise<Campaign> {
  await findVisibleCampaignRow(db, actor, id);
  return readCampaign(db, id);
}

export async function listCampaigns(
  db: Executor,
  actor: Actor | null,
  query: CampaignListQuery | PublicCampaignListQuery,
) {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findCampaignPage(db, actor, query, { pageSize, offset });
  return { items: rows.map(toCampaign), page, pageSize, total };
}

// ---------------------------------------------------------------------------------------------
// Writing

function campaignKey(number: string, title: string): string {
  return searchKey(`${number} ${title}`);
}

async function unitProblems(db: Executor, unitIds: string[], field: string): Promise<FieldProblem[]> {
  if (!unitIds.length) return [];
  const found = new Set((await findUnitsByIds(db, unitIds)).map((u) => u.id));
  return unitIds.flatMap((id, i) =>
    found.has(id) ? [] : [{ field: `${field}/${i}`, code: 'campaign.unit_not_found' }],
  );
}

/** Scoring fields as checked for a write: the body's, over what the campaign already holds. */
interface ScoringFields {
  scoring?: ScoringRules | undefined;
  unitGroups?: UnitGroup[] | undefined;
  reminderDaysBefore?: number[] | undefined;
}

const prefixed = (prefix: string, list: { field: string; code: string }[]): FieldProblem[] =>
  list.map((p) => ({ field: `${prefix}${p.field}`, code: p.code }));

/**
 * Field problems of the scoring fields given: the contract's rules (bands, tie-break, group codes,
 * reminder days), then the groups' units: each must exist under the issuing authority (outside it:
 * as if absent) and not be archived.
 */
async function scoringFieldProblems(db: Executor, authorityUnitId: string, f: ScoringFields): Promise<FieldProblem[]> {
  const out: FieldProblem[] = [];
  if (f.scoring) out.push(...prefixed('/scoring', scoringProblems(f.scoring)));
  if (f.reminderDaysBefore) out.push(...prefixed('/reminderDaysBefore', reminderDaysProblems(f.reminderDaysBefore)));
  if (f.unitGroups) {
    out.push(...prefixed('/unitGroups', unitGroupProblems(f.unitGroups)));
    const ids = [...new Set(f.unitGroups.flatMap((g) => g.unitIds))];
    const found = new Map((await findUnitsForGroups(db, authorityUnitId, ids)).map((u) => [u.id, u]));
    f.unitGroups.forEach((g, i) =>
      g.unitIds.forEach((id, j) => {
        const unit = found.get(id);
        const field = `/unitGroups/${i}/unitIds/${j}`;
        if (!unit?.underAuthority) out.push({ field, code: 'campaign.group_unit_not_found' });
        else if (unit.archived) out.push({ field, code: 'campaign.group_unit_archived' });
      }),
    );
  }
  return out;
}

/**
 * The issuing authority of a new campaign when the body names none: the authority the author's
 * grant is held at (a commune's office writes for its commune), else the top authority of the tree.
 */
async function defaultAuthority(db: Executor, actor: Actor | null): Promise<string> {
  if (actor) {
    const held = reachOf(actor, 'campaign.author');
    const own = held.all ? undefined : actor.roles.find((g) => g.unitId && held.unitIds.includes(g.unitId));
    if (own?.unitId) return own.unitId;
  }
  const root = await findTopAuthorityId(db);
  if (!root) throw Invalid([{ field: '/authorityUnitId', code: 'campaign.no_authority' }], 'campaign.no_authority');
  return root;
}

/** An issuing authority must exist and be one the author writes for (outside reach: as if absent). */
async function authorityProblems(db: Executor, ctx: Ctx, unitId: string): Promise<FieldProblem[]> {
  const missing = (await unitProblems(db, [unitId], '/authorityUnitId')).length > 0;
  const outside = ctx.actor !== null && !can(ctx.actor, 'campaign.author', { unitId });
  return missing || outside ? [{ field: '/authorityUnitId', code: 'campaign.authority_not_found' }] : [];
}

/** The campaign, read for writing: visible to the actor and issued by an authority it writes for. */
async function findWritableCampaignRow(tx: Tx, actor: Actor, id: string): Promise<CampaignRow> {
  const row = await findVisibleCampaignRow(tx, actor, id);
  assertCan(actor, 'campaign.author', { unitId: row.authorityUnitId });
  return row;
}

/** objectType of a campaign's files in file_attachments. */
export const CAMPAIGN_FILES = 'campaign';

// The signed plan is an authority file: whoever may see the campaign may read it.
export const campaignFileAccess: FileAccessRule = async (tx, actor, file) => {
  const ids = file.attachments.filter((a) => a.objectType === CAMPAIGN_FILES).map((a) => a.objectId);
  if (!ids.length) return false;
  return (await findVisibleCampaignIds(tx, actor, ids)).length > 0;
};

/**
 * Makes the campaign's attachments exactly these files, in this order. They must be authority files
 * the actor can read (checked, and protected from deletion, by the files module).
 */
async function replaceAttachments(tx: Tx, ctx: Ctx, campaignId: string, fileIds: string[]): Promise<void> {
  if (!ctx.actor) throw Forbidden();
  await setFileAttachments(tx, ctx.actor, {
    objectType: CAMPAIGN_FILES,
    objectId: campaignId,
    fileIds,
    unitId: null,
    field: '/attachmentFileIds',
  });
  await replaceCampaignAttachmentRows(tx, campaignId, fileIds);
}

async function unitIdsByCode(db: Executor, codes: string[], field: string): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await findUnitsByCodes(db, codes);
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const unknown = codes.find((c) => !byCode.has(c));
  if (unknown !== undefined)
    throw new DomainError(400, 'template.unit_code_unknown', { code: unknown }, [
      { field, code: 'template.unit_code_unknown' },
    ]);
  return codes.map((c) => byCode.get(c)!);
}

/** A campaign's plan text and dates, resolved from the body over a template (if any). */
interface Resolved {
  values: typeof campaigns.$inferInsert;
  criteria: CreateCriterionBody[];
}

async function resolveCreate(tx: Tx, ctx: Ctx, body: CreateCampaignBody): Promise<Resolved> {
  let tpl: TemplateCampaign | null = null;
  let tplCriteria: CreateCriterionBody[] = [];
  if (body.templateId) {
    const doc = await findTemplateDocument(tx, body.templateId);
    if (!doc) throw Invalid([{ field: '/templateId', code: 'template.not_found' }], 'template.not_found');
    tpl = doc.campaign;
    tplCriteria = doc.criteria;
  }
  // The template's dates move with the new start; its deadlines keep their distance from it.
  const shift: DateShift = { days: tpl?.startsOn ? daysBetween(tpl.startsOn, body.startsOn) : 0 };
  const startsOn = body.startsOn;
  const endsOn = body.endsOn ?? shiftDate(tpl?.endsOn, shift);
  const problems: FieldProblem[] = [];
  const movedDates: [string | null, string | null][] = [
    [tpl?.startsOn ?? null, startsOn],
    [tpl?.endsOn ?? null, endsOn ?? null],
  ];
  const title = body.title ?? (tpl ? retitle(tpl.title, movedDates) : undefined);
  if (!title) problems.push({ field: '/title', code: 'campaign.title_required' });
  if (!endsOn) problems.push({ field: '/endsOn', code: 'campaign.ends_on_required' });
  if (problems.length) throw Invalid(problems);
  const submissionDeadline = body.submissionDeadline ?? shiftDate(tpl?.submissionDeadline, shift) ?? endsOn!;
  const dossierDeadline =
    body.dossierDeadline !== undefined ? body.dossierDeadline : shiftDate(tpl?.dossierDeadline, shift);
  const dates = { startsOn, endsOn: endsOn!, submissionDeadline, dossierDeadline };
  problems.push(...dateProblems(dates));
  const authorityUnitId = body.authorityUnitId ?? (await defaultAuthority(tx, ctx.actor));
  problems.push(...(await authorityProblems(tx, ctx, authorityUnitId)));
  const participants = body.participants ?? {
    kinds: (tpl?.participantKinds ?? []) as UnitKind[],
    unitIds: await unitIdsByCode(tx, tpl?.participantUnitCodes ?? [], '/templateId'),
    individualsTakePart: tpl?.individualsTakePart ?? false,
  };
  if (body.participants) problems.push(...(await unitProblems(tx, participants.unitIds, '/participants/unitIds')));
  // Scoring rules: the body's, else the template's (its groups' units by code), else the defaults.
  // (The template's groups are resolved only when the body does not name its own.)
  const tplGroups = await Promise.all(
    (body.unitGroups ? [] : (tpl?.unitGroups ?? [])).map(async (g) => ({
      code: g.code,
      name: g.name,
      unitIds: await unitIdsByCode(tx, g.unitCodes, '/templateId'),
    })),
  );
  const scoringValues = {
    scoring: body.scoring ?? tpl?.scoring ?? structuredClone(DEFAULT_SCORING_RULES),
    unitGroups: body.unitGroups ?? tplGroups,
    requireSecondReviewer: body.requireSecondReviewer ?? tpl?.requireSecondReviewer ?? false,
    reminderDaysBefore: body.reminderDaysBefore ?? tpl?.reminderDaysBefore ?? [...DEFAULT_REMINDER_DAYS_BEFORE],
    followsDates: body.followsDates ?? tpl?.followsDates ?? true,
  };
  problems.push(...(await scoringFieldProblems(tx, authorityUnitId, scoringValues)));
  if (problems.length) throw Invalid(problems);
  const text = {
    authorityHeading: tpl?.authorityHeading ?? null,
    place: tpl?.place ?? null,
    legalBasis: tpl?.legalBasis ?? '',
    purposes: tpl?.purposes ?? [],
    requirements: tpl?.requirements ?? [],
    participantsText: tpl?.participantsText ?? [],
    contents: tpl?.contents ?? { collective: [], individual: [] },
    awardProvisions: tpl?.awardProvisions ?? [],
    implementation: tpl?.implementation ?? [],
    // The closing paragraph quotes the campaign's dates too ("… từ ngày 01/3/2022 đến 19/5/2022").
    closing: tpl?.closing ? retitle(tpl.closing, movedDates, { bareYear: false }) : '',
    signer: tpl?.signer ?? { onBehalfOf: null, title: '', name: '' },
    recipients: tpl?.recipients ?? [],
  };
  // Dates, participants and the template id were resolved above; the rest of the body overrides the template's text.
  const {
    submissionDeadline: _s,
    dossierDeadline: _d,
    templateId: _t,
    participants: _p,
    attachmentFileIds: _a,
    scoring: _sc,
    unitGroups: _g,
    requireSecondReviewer: _r,
    reminderDaysBefore: _rd,
    followsDates: _f,
    ...bodyText
  } = body;
  const values = {
    ...planColumns({ ...text, ...stripUndefined(bodyText) }),
    ...planColumns({ participants, ...scoringValues }),
    id: newId('cp'),
    number: body.number,
    title: title!,
    authorityUnitId,
    issuedOn: body.issuedOn ?? null,
    ...dates,
    status: 'draft',
    templateId: body.templateId ?? null,
    createdBy: ctx.actor?.userId ?? null,
    searchKey: campaignKey(body.number, title!),
  } as typeof campaigns.$inferInsert;
  return { values, criteria: tplCriteria };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Creates a draft, from a template when `templateId` is given, inside the caller's transaction. */
export async function createCampaignTx(tx: Tx, ctx: Ctx, body: CreateCampaignBody): Promise<Campaign> {
  const { values, criteria: list } = await resolveCreate(tx, ctx, body);
  await insertCampaignRow(tx, values);
  if (body.attachmentFileIds?.length) await replaceAttachments(tx, ctx, values.id, body.attachmentFileIds);
  await insertCriteria(tx, values.id, list);
  const campaign = await readCampaign(tx, values.id);
  await recordAudit(tx, ctx, {
    action: 'campaign.create',
    objectType: 'campaign',
    objectId: campaign.id,
    after: campaign,
  });
  return campaign;
}

export async function createCampaign(db: Db, ctx: Ctx, body: CreateCampaignBody): Promise<Campaign> {
  return db.transaction((tx) => createCampaignTx(tx, ctx, body));
}

export async function updateCampaign(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateCampaignBody,
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const before = await findWritableCampaignRow(tx, ctx.actor, id);
    if (before.version !== expectedVersion) throw PreconditionFailed();
    const given = Object.keys(stripUndefined(body));
    if (before.status === 'finalized' || before.status === 'archived') throw Conflict('campaign.not_editable');
    if (before.status !== 'draft') {
      const frozen = given.filter((k) => !(CAMPAIGN_FIELDS_EDITABLE_WHEN_PUBLISHED as readonly string[]).includes(k));
      if (frozen.length)
        throw new DomainError(
          409,
          'campaign.field_frozen',
          {},
          frozen.map((k) => ({ field: `/${k}`, code: 'campaign.field_frozen' })),
        );
    }
    const startsOn = body.startsOn ?? before.startsOn;
    const endsOn = body.endsOn ?? before.endsOn;
    // A deadline left at its default (the end date) follows the end date when that moves.
    const followsEnd = body.submissionDeadline === undefined && before.submissionDeadline === before.endsOn;
    const submissionDeadline = body.submissionDeadline ?? (followsEnd ? endsOn : before.submissionDeadline);
    const dossierDeadline = body.dossierDeadline !== undefined ? body.dossierDeadline : before.dossierDeadline;
    // A deadline that only followed the end date is not the caller's mistake: the end date's error says it.
    const problems = dateProblems({ startsOn, endsOn, submissionDeadline, dossierDeadline }).filter(
      (p) => !(followsEnd && p.field === '/submissionDeadline'),
    );
    if (body.authorityUnitId) problems.push(...(await authorityProblems(tx, ctx, body.authorityUnitId)));
    if (body.participants)
      problems.push(...(await unitProblems(tx, body.participants.unitIds, '/participants/unitIds')));
    // Groups are checked again when the authority moves: their units must stay under it.
    const unitGroups = body.unitGroups ?? (body.authorityUnitId ? before.unitGroups : undefined);
    const authorityUnitId = body.authorityUnitId ?? before.authorityUnitId;
    problems.push(
      ...(await scoringFieldProblems(tx, authorityUnitId, {
        scoring: body.scoring,
        unitGroups,
        reminderDaysBefore: body.reminderDaysBefore,
      })),
    );
    if (problems.length) throw Invalid(problems);
    const beforeCampaign = await readCampaign(tx, id);
    const number = body.number ?? before.number;
    const title = body.title ?? before.title;
    const row = await updateCampaignRow(tx, id, expectedVersion, {
      ...planColumns(body),
      submissionDeadline,
      searchKey: campaignKey(number, title),
    });
    if (!row) throw PreconditionFailed();
    if (body.attachmentFileIds) await replaceAttachments(tx, ctx, id, body.attachmentFileIds);
    const after = await readCampaign(tx, id);
    await recordAudit(tx, ctx, {
      action: 'campaign.update',
      objectType: 'campaign',
      objectId: id,
      before: beforeCampaign,
      after,
    });
    return after;
  });
}

export async function deleteCampaign(db: Db, ctx: ActorCtx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await findWritableCampaignRow(tx, ctx.actor, id);
    const before = await readCampaign(tx, id);
    if (before.status !== 'draft') throw Conflict('campaign.not_draft');
    // Criteria and attachments go with it (ON DELETE CASCADE); a draft has no enrolments.
    if (!(await deleteDraftCampaignRow(tx, id))) throw Conflict('campaign.not_draft');
    await detachFiles(tx, CAMPAIGN_FILES, id);
    await recordAudit(tx, ctx, { action: 'campaign.delete', objectType: 'campaign', objectId: id, before });
  });
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

/**
 * One lifecycle move on a campaign, inside `tx`. The caller has checked the role; the engine locks
 * the row and checks its state, this adds the conditions of the move (criteria, participants, dates)
 * and the timestamp it sets. `row` names the campaign (it is read again, locked).
 */
export async function applyTransition(
  tx: Tx,
  ctx: Ctx,
  row: Pick<CampaignRow, 'id'>,
  action: CampaignAction,
  today = todayInVietnam(),
): Promise<Campaign> {
  const now = new Date();
  const stamps: Record<CampaignAction, Partial<typeof campaigns.$inferInsert>> = {
    open: { openedAt: now },
    close: { closedAt: now },
    reopen: { closedAt: null },
    finalize: { finalizedAt: now },
    archive: { archivedAt: now },
  };
  await moveState(tx, ctx, {
    resource: 'campaign',
    table: campaigns,
    transitions: CAMPAIGN_TRANSITIONS,
    action,
    id: row.id,
    guard: async (current) => {
      if (action === 'open') {
        if (!(await countCriteria(tx, current.id))) throw Conflict('campaign.no_criteria');
        if (!current.participantKinds.length && !current.participantUnitIds.length && !current.individualsTakePart)
          throw Conflict('campaign.no_participants');
        if (today > current.endsOn) throw Conflict('campaign.already_ended', { endsOn: current.endsOn });
      }
      if (action === 'reopen' && today > current.submissionDeadline)
        throw Conflict('campaign.deadline_passed', { submissionDeadline: current.submissionDeadline });
    },
    changes: () => stamps[action],
  });
  return readCampaign(tx, row.id);
}

export async function transitionCampaign(db: Db, ctx: ActorCtx, id: string, action: CampaignAction): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const row = await findVisibleCampaignRow(tx, ctx.actor, id);
    assertCan(ctx.actor, `campaign.${action}`, { unitId: row.authorityUnitId });
    return applyTransition(tx, ctx, row, action);
  });
}

/**
 * The office lets self-assessments start before the campaign's first day, on purpose (a campaign
 * launched ahead of time whose units are ready). Only while upcoming; a second call changes nothing.
 */
export async function openSelfAssessmentEarly(db: Db, ctx: ActorCtx, id: string): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const row = await findVisibleCampaignRow(tx, ctx.actor, id);
    assertCan(ctx.actor, 'campaign.open', { unitId: row.authorityUnitId });
    if (row.selfAssessmentOpenedEarlyAt) return readCampaign(tx, id);
    if (!isUpcoming(row)) throw Conflict('campaign.not_upcoming', { startsOn: formatPlanDate(row.startsOn) });
    const before = await readCampaign(tx, id);
    const updated = await updateCampaignRow(tx, id, row.version, { selfAssessmentOpenedEarlyAt: new Date() });
    if (!updated) throw Conflict('campaign.not_upcoming', { startsOn: formatPlanDate(row.startsOn) });
    const after = await readCampaign(tx, id);
    await recordAudit(tx, ctx, {
      action: 'campaign.open_self_assessment_early',
      objectType: 'campaign',
      objectId: id,
      before,
      after,
    });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------
// Clone

/** "12/KH-UBND-NV" → "/KH-UBND-NV": the clone keeps the symbol and waits for its own number. */
function blankNumber(number: string): string {
  const slash = number.indexOf('/');
  return slash >= 0 ? number.slice(slash) : number;
}

export async function cloneCampaign(db: Db, ctx: ActorCtx, id: string, body: CloneCampaignBody): Promise<Campaign> {
  if ((body.year === undefined) === (body.shiftDays === undefined)) {
    throw Invalid(
      [{ field: body.year === undefined ? '/year' : '/shiftDays', code: 'campaign.clone_shift_required' }],
      'campaign.clone_shift_required',
    );
  }
  return db.transaction(async (tx) => {
    const source = await findWritableCampaignRow(tx, ctx.actor, id);
    const shift: DateShift =
      body.year !== undefined ? { years: body.year - yearOf(source.startsOn) } : { days: body.shiftDays! };
    const startsOn = shiftDate(source.startsOn, shift);
    const endsOn = shiftDate(source.endsOn, shift);
    const submissionDeadline = shiftDate(source.submissionDeadline, shift);
    const dossierDeadline = shiftDate(source.dossierDeadline, shift);
    const title =
      body.title ??
      retitle(source.title, [
        [source.startsOn, startsOn],
        [source.endsOn, endsOn],
        [source.submissionDeadline, submissionDeadline],
        [source.dossierDeadline, dossierDeadline],
      ]);
    const closing = retitle(
      source.closing,
      [
        [source.startsOn, startsOn],
        [source.endsOn, endsOn],
      ],
      { bareYear: false },
    );
    const number = body.number ?? blankNumber(source.number);
    const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...rest } = source;
    const cloneId = newId('cp');
    await insertCampaignRow(tx, {
      ...rest,
      id: cloneId,
      number,
      title,
      closing,
      status: 'draft',
      issuedOn: null,
      startsOn,
      endsOn,
      submissionDeadline,
      dossierDeadline,
      clonedFromId: source.id,
      createdBy: ctx.actor?.userId ?? null,
      openedAt: null,
      closedAt: null,
      finalizedAt: null,
      archivedAt: null,
      searchKey: campaignKey(number, title),
    });
    // The signed plan belongs to the original: attachments are not copied.
    await copyCriteria(tx, source.id, cloneId);
    // The award types it leads to go with the plan (its `thematic` flag came with the row above).
    await copyCampaignAwardTypes(tx, source.id, cloneId);
    const campaign = await readCampaign(tx, cloneId);
    await recordAudit(tx, ctx, {
      action: 'campaign.clone',
      objectType: 'campaign',
      objectId: cloneId,
      after: { ...campaign, clonedFromId: source.id },
    });
    return campaign;
  });
}
