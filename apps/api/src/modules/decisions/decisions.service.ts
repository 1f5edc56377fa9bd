/**
 * Award decisions: the office drafts one from the approved dossiers of a campaign at its authority
 * (subject, legal grounds, recipients prefilled; the dossiers point at the draft), the leader
 * issues it — after the posting period and with every objection answered, or earlier with a
 * recorded reason — taking the number from the authority's 'QĐ' register for the year, writing
 * one award per dossier with its bonus (coefficient × base salary in force on the decision date,
 * rounded up to the authority's step) and moving each dossier approved → awarded, all in one
 * transaction. The DOCX follows Decree 30; the signed scan is attached afterwards.
 */
import { eq } from 'drizzle-orm';
import {
  DECISION_TRANSITIONS,
  DOSSIER_TRANSITIONS,
  type CreateDecisionBody,
  type Decision,
  type DecisionListQuery,
  type DecisionPage,
  type Dossier,
  type IssueDecisionBody,
  type SignedFileBody,
  type UpdateDecisionBody,
} from '@thidua/contract';
import { awards, decisions, dossiers } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, can, reachOf, unitWithin } from '../../lib/access.ts';
import type { FileAccessRule } from '../../lib/api-module.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { moveState } from '../../lib/lifecycle.ts';
import { formatDocumentNumber, nextNumber } from '../../lib/registers.ts';
import { recordAudit } from '../audit/index.ts';
import { awardSettingsOf, baseSalaryOn, bonusAmount } from '../award-types/index.ts';
import { findCampaignRow, findVisibleCampaignRow, todayInVietnam, type CampaignRow } from '../campaigns/index.ts';
import { loadDossiers } from '../dossiers/index.ts';
import { setFileAttachments, toFileInfo } from '../files/index.ts';
import { buildDecisionDocx, decisionSubject } from './decision-docx.ts';
import {
  approvedUndecided,
  approvingMeetingsOf,
  coefficientsOf,
  decisionHeads,
  decisionsPage,
  dossierIdsOfDecision,
  dossierRows,
  fileRow,
  findDecision,
  insertDecision,
  latestPosting,
  minutesOf,
  objectionCounts,
  openObjectionsOf,
  postingsOfCampaign,
  setDossiersDecision,
  unitName,
  updateDecisionAtVersion,
  type DecisionRow,
} from './decisions.repository.ts';
import { authorityFor, isOpen } from './postings.service.ts';

/** file_attachments.objectType of a decision's signed scan. */
export const DECISION_FILES = 'decision';

const dmy = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
};

// ── Reading ────────────────────────────────────────────────────────────────────────────────────

async function toDecisions(db: Executor, ids: readonly string[]): Promise<Decision[]> {
  const heads = await decisionHeads(db, ids);
  const byId = new Map(heads.map((h) => [h.decision.id, h]));
  const out: Decision[] = [];
  for (const id of ids) {
    const h = byId.get(id);
    if (!h) continue;
    const d = h.decision;
    const dossierList = await loadDossiers(db, await dossierIdsOfDecision(db, d.id));
    const settings = await awardSettingsOf(db, d.authorityUnitId);
    const issued = d.status === 'issued';
    const salaryDate = d.decidedOn ?? todayInVietnam();
    const baseSalary = issued ? d.baseSalary : ((await baseSalaryOn(db, salaryDate))?.amount ?? null);
    const roundingStep = issued ? (d.roundingStep ?? settings.bonusRoundingStep) : settings.bonusRoundingStep;
    const coefficients = await coefficientsOf(
      db,
      dossierList.map((x) => x.awardTypeId),
    );
    const awardees = dossierList.map((dossier) => {
      const coefficient = coefficients.get(dossier.awardTypeId) ?? 0;
      return {
        dossier,
        coefficient,
        amount: baseSalary === null ? null : bonusAmount(coefficient, baseSalary, roundingStep),
      };
    });
    const posting = await latestPosting(db, d.campaignId, d.authorityUnitId);
    const counts = posting ? await objectionCounts(db, [posting.id]) : new Map();
    const file = d.signedFileId ? await fileRow(db, d.signedFileId) : null;
    out.push({
      id: d.id,
      campaignId: d.campaignId,
      campaignTitle: h.campaignTitle,
      authorityUnitId: d.authorityUnitId,
      authorityName: h.authorityName,
      status: d.status as Decision['status'],
      subject: d.subject,
      grounds: d.grounds,
      recipients: d.recipients,
      fundSource: d.fundSource,
      number: d.number,
      decidedOn: d.decidedOn,
      signingCapacity: d.signingCapacity as Decision['signingCapacity'],
      signerName: d.signerName,
      earlyIssueReason: d.earlyIssueReason,
      awardees,
      baseSalary,
      roundingStep,
      total: baseSalary === null ? null : awardees.reduce((s, a) => s + (a.amount ?? 0), 0),
      posting: posting
        ? {
            id: posting.id,
            startsOn: posting.startsOn,
            endsOn: posting.endsOn,
            open: isOpen(posting),
            openObjectionCount: counts.get(posting.id)?.open ?? 0,
          }
        : null,
      signedFile: file ? toFileInfo(file, true) : null,
      issuedAt: d.issuedAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
      version: d.version,
    });
  }
  return out;
}

async function readDecision(db: Executor, id: string): Promise<Decision> {
  const [d] = await toDecisions(db, [id]);
  if (!d) throw NotFound('decision');
  return d;
}

/** The decision if the actor may read it (decision.read at its authority); 404 otherwise. */
async function readable(db: Executor, actor: Actor, id: string, lock = false): Promise<DecisionRow> {
  const row = await findDecision(db, id, lock);
  if (!row || !can(actor, 'decision.read', { unitId: row.authorityUnitId })) throw NotFound('decision');
  return row;
}

export async function listDecisions(db: Executor, actor: Actor, query: DecisionListQuery): Promise<DecisionPage> {
  const { page, pageSize, offset } = pageParams(query);
  const { ids, total } = await decisionsPage(
    db,
    [
      unitWithin(reachOf(actor, 'decision.read'), decisions.authorityUnitId),
      query.campaignId ? eq(decisions.campaignId, query.campaignId) : undefined,
      query.status ? eq(decisions.status, query.status) : undefined,
    ],
    { limit: pageSize, offset },
  );
  return { items: await toDecisions(db, ids), page, pageSize, total };
}

export async function getDecision(db: Executor, actor: Actor, id: string): Promise<Decision> {
  await readable(db, actor, id);
  return readDecision(db, id);
}

// ── Drafting ───────────────────────────────────────────────────────────────────────────────────

/** The prefilled legal grounds (căn cứ), each ending with ";" and the last with ".". */
async function defaultGrounds(
  tx: Executor,
  campaign: CampaignRow,
  authorityUnitId: string,
  list: Dossier[],
): Promise<string[]> {
  const planAuthority = (await unitName(tx, campaign.authorityUnitId)) ?? '';
  const planDate = campaign.issuedOn ? ` ngày ${dmy(campaign.issuedOn)}` : '';
  const lines = [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
    // A plan whose number is still blank ("/KH-UBND") keeps room for it, as the plan itself prints it.
    `Căn cứ Kế hoạch số ${campaign.number.startsWith('/') ? `      ${campaign.number}` : campaign.number}${planDate} của ${planAuthority} về ${campaign.title};`,
  ];
  const byUnit = new Map<string, string[]>();
  for (const d of list) {
    const receipts = byUnit.get(d.unitName) ?? [];
    if (d.receiptNumber) receipts.push(d.receiptNumber);
    byUnit.set(d.unitName, receipts);
  }
  for (const [unit, receipts] of byUnit)
    lines.push(
      `Xét Tờ trình đề nghị khen thưởng của ${unit}${receipts.length ? ` (hồ sơ tiếp nhận số ${receipts.join(', ')})` : ''};`,
    );
  for (const m of await minutesOf(tx, campaign.id, authorityUnitId))
    if (m.number)
      lines.push(
        `Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng số ${m.number} ngày ${dmy(todayInVietnam(m.heldAt))};`,
      );
  return endGrounds(lines);
}

/** The last ground ends with "."; the others with ";". */
function endGrounds(lines: string[]): string[] {
  const trimmed = lines.map((l) => l.trim()).filter(Boolean);
  return trimmed.map((l, i) => {
    const bare = l.replace(/[;.,]+$/u, '');
    return i === trimmed.length - 1 ? `${bare}.` : `${bare};`;
  });
}

/**
 * Points the dossiers at the decision: each must be approved, of the campaign and authority, and
 * in no other decision (400 naming the first that is not).
 */
async function claimDossiers(
  tx: Tx,
  decision: { id: string; campaignId: string; authorityUnitId: string },
  ids: readonly string[],
): Promise<void> {
  const rows = await dossierRows(tx, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bad = ids.findIndex((id) => {
    const r = byId.get(id);
    return (
      !r ||
      r.campaignId !== decision.campaignId ||
      r.authorityUnitId !== decision.authorityUnitId ||
      r.status !== 'approved' ||
      (r.decisionId !== null && r.decisionId !== decision.id)
    );
  });
  if (bad >= 0)
    throw Invalid(
      [{ field: `/dossierIds/${bad}`, code: 'decision.dossier_not_eligible' }],
      'decision.dossier_not_eligible',
    );
  await setDossiersDecision(tx, ids, decision.id);
}

export async function createDecision(
  db: Db,
  ctx: ActorCtx,
  campaignId: string,
  body: CreateDecisionBody,
): Promise<Decision> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, actor, campaignId);
    const authorityUnitId = await authorityFor(tx, actor, campaign, body.authorityUnitId, 'decision.draft');
    const ids = body.dossierIds ?? (await approvedUndecided(tx, campaign.id, authorityUnitId));
    if (!ids.length) throw Conflict('decision.nothing_approved');
    const list = await loadDossiers(tx, ids);
    const authorityName = (await unitName(tx, authorityUnitId)) ?? '';
    const id = newId('qd');
    await insertDecision(tx, {
      id,
      campaignId: campaign.id,
      authorityUnitId,
      subject: decisionSubject(
        list.map((d) => d.awardTypeName),
        list.map((d) => d.nomineeKind),
        campaign.title,
      ),
      grounds: await defaultGrounds(tx, campaign, authorityUnitId, list),
      recipients: ['Như Điều 3;', 'Lưu: VT, NV.'],
      fundSource: `Quỹ Thi đua, khen thưởng của ${authorityName}`,
      createdBy: actor.userId,
    });
    await claimDossiers(tx, { id, campaignId: campaign.id, authorityUnitId }, ids);
    const after = await readDecision(tx, id);
    await recordAudit(tx, ctx, {
      action: 'decision.create',
      objectType: 'decision',
      objectId: id,
      after: { ...after, awardees: after.awardees.map((a) => a.dossier.id) },
    });
    return after;
  });
}

const auditShape = (d: Decision) => ({ ...d, awardees: d.awardees.map((a) => a.dossier.id) });

export async function updateDecision(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateDecisionBody,
): Promise<Decision> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await readable(tx, actor, id, true);
    assertCan(actor, 'decision.draft', { unitId: row.authorityUnitId });
    if (row.version !== expectedVersion) throw PreconditionFailed();
    if (row.status !== 'draft') throw Conflict('decision.not_draft');
    const before = await readDecision(tx, id);
    const { dossierIds, grounds, recipients, ...fields } = body;
    // The prefilled subject follows the awardees ("cá nhân" → "các tập thể, cá nhân"); one written by hand stays.
    const prefilled = (list: { awardTypeName: string; nomineeKind: Dossier['nomineeKind'] }[]) =>
      decisionSubject(
        list.map((x) => x.awardTypeName),
        list.map((x) => x.nomineeKind),
        before.campaignTitle,
      );
    const subject =
      dossierIds && fields.subject === undefined && before.subject === prefilled(before.awardees.map((a) => a.dossier))
        ? prefilled(await loadDossiers(tx, dossierIds))
        : undefined;
    const ok = await updateDecisionAtVersion(tx, id, expectedVersion, {
      ...fields,
      ...(subject ? { subject } : {}),
      ...(grounds ? { grounds: endGrounds(grounds) } : {}),
      ...(recipients ? { recipients: recipients.map((r) => r.trim()).filter(Boolean) } : {}),
    });
    if (!ok) throw PreconditionFailed();
    if (dossierIds) {
      const current = await dossierIdsOfDecision(tx, id);
      await setDossiersDecision(
        tx,
        current.filter((x) => !dossierIds.includes(x)),
        null,
      );
      await claimDossiers(tx, row, dossierIds);
    }
    const after = await readDecision(tx, id);
    await recordAudit(tx, ctx, {
      action: 'decision.update',
      objectType: 'decision',
      objectId: id,
      before: auditShape(before),
      after: auditShape(after),
    });
    return after;
  });
}

// ── Issuing ────────────────────────────────────────────────────────────────────────────────────

export async function issueDecision(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: IssueDecisionBody,
): Promise<Decision> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await readable(tx, actor, id);
    assertCan(actor, 'decision.issue', { unitId: row.authorityUnitId }, 'decision');
    const reason = body.earlyIssueReason?.trim() || null;
    const { decidedOn } = body;
    const before = auditShape(await readDecision(tx, id));
    await moveState(tx, ctx, {
      resource: 'decision',
      table: decisions,
      transitions: DECISION_TRANSITIONS,
      action: 'issue',
      id,
      guard: async (locked) => {
        if (locked.version !== expectedVersion) throw PreconditionFailed();
      },
      changes: async (locked) => {
        const ids = await dossierIdsOfDecision(tx, id);
        if (!ids.length) throw Conflict('decision.no_awardees');
        // A decision cannot be dated before the council meeting whose minutes it cites.
        const [meeting] = await approvingMeetingsOf(tx, ids);
        const meetingDay = meeting ? todayInVietnam(meeting.heldAt) : null;
        if (meetingDay && decidedOn < meetingDay)
          throw Conflict('decision.before_council_meeting', { date: dmy(meetingDay), decidedOn: dmy(decidedOn) });
        // The posting: every dossier listed publicly, and the period over — unless the leader records why not.
        const postings = await postingsOfCampaign(tx, locked.campaignId);
        const atAuthority = postings.filter((p) => p.authorityUnitId === locked.authorityUnitId);
        const covering = atAuthority.filter((p) => p.dossierIds.some((d) => ids.includes(d)));
        const posted = new Set(covering.flatMap((p) => p.dossierIds));
        if (!reason) {
          if (ids.some((d) => !posted.has(d))) throw Conflict('decision.no_posting');
          const today = todayInVietnam();
          const lastEnd = covering
            .map((p) => p.endsOn)
            .sort()
            .at(-1)!;
          if (lastEnd >= decidedOn || lastEnd >= today)
            throw Conflict('decision.posting_open', { endsOn: dmy(lastEnd) });
        }
        const open = await openObjectionsOf(tx, locked.campaignId, locked.authorityUnitId);
        if (open > 0) throw Conflict('decision.objections_open', { count: open });
        const salary = await baseSalaryOn(tx, decidedOn);
        if (!salary) throw Conflict('decision.no_base_salary', { date: dmy(decidedOn) });

        const settings = await awardSettingsOf(tx, locked.authorityUnitId);
        const registerNumber = await nextNumber(tx, locked.authorityUnitId, Number(decidedOn.slice(0, 4)), 'QĐ');
        const number = formatDocumentNumber(registerNumber, 'QĐ', settings.issuerCode);
        const list = await loadDossiers(tx, ids);
        const coefficients = await coefficientsOf(
          tx,
          list.map((d) => d.awardTypeId),
        );
        for (const d of list) {
          await moveState(tx, ctx, {
            resource: 'dossier',
            table: dossiers,
            transitions: DOSSIER_TRANSITIONS,
            action: 'award',
            id: d.id,
            guard: (r) => {
              if (r.decisionId !== id) throw Conflict('decision.dossier_not_eligible');
            },
            changes: () => ({ decisionId: id }),
          });
          const coefficient = coefficients.get(d.awardTypeId) ?? 0;
          await tx.insert(awards).values({
            id: newId('aw'),
            decisionId: id,
            dossierId: d.id,
            campaignId: d.campaignId,
            awardTypeId: d.awardTypeId,
            issuerUnitId: locked.authorityUnitId,
            unitId: d.unitId,
            personId: d.personId,
            recipientName: d.nomineeName,
            decisionNumber: number,
            decidedOn,
            coefficient: String(coefficient),
            baseSalary: salary.amount,
            amount: bonusAmount(coefficient, salary.amount, settings.bonusRoundingStep),
          });
        }
        return {
          registerNumber,
          number,
          decidedOn,
          signerName: body.signerName.trim(),
          signingCapacity: body.signingCapacity,
          baseSalary: salary.amount,
          roundingStep: settings.bonusRoundingStep,
          earlyIssueReason: reason,
          issuedAt: new Date(),
          issuedBy: actor.userId,
        };
      },
      audit: { before: () => before, after: async () => auditShape(await readDecision(tx, id)) },
    });
    return readDecision(tx, id);
  });
}

/** The signed scan of an issued decision (an authority file the leader uploaded). */
export async function attachSignedFile(db: Db, ctx: ActorCtx, id: string, body: SignedFileBody): Promise<Decision> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await readable(tx, actor, id, true);
    assertCan(actor, 'decision.issue', { unitId: row.authorityUnitId }, 'decision');
    if (row.status !== 'issued') throw Conflict('decision.not_issued');
    await setFileAttachments(tx, actor, {
      objectType: DECISION_FILES,
      objectId: id,
      fileIds: [body.fileId],
      unitId: null,
      field: '/fileId',
    });
    await updateDecisionAtVersion(tx, id, row.version, { signedFileId: body.fileId });
    await recordAudit(tx, ctx, {
      action: 'decision.signed_file',
      objectType: 'decision',
      objectId: id,
      before: { signedFileId: row.signedFileId },
      after: { signedFileId: body.fileId },
    });
    return readDecision(tx, id);
  });
}

/** Whoever reads the decision reads its signed scan. */
export const decisionFileAccess: FileAccessRule = async (tx, actor, file) => {
  for (const a of file.attachments) {
    if (a.objectType !== DECISION_FILES) continue;
    const row = await findDecision(tx, a.objectId);
    if (row && can(actor, 'decision.read', { unitId: row.authorityUnitId })) return true;
  }
  return false;
};

// ── The document ───────────────────────────────────────────────────────────────────────────────

export async function decisionDocx(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<{ content: Buffer; filename: string }> {
  await readable(db, actor, id);
  const decision = await readDecision(db, id);
  const settings = await awardSettingsOf(db, decision.authorityUnitId);
  const campaign = await findCampaignRow(db, decision.campaignId);
  const heading =
    campaign && campaign.authorityUnitId === decision.authorityUnitId && campaign.authorityHeading
      ? campaign.authorityHeading
      : decision.authorityName.replace(/^UBND\b/u, 'ỦY BAN NHÂN DÂN');
  const content = await buildDecisionDocx({
    decision,
    authorityLines: heading
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    grantorTitle: settings.grantorTitle,
    issuerCode: settings.issuerCode,
    place: settings.place || campaign?.place || null,
  });
  const name = decision.number ? decision.number.replace(/\//g, '-') : 'du-thao';
  return { content, filename: `Quyet-dinh-khen-thuong-${name}.docx` };
}
