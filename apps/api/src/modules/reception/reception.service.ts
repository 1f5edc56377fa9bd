/**
 * The reception desk (bộ phận một cửa) of an authority: its queue of submitted dossiers with the
 * working days they have waited, the receipt (a number from the authority's 'TN' register), the
 * completeness checklist, and the return for supplement with reasons, which the unit is told of.
 * The desk acts on the dossiers of the authorities 'dossier.receive' reaches (the dossier's
 * handling authority, not its unit); any other dossier answers 404. State moves go through the
 * lifecycle engine with the contract's DOSSIER_TRANSITIONS.
 *
 * A dossier received, returned and submitted again keeps its first receipt number; the new receipt
 * records its own date and receiver (the contract's reception.ts says so to integrators).
 */
import {
  DOSSIER_TRANSITIONS,
  RECEPTION_CHECKLIST_KEYS,
  RECEPTION_DEFAULT_LIMIT_WORKING_DAYS,
  type Dossier,
  type DossierDocumentKind,
  type ReceiveDossierBody,
  type ReceptionDossier,
  type ReceptionQueueQuery,
  type ReceptionQueuePage,
  type ReturnDossierBody,
  type UpdateChecklistBody,
} from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { dossiers } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { can, reachOf } from '../../lib/access.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, DomainError, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { moveState } from '../../lib/lifecycle.ts';
import { formatDocumentNumber, nextNumber } from '../../lib/registers.ts';
import { workingDaysBetween } from '../../lib/working-days.ts';
import { awardSettingsOf, holidaysBetween } from '../award-types/index.ts';
import { recordAudit } from '../audit/index.ts';
import { addDays, todayInVietnam } from '../campaigns/index.ts';
import { loadDossier, loadDossiers } from '../dossiers/index.ts';
import { notifyUnits } from '../notifications/index.ts';
import { receiptDocx } from './receipt-docx.ts';
import { deskRow, queuePage, updateChecklistAt, userName, type DeskRow } from './reception.repository.ts';

/** The calendar date in Vietnam of a moment given as ISO text. */
const vnDate = (iso: string) => todayInVietnam(new Date(iso));

/** Whether the dossier's last receipt answers its last submission (a resubmitted one waits again). */
function receivedSinceSubmission(d: Pick<Dossier, 'submittedAt' | 'receivedAt' | 'status'>): boolean {
  if (!d.receivedAt || d.status === 'submitted' || d.status === 'returned') return false;
  return !d.submittedAt || d.receivedAt >= d.submittedAt;
}

/** The dossiers with the working days they waited at the desk and have spent since their receipt. */
export async function withWorkingDays(tx: Executor, list: Dossier[], now = new Date()): Promise<ReceptionDossier[]> {
  const today = todayInVietnam(now);
  const starts = list.flatMap((d) => [d.submittedAt, d.receivedAt].filter((x): x is string => !!x).map(vnDate));
  const earliest = starts.sort()[0] ?? today;
  const holidays = await holidaysBetween(tx, earliest < today ? earliest : today, today);
  return list.map((d) => {
    const received = receivedSinceSubmission(d);
    const lastReturn = d.returns.at(-1);
    const end =
      received && d.receivedAt
        ? vnDate(d.receivedAt)
        : d.status === 'returned' && lastReturn
          ? vnDate(lastReturn.returnedAt)
          : today;
    return {
      ...d,
      waitingWorkingDays: d.submittedAt ? workingDaysBetween(vnDate(d.submittedAt), end, holidays) : 0,
      receivedWorkingDays: received && d.receivedAt ? workingDaysBetween(vnDate(d.receivedAt), today, holidays) : null,
    };
  });
}

// ── Scope ─────────────────────────────────────────────────────────────────────────────────────

function atDesk(actor: Actor, row: Pick<DeskRow, 'authorityUnitId'>): boolean {
  return can(actor, 'dossier.receive', { unitId: row.authorityUnitId });
}

/** The dossier if the actor's desk handles it (its authority is within reach); 404 otherwise. */
async function deskDossier(tx: Executor, actor: Actor, id: string, lock = false): Promise<DeskRow> {
  const row = await deskRow(tx, id, lock);
  if (!row || !atDesk(actor, row)) throw NotFound('dossier');
  return row;
}

async function readDesk(tx: Executor, id: string): Promise<ReceptionDossier> {
  const d = await loadDossier(tx, id);
  if (!d) throw NotFound('dossier');
  return (await withWorkingDays(tx, [d]))[0]!;
}

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────

export async function listQueue(db: Executor, actor: Actor, query: ReceptionQueueQuery): Promise<ReceptionQueuePage> {
  const { page, pageSize, offset } = pageParams(query);
  const { ids, total } = await queuePage(
    db,
    {
      reach: reachOf(actor, 'dossier.receive'),
      status: query.status ?? 'submitted',
      campaignId: query.campaignId,
      q: query.q,
    },
    { limit: pageSize, offset },
  );
  return {
    items: await withWorkingDays(db, await loadDossiers(db, ids)),
    page,
    pageSize,
    total,
    limitWorkingDays: RECEPTION_DEFAULT_LIMIT_WORKING_DAYS,
  };
}

export async function getDeskDossier(db: Executor, actor: Actor, id: string): Promise<ReceptionDossier> {
  await deskDossier(db, actor, id);
  return readDesk(db, id);
}

// ── Writes ────────────────────────────────────────────────────────────────────────────────────

/** The checklist items sent, on top of those stored (only the contract's keys; the schema refuses others). */
function mergedChecklist(stored: Record<string, boolean>, sent: Record<string, unknown> | undefined) {
  const out = { ...stored };
  for (const k of RECEPTION_CHECKLIST_KEYS) if (typeof sent?.[k] === 'boolean') out[k] = sent[k] as boolean;
  return out;
}

function incomplete(missing: DossierDocumentKind[]): DomainError {
  return new DomainError(
    422,
    'reception.incomplete',
    { missing: missing.map((k) => `reception.document.${k}`).join(',') },
    missing.map((k) => ({ field: `/documents/${k}`, code: 'reception.document_missing' })),
  );
}

/** Locks the dossier at the actor's desk and checks the version the caller read. */
async function lockedAt(tx: Tx, actor: Actor, id: string, expectedVersion: number): Promise<DeskRow> {
  const row = await deskDossier(tx, actor, id, true);
  if (row.version !== expectedVersion) throw PreconditionFailed();
  return row;
}

/**
 * Receives a submitted dossier: refuses 422 reception.incomplete while a required document is
 * missing; takes the next number of the authority's 'TN' register for the year (unless the dossier
 * already has one from an earlier receipt) and records the date, the receiver and the checklist.
 */
export async function receiveDossier(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: ReceiveDossierBody,
  now = new Date(),
): Promise<ReceptionDossier> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    await lockedAt(tx, actor, id, expectedVersion);
    await moveState(tx, ctx, {
      resource: 'dossier',
      table: dossiers,
      transitions: DOSSIER_TRANSITIONS,
      action: 'receive',
      id,
      guard: async () => {
        const d = await loadDossier(tx, id);
        if (d && d.missingDocuments.length) throw incomplete(d.missingDocuments);
      },
      changes: async (r) => {
        let receiptNumber = r.receiptNumber;
        if (!receiptNumber) {
          const settings = await awardSettingsOf(tx, r.authorityUnitId);
          const year = Number(todayInVietnam(now).slice(0, 4));
          receiptNumber = formatDocumentNumber(
            await nextNumber(tx, r.authorityUnitId, year, 'TN'),
            'TN',
            settings.issuerCode,
          );
        }
        return {
          receiptNumber,
          receivedAt: now,
          receivedBy: actor.userId,
          checklist: mergedChecklist(r.checklist, body.checklist as Record<string, unknown> | undefined),
        };
      },
      audit: {
        after: (r) => ({
          status: r.status,
          version: r.version,
          receiptNumber: r.receiptNumber,
          receivedAt: r.receivedAt?.toISOString() ?? null,
          checklist: r.checklist,
        }),
      },
    });
    return readDesk(tx, id);
  });
}

/** The desk's completeness checklist, while the dossier waits at the desk or once received. */
export async function updateChecklist(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateChecklistBody,
): Promise<ReceptionDossier> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const before = await lockedAt(tx, actor, id, expectedVersion);
    if (before.status !== 'submitted' && before.status !== 'received')
      throw Conflict('reception.checklist_closed', { status: `dossier.status.${before.status}` });
    const checklist = mergedChecklist(before.checklist, body.checklist as Record<string, unknown>);
    const after = await updateChecklistAt(tx, id, before.version, checklist);
    if (!after) throw PreconditionFailed();
    await recordAudit(tx, ctx, {
      action: 'dossier.checklist',
      objectType: 'dossier',
      objectId: id,
      before: { checklist: before.checklist },
      after: { checklist: after.checklist, version: after.version },
    });
    return readDesk(tx, id);
  });
}

/**
 * Returns a submitted or received dossier to its unit for supplement, with the reasons (at least
 * one), kept on the dossier; every account answering for the unit is notified (bell and e-mail).
 */
export async function returnDossier(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: ReturnDossierBody,
  publicUrl: string,
  now = new Date(),
): Promise<ReceptionDossier> {
  const { actor } = ctx;
  const reasons = body.reasons.map((r) => r.trim()).filter(Boolean);
  const note = (body.note ?? '').trim();
  return db.transaction(async (tx) => {
    await lockedAt(tx, actor, id, expectedVersion);
    if (!reasons.length)
      throw Invalid([{ field: '/reasons', code: 'reception.reason_required' }], 'reception.reason_required');
    const after = await moveState(tx, ctx, {
      resource: 'dossier',
      table: dossiers,
      transitions: DOSSIER_TRANSITIONS,
      action: 'return',
      id,
      changes: (r) => ({
        returns: [...r.returns, { reasons, note, returnedAt: now.toISOString(), returnedBy: actor.userId }],
      }),
      audit: { after: (r) => ({ status: r.status, version: r.version, reasons, note }) },
    });
    const d = await readDesk(tx, id);
    await notifyUnits(tx, {
      kind: 'dossier_returned',
      campaignId: after.campaignId,
      reminderId: null,
      unitIds: [after.unitId],
      messageFor: () => ({
        title: `Hồ sơ đề nghị khen thưởng của ${d.nomineeName} được trả lại để bổ sung`,
        body: [
          `Bộ phận tiếp nhận ${d.authorityName} trả lại hồ sơ đề nghị ${d.awardTypeName} cho ${d.nomineeName} (${d.campaignTitle}) để bổ sung:`,
          ...reasons.map((r) => `- ${r}`),
          ...(note ? [note] : []),
          'Đề nghị đơn vị bổ sung, hoàn thiện và nộp lại hồ sơ.',
        ].join('\n'),
        link: `/ho-so/${id}`,
      }),
      publicUrl,
      now,
    });
    return d;
  });
}

// ── The receipt ───────────────────────────────────────────────────────────────────────────────

/**
 * What the receipt prints, for whoever may read the dossier (its unit, the person, the authority's
 * offices) or receives it at the desk; 409 reception.not_received before a receipt.
 */
export async function receiptData(db: Executor, actor: Actor, id: string) {
  const row = await deskRow(db, id);
  const readable =
    row && (atDesk(actor, row) || can(actor, 'dossier.read', { unitId: row.unitId, personId: row.personId }));
  if (!row || !readable) throw NotFound('dossier');
  if (!row.receiptNumber || !row.receivedAt) throw Conflict('reception.not_received');
  const d = (await loadDossier(db, id))!;
  const settings = await awardSettingsOf(db, row.authorityUnitId);
  return { dossier: d, settings, receiverName: (await userName(db, row.receivedBy)) ?? '' };
}

/** The receipt as DOCX (Decree 30 layout), read back by the unit or printed at the desk. */
export async function receiptDocument(db: Executor, actor: Actor, id: string) {
  const { dossier, settings, receiverName } = await receiptData(db, actor, id);
  const receivedOn = vnDate(dossier.receivedAt!);
  // The due date lies within 20 working days: two calendar months hold them even across Tết.
  const holidays = await holidaysBetween(db, receivedOn, addDays(receivedOn, 62));
  return receiptDocx({ dossier, place: settings.place, receiverName, holidays });
}
