/**
 * Award dossiers, the unit's side: preparation (nominee, award type, achievement), the three
 * documents (uploaded, or drafted by the system as DOCX), and submission with its refusals. Who may
 * do what is the permission table's answer on the dossier's unit and person: unit roles their
 * unit's, a staff member their own, the authority's offices those of their authority's units;
 * anything else answers 404. Every state move goes through the lifecycle engine (moveState).
 */
import {
  DOSSIER_EDITABLE_STATUSES,
  DOSSIER_TRANSITIONS,
  DRAFTABLE_DOSSIER_DOCUMENTS,
  type CreateDossierBody,
  type Dossier,
  type DossierDocumentKind,
  type DossierListQuery,
  type DossierPage,
  type DraftDossierDocumentBody,
  type SubmissionAnswer,
  type UpdateDossierBody,
} from '@thidua/contract';
import { eq } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { dossiers } from '../../db/schema/index.ts';
import type { FileAccessRule } from '../../lib/api-module.ts';
import type { Actor } from '../../lib/actor.ts';
import { can, reachOf } from '../../lib/access.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, DomainError, Forbidden, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { moveState } from '../../lib/lifecycle.ts';
import { recordAudit } from '../audit/index.ts';
import { awardSettingsOf, awardTypeById, campaignAwardTypeIds, openBlockersOf } from '../award-types/index.ts';
import { findCampaignRow, findVisibleCampaignRow, todayInVietnam, type CampaignRow } from '../campaigns/index.ts';
import { detachFiles, setFileAttachments, storeGeneratedFile } from '../files/index.ts';
import { recognisedInitiatives } from '../initiatives/index.ts';
import { achievementReportDocx, meetingMinutesDocx, proposalLetterDocx, type DraftInput } from './dossiers.drafts.ts';
import { grantPowerOf } from './dossiers.power.ts';
import {
  acceptedSubmissionOf,
  assessmentOf,
  awardOfNominee,
  deleteDocumentRow,
  documentRow,
  dossierOwners,
  findDossierPage,
  lockDossierRow,
  otherLiveDossier,
  personRow,
  touchDossier,
  unitRow,
  upsertDocument,
} from './dossiers.queries.ts';
import { dossierRow, loadDossier, loadDossiers, type DossierRow } from './dossiers.repository.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;

/** file_attachments.objectType of a dossier's document of each kind (objectId: the dossier). */
const documentObjectType = (kind: DossierDocumentKind) => `dossier_${kind}`;
const DOCUMENT_OBJECT_TYPES = new Set(
  (['proposal_letter', 'achievement_report', 'meeting_minutes', 'initiative'] as const).map(documentObjectType),
);

// ── Scope ─────────────────────────────────────────────────────────────────────────────────────

const targetOf = (row: Pick<DossierRow, 'unitId' | 'personId'>) => ({ unitId: row.unitId, personId: row.personId });

function canRead(actor: Actor, row: Pick<DossierRow, 'unitId' | 'personId'>): boolean {
  return can(actor, 'dossier.read', targetOf(row));
}

/** Whoever may read the dossier may read its documents (the desk, the council, the leader within the authority). */
export const dossierFileAccess: FileAccessRule = async (tx, actor, file) => {
  const ids = file.attachments.filter((a) => DOCUMENT_OBJECT_TYPES.has(a.objectType)).map((a) => a.objectId);
  if (!ids.length) return false;
  return (await dossierOwners(tx, ids)).some((r) => canRead(actor, r));
};

async function readable(tx: Executor, actor: Actor, id: string, lock = false): Promise<DossierRow> {
  const row = lock ? await lockDossierRow(tx, id) : await dossierRow(tx, id);
  if (!row || !canRead(actor, row)) throw NotFound('dossier');
  return row;
}

/** The dossier locked for a change by the unit: 'dossier.write' on it, and a draft or returned one. */
async function writable(tx: Tx, actor: Actor, id: string): Promise<DossierRow> {
  const row = await readable(tx, actor, id, true);
  if (!can(actor, 'dossier.write', targetOf(row))) throw Forbidden('dossier.other_unit');
  if (!DOSSIER_EDITABLE_STATUSES.includes(row.status as Dossier['status']))
    throw Conflict('dossier.not_editable', { status: `dossier.status.${row.status}` });
  return row;
}

async function read(tx: Executor, id: string): Promise<Dossier> {
  const d = await loadDossier(tx, id);
  if (!d) throw NotFound('dossier');
  return d;
}

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────

export async function listDossiers(
  db: Executor,
  actor: Actor,
  query: DossierListQuery,
  campaignId?: string,
): Promise<DossierPage> {
  if (campaignId) await findVisibleCampaignRow(db, actor, campaignId);
  const { page, pageSize, offset } = pageParams(query);
  const { ids, total } = await findDossierPage(
    db,
    reachOf(actor, 'dossier.read'),
    {
      campaignId: campaignId ?? query.campaignId,
      status: query.status,
      unitId: query.unitId,
      personId: query.personId,
    },
    { limit: pageSize, offset },
  );
  return { items: await loadDossiers(db, ids), page, pageSize, total };
}

export async function getDossier(db: Executor, actor: Actor, id: string): Promise<Dossier> {
  await readable(db, actor, id);
  return read(db, id);
}

// ── Preparation ───────────────────────────────────────────────────────────────────────────────

function unprocessable(code: string, params: Record<string, string | number> = {}, field?: string): DomainError {
  return new DomainError(422, code, params, field ? [{ field, code }] : []);
}

/** The campaign is closed and its dossier deadline (a date in Vietnam) not passed. */
function assertCampaignTakesDossiers(campaign: CampaignRow): void {
  if (campaign.status !== 'closed') throw Conflict('dossier.campaign_not_closed');
  if (campaign.dossierDeadline && todayInVietnam() > campaign.dossierDeadline) {
    const [y, m, d] = campaign.dossierDeadline.split('-');
    throw Conflict('dossier.deadline_passed', { deadline: `${d}/${m}/${y}` });
  }
}

/** The award type is one the campaign leads to, and fits the nominee (individual / collective). */
async function assertAwardType(tx: Executor, campaignId: string, awardTypeId: string, personId: string | null) {
  const type = await awardTypeById(tx, awardTypeId);
  if (!type) throw unprocessable('dossier.award_type_not_found', {}, '/awardTypeId');
  if (!(await campaignAwardTypeIds(tx, campaignId)).includes(awardTypeId))
    throw unprocessable('dossier.award_type_not_in_campaign', {}, '/awardTypeId');
  const wanted = personId ? 'individual' : 'collective';
  if (type.recipientKind !== wanted) throw unprocessable('dossier.award_type_mismatch', {}, '/awardTypeId');
  return type;
}

export async function createDossier(
  db: Db,
  ctx: ActorCtx,
  campaignId: string,
  body: CreateDossierBody,
): Promise<Dossier> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, actor, campaignId);
    const unit = await unitRow(tx, body.unitId);
    if (!unit) throw unprocessable('dossier.unit_not_found', {}, '/unitId');
    let personId: string | null = null;
    if (body.nomineeKind === 'person') {
      if (!body.personId) throw unprocessable('dossier.person_required', {}, '/personId');
      const person = await personRow(tx, body.personId);
      if (!person || person.unitId !== unit.id) throw unprocessable('dossier.person_not_in_unit', {}, '/personId');
      personId = person.id;
    }
    const nominee = { campaignId, unitId: unit.id, personId };
    if (!can(actor, 'dossier.write', { unitId: unit.id, personId })) throw Forbidden('dossier.other_unit');
    await assertAwardType(tx, campaignId, body.awardTypeId, personId);
    assertCampaignTakesDossiers(campaign);
    if (await otherLiveDossier(tx, nominee)) throw Conflict('dossier.duplicate_achievement');
    const id = newId('ds');
    await tx.insert(dossiers).values({
      id,
      campaignId,
      authorityUnitId: campaign.authorityUnitId,
      nomineeKind: body.nomineeKind,
      unitId: unit.id,
      personId,
      awardTypeId: body.awardTypeId,
      submissionId: await acceptedSubmissionOf(tx, nominee),
      achievement: body.achievement.trim(),
      status: 'draft',
      createdBy: actor.userId,
    });
    const after = await read(tx, id);
    await recordAudit(tx, ctx, { action: 'dossier.create', objectType: 'dossier', objectId: id, after });
    return after;
  });
}

export async function updateDossier(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateDossierBody,
): Promise<Dossier> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await writable(tx, actor, id);
    if (row.version !== expectedVersion) throw PreconditionFailed();
    if (body.awardTypeId !== undefined) await assertAwardType(tx, row.campaignId, body.awardTypeId, row.personId);
    const before = await read(tx, id);
    await touchDossier(tx, id, {
      ...(body.awardTypeId !== undefined ? { awardTypeId: body.awardTypeId } : {}),
      ...(body.achievement !== undefined ? { achievement: body.achievement.trim() } : {}),
    });
    const after = await read(tx, id);
    await recordAudit(tx, ctx, { action: 'dossier.update', objectType: 'dossier', objectId: id, before, after });
    return after;
  });
}

export async function deleteDossier(db: Db, ctx: ActorCtx, id: string): Promise<void> {
  const { actor } = ctx;
  await db.transaction(async (tx) => {
    const row = await readable(tx, actor, id, true);
    if (!can(actor, 'dossier.write', targetOf(row))) throw Forbidden('dossier.other_unit');
    if (row.status !== 'draft') throw Conflict('dossier.not_deletable');
    const before = await read(tx, id);
    for (const d of before.documents) await detachFiles(tx, documentObjectType(d.kind), id);
    await tx.delete(dossiers).where(eq(dossiers.id, id));
    await recordAudit(tx, ctx, { action: 'dossier.delete', objectType: 'dossier', objectId: id, before });
  });
}

// ── Documents ─────────────────────────────────────────────────────────────────────────────────

/** A document of the unit: a file uploaded first (POST /files), of the dossier's unit (and person). */
export async function putDocument(
  db: Db,
  ctx: ActorCtx,
  id: string,
  kind: DossierDocumentKind,
  fileId: string,
): Promise<Dossier> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await writable(tx, actor, id);
    return attachDocument(tx, ctx, row, kind, fileId, 'uploaded');
  });
}

/**
 * Puts a file (uploaded, or drafted by the system) in the dossier as its document of `kind`,
 * replacing the one there, and audits it as dossier.document.upload / .draft.
 */
async function attachDocument(
  tx: Tx,
  ctx: ActorCtx,
  row: DossierRow,
  kind: DossierDocumentKind,
  fileId: string,
  source: 'uploaded' | 'drafted',
): Promise<Dossier> {
  const { actor } = ctx;
  await setFileAttachments(tx, actor, {
    objectType: documentObjectType(kind),
    objectId: row.id,
    fileIds: [fileId],
    unitId: row.unitId,
    personId: row.personId,
    field: '/fileId',
  });
  await upsertDocument(tx, { dossierId: row.id, kind, fileId, source, addedBy: actor.userId });
  await touchDossier(tx, row.id);
  const after = await read(tx, row.id);
  await recordAudit(tx, ctx, {
    action: source === 'uploaded' ? 'dossier.document.upload' : 'dossier.document.draft',
    objectType: 'dossier',
    objectId: row.id,
    after: { kind, fileId, version: after.version },
  });
  return after;
}

export async function deleteDocument(db: Db, ctx: ActorCtx, id: string, kind: DossierDocumentKind): Promise<Dossier> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    await writable(tx, actor, id);
    const doc = await documentRow(tx, id, kind);
    if (!doc) throw new DomainError(404, 'dossier.document_not_found');
    await detachFiles(tx, documentObjectType(kind), id);
    await deleteDocumentRow(tx, id, kind);
    await touchDossier(tx, id);
    const after = await read(tx, id);
    await recordAudit(tx, ctx, {
      action: 'dossier.document.delete',
      objectType: 'dossier',
      objectId: id,
      before: { kind, fileId: doc.fileId, source: doc.source },
      after: { version: after.version },
    });
    return after;
  });
}

function answerText(a: SubmissionAnswer): string {
  const ans = a.answer;
  if (!ans) return '';
  if (a.kind === 'boolean') return ans.value === true ? 'Có' : ans.value === false ? 'Không' : '';
  if (a.kind === 'ratio') {
    if (ans.numerator == null || ans.denominator == null) return '';
    const pct = ans.denominator ? Math.round((ans.numerator / ans.denominator) * 1000) / 10 : 0;
    return `${ans.numerator}/${ans.denominator} (${String(pct).replace('.', ',')} %)`;
  }
  if (a.kind === 'text') return ans.text ?? '';
  return ans.value == null ? '' : String(ans.value);
}

async function draftInput(tx: Executor, dossier: Dossier): Promise<DraftInput> {
  const campaign = (await findCampaignRow(tx, dossier.campaignId))!;
  const settings = await awardSettingsOf(tx, dossier.authorityUnitId);
  const type = await awardTypeById(tx, dossier.awardTypeId);
  let assessment: DraftInput['assessment'] = null;
  if (dossier.submissionId) {
    const { answers, reviews, positions } = await assessmentOf(tx, dossier.submissionId);
    const byCriterion = new Map(reviews.map((r) => [r.criterionId, r]));
    const sorted = [...answers].sort(
      (a, b) => (positions.get(a.criterionId) ?? 0) - (positions.get(b.criterionId) ?? 0),
    );
    assessment = {
      criteria: sorted.map((a) => {
        const r = byCriterion.get(a.criterionId);
        return {
          code: a.code,
          title: a.title,
          answer: answerText(a),
          verdict: (r?.verdict as 'met' | 'not_met' | undefined) ?? null,
          score: r?.score ?? null,
          maxScore: a.maxScore,
        };
      }),
      evidence: sorted.flatMap((a) => a.files.map((f) => `${a.code}: ${f.name}`)),
    };
  }
  const unitLines =
    dossier.unitId === dossier.authorityUnitId ? [dossier.unitName] : [dossier.authorityName, dossier.unitName];
  return {
    dossier,
    campaign: {
      number: campaign.number,
      title: campaign.title,
      issuedOn: campaign.issuedOn,
      authorityName: dossier.authorityName,
    },
    unitLines,
    grantorTitle: settings.grantorTitle,
    place: settings.place,
    year: Number(todayInVietnam().slice(0, 4)),
    assessment,
    individual: (type?.recipientKind ?? (dossier.personId ? 'individual' : 'collective')) === 'individual',
  };
}

const DRAFT_NAMES: Record<string, string> = {
  proposal_letter: 'Tờ trình đề nghị khen thưởng',
  achievement_report: 'Báo cáo thành tích',
  meeting_minutes: 'Biên bản họp xét',
};

/** The system drafts the document from the dossier's data, stores it as a DOCX file and makes it the dossier's. */
export async function draftDocument(
  db: Db,
  ctx: ActorCtx,
  config: object,
  id: string,
  kind: DossierDocumentKind,
  body: DraftDossierDocumentBody,
): Promise<Dossier> {
  const { actor } = ctx;
  if (!DRAFTABLE_DOSSIER_DOCUMENTS.includes(kind)) throw unprocessable('dossier.not_draftable');
  return db.transaction(async (tx) => {
    const row = await writable(tx, actor, id);
    const input = await draftInput(tx, await read(tx, id));
    const content =
      kind === 'proposal_letter'
        ? await proposalLetterDocx(input)
        : kind === 'achievement_report'
          ? await achievementReportDocx(input)
          : await meetingMinutesDocx(input, body);
    const file = await storeGeneratedFile(tx, ctx, config, {
      name: `${DRAFT_NAMES[kind]} - ${input.dossier.nomineeName}.docx`,
      mediaType: DOCX,
      content,
      unitId: row.unitId,
      personId: row.personId,
    });
    return attachDocument(tx, ctx, row, kind, file.id, 'drafted');
  });
}

// ── Submit ────────────────────────────────────────────────────────────────────────────────────

/**
 * 409 dossier.nominee_blocked while the nominee (the unit, or the person) has an open blocker:
 * no award and no proposal upward. The blocker's kind and reason also travel as a field error.
 */
export async function assertNomineeNotBlocked(
  tx: Executor,
  nominee: { unitId: string; personId: string | null },
): Promise<void> {
  const [blocker] = await openBlockersOf(tx, { unitId: nominee.unitId, personId: nominee.personId });
  if (blocker)
    throw new DomainError(
      409,
      'dossier.nominee_blocked',
      { kind: `dossier.blocker.${blocker.kind}`, reason: blocker.reason },
      [{ field: '/nominee', code: `dossier.blocker.${blocker.kind}`, message: blocker.reason }],
    );
}
/** Every condition of a submit, on the locked row (refusals in the order the unit can act on them). */
async function assertSubmittable(tx: Tx, row: DossierRow): Promise<void> {
  const campaign = (await findCampaignRow(tx, row.campaignId))!;
  assertCampaignTakesDossiers(campaign);
  const dossier = await read(tx, row.id);
  if (dossier.missingDocuments.length)
    throw new DomainError(
      422,
      'dossier.missing_documents',
      { documents: dossier.missingDocuments.map((k) => `dossier.document.${k}`).join(',') },
      dossier.missingDocuments.map((k) => ({ field: `/documents/${k}`, code: `dossier.document.${k}` })),
    );
  const type = (await awardTypeById(tx, row.awardTypeId))!;
  if (type.requiresInitiative) {
    const { byUnit, byPerson } = await recognisedInitiatives(
      tx,
      campaign,
      row.personId ? { personIds: [row.personId] } : { unitIds: [row.unitId] },
    );
    const found = row.personId ? byPerson.get(row.personId) : byUnit.get(row.unitId);
    if (!found?.length) throw unprocessable('dossier.initiative_not_recognised');
  }
  const power = await grantPowerOf(tx, row.authorityUnitId, row.awardTypeId, todayInVietnam());
  if (!power.inPower && !power.upward)
    throw unprocessable('dossier.award_not_in_power', {
      awardType: type.name,
      legalReference: power.legalReferences.join('; ') || '—',
      levels: power.levels.map((l) => `dossier.level.${l}`).join(','),
    });
  await assertNomineeNotBlocked(tx, row);
  const nominee = { campaignId: row.campaignId, unitId: row.unitId, personId: row.personId };
  const related = [row.id, row.forwardedFromId, row.forwardedToId].filter((x): x is string => Boolean(x));
  if ((await otherLiveDossier(tx, nominee, related)) || (await awardOfNominee(tx, nominee)))
    throw Conflict('dossier.duplicate_achievement');
}

export async function submitDossier(db: Db, ctx: ActorCtx, id: string): Promise<Dossier> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await readable(tx, actor, id);
    if (!can(actor, 'dossier.submit', targetOf(row))) throw Forbidden('dossier.submit_forbidden');
    await moveState(tx, ctx, {
      resource: 'dossier',
      table: dossiers,
      transitions: DOSSIER_TRANSITIONS,
      action: 'submit',
      id,
      guard: (locked) => assertSubmittable(tx, locked),
      changes: () => ({ submittedAt: new Date(), submittedBy: actor.userId }),
    });
    return read(tx, id);
  });
}
