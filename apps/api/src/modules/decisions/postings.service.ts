/**
 * Public posting (niêm yết công khai): the office publishes the approved list of a campaign at its
 * authority for the authority's number of working days (weekends and public holidays excluded);
 * anyone may object, without signing in, until the period ends; the office answers each objection.
 * An unanswered objection blocks the decision (decisions.service.ts).
 */
import type {
  AnswerObjectionBody,
  CreateObjectionBody,
  CreatePostingBody,
  Objection,
  ObjectionList,
  ObjectionReceipt,
  Posting,
  PostingList,
  PublicPosting,
} from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, can, reachOf, reachesUnit } from '../../lib/access.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, Invalid, NotFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { endOfWorkingDays, workingDaysBetween } from '../../lib/working-days.ts';
import { recordAudit } from '../audit/index.ts';
import { awardSettingsOf, holidaysBetween } from '../award-types/index.ts';
import {
  addDays,
  findVisibleCampaignRow,
  todayInVietnam,
  visibleCampaignRow,
  type CampaignRow,
} from '../campaigns/index.ts';
import { loadDossiers } from '../dossiers/index.ts';
import {
  approvedUndecided,
  findObjection,
  findPosting,
  insertObjection,
  insertPosting,
  latestPosting,
  objectionCounts,
  objectionWithAnswerer,
  objectionsOfPosting,
  postingsOfCampaign,
  unitName,
  updateObjection,
  type ObjectionRow,
  type PostingRow,
} from './decisions.repository.ts';

/** Working days from `today` to `endsOn`, both counted (0 once the period has ended). */
export async function daysLeftOf(db: Executor, endsOn: string, today = todayInVietnam()): Promise<number> {
  if (today > endsOn) return 0;
  return workingDaysBetween(addDays(today, -1), endsOn, await holidaysBetween(db, today, endsOn));
}

export const isOpen = (p: Pick<PostingRow, 'endsOn'>, today = todayInVietnam()) => today <= p.endsOn;

async function toPostings(db: Executor, rows: PostingRow[]): Promise<Posting[]> {
  const counts = await objectionCounts(
    db,
    rows.map((r) => r.id),
  );
  const out: Posting[] = [];
  for (const r of rows) {
    const c = counts.get(r.id) ?? { total: 0, open: 0 };
    out.push({
      id: r.id,
      campaignId: r.campaignId,
      authorityUnitId: r.authorityUnitId,
      authorityName: (await unitName(db, r.authorityUnitId)) ?? '',
      dossierIds: r.dossierIds,
      dossiers: await loadDossiers(db, r.dossierIds),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      workingDays: r.workingDays,
      daysLeft: await daysLeftOf(db, r.endsOn),
      open: isOpen(r),
      objectionCount: c.total,
      openObjectionCount: c.open,
      publishedAt: r.publishedAt.toISOString(),
      version: r.version,
    });
  }
  return out;
}

/**
 * The authority a campaign's posting or decision is made at: the one named (a higher authority
 * deciding on dossiers forwarded to it), else the campaign's. The actor must hold `permission` there;
 * otherwise the campaign stays unknown (404).
 */
export async function authorityFor(
  db: Executor,
  actor: Actor,
  campaign: CampaignRow,
  requested: string | undefined,
  permission: 'posting.manage' | 'decision.draft',
): Promise<string> {
  const authorityUnitId = requested ?? campaign.authorityUnitId;
  if (requested && !(await unitName(db, requested)))
    throw Invalid([{ field: '/authorityUnitId', code: 'posting.authority_not_found' }], 'posting.authority_not_found');
  assertCan(actor, permission, { unitId: authorityUnitId }, 'campaign');
  return authorityUnitId;
}

export async function publishPosting(
  db: Db,
  ctx: ActorCtx,
  campaignId: string,
  body: CreatePostingBody,
): Promise<Posting> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, actor, campaignId);
    const authorityUnitId = await authorityFor(tx, actor, campaign, body.authorityUnitId, 'posting.manage');
    const dossierIds = await approvedUndecided(tx, campaign.id, authorityUnitId);
    if (!dossierIds.length) throw Conflict('posting.nothing_approved');
    const settings = await awardSettingsOf(tx, authorityUnitId);
    const startsOn = body.startsOn ?? todayInVietnam();
    // Generous horizon for the holidays: a period never spans more than thrice its working days plus Tết.
    const horizon = addDays(startsOn, settings.postingWorkingDays * 3 + 30);
    const endsOn = endOfWorkingDays(
      startsOn,
      settings.postingWorkingDays,
      await holidaysBetween(tx, startsOn, horizon),
    );
    const id = newId('po');
    await insertPosting(tx, {
      id,
      campaignId: campaign.id,
      authorityUnitId,
      dossierIds,
      startsOn,
      endsOn,
      workingDays: settings.postingWorkingDays,
      publishedBy: actor.userId,
    });
    const [after] = await toPostings(tx, [(await findPosting(tx, id))!]);
    await recordAudit(tx, ctx, {
      action: 'posting.publish',
      objectType: 'posting',
      objectId: id,
      after: { campaignId: campaign.id, authorityUnitId, dossierIds, startsOn, endsOn },
    });
    return after!;
  });
}

/** The campaign's postings at the authorities the reader reaches, newest first. */
export async function listPostings(db: Executor, actor: Actor, campaignId: string): Promise<PostingList> {
  await findVisibleCampaignRow(db, actor, campaignId);
  const reach = reachOf(actor, 'decision.read');
  const rows = (await postingsOfCampaign(db, campaignId)).filter((r) => reachesUnit(reach, r.authorityUnitId));
  return { items: await toPostings(db, rows) };
}

// ── Public ─────────────────────────────────────────────────────────────────────────────────────

/** The current (latest) posting of a published campaign, as the public sees it. */
export async function publicPosting(db: Executor, campaignId: string): Promise<PublicPosting> {
  const campaign = await visibleCampaignRow(db, null, campaignId);
  if (!campaign) throw NotFound('campaign');
  const posting = await latestPosting(db, campaignId);
  if (!posting) throw NotFound('posting');
  const dossiers = await loadDossiers(db, posting.dossierIds);
  return {
    id: posting.id,
    campaignId,
    campaignTitle: campaign.title,
    authorityName: (await unitName(db, posting.authorityUnitId)) ?? '',
    startsOn: posting.startsOn,
    endsOn: posting.endsOn,
    workingDays: posting.workingDays,
    daysLeft: await daysLeftOf(db, posting.endsOn),
    open: isOpen(posting),
    nominees: dossiers.map((d) => ({
      dossierId: d.id,
      nomineeKind: d.nomineeKind,
      nomineeName: d.nomineeName,
      unitName: d.unitName,
      awardTypeName: d.awardTypeName,
      achievement: d.achievement,
    })),
  };
}

/** Somebody's objection, without sign-in: only while the posting is open, about a nominee on it. */
export async function createObjection(db: Db, postingId: string, body: CreateObjectionBody): Promise<ObjectionReceipt> {
  const posting = await findPosting(db, postingId);
  if (!posting || !(await visibleCampaignRow(db, null, posting.campaignId))) throw NotFound('posting');
  if (!isOpen(posting)) throw Conflict('posting.closed', { endsOn: posting.endsOn });
  const dossierId = body.dossierId ?? null;
  if (dossierId && !posting.dossierIds.includes(dossierId))
    throw Invalid([{ field: '/dossierId', code: 'objection.dossier_not_posted' }], 'objection.dossier_not_posted');
  const row = await insertObjection(db, {
    id: newId('ob'),
    postingId,
    dossierId,
    name: body.name.trim(),
    contact: body.contact.trim(),
    content: body.content.trim(),
  });
  return { id: row.id, receivedAt: row.createdAt.toISOString() };
}

// ── The office's answers ───────────────────────────────────────────────────────────────────────

async function toObjection(
  db: Executor,
  r: { objection: ObjectionRow; answeredByName: string | null },
): Promise<Objection> {
  const o = r.objection;
  const nominee = o.dossierId ? (await loadDossiers(db, [o.dossierId]))[0] : undefined;
  return {
    id: o.id,
    postingId: o.postingId,
    dossierId: o.dossierId,
    nomineeName: nominee?.nomineeName ?? null,
    name: o.name,
    contact: o.contact,
    content: o.content,
    status: o.status as Objection['status'],
    answer: o.answer,
    answeredAt: o.answeredAt?.toISOString() ?? null,
    answeredByName: r.answeredByName,
    createdAt: o.createdAt.toISOString(),
    version: o.version,
  };
}

async function managedPosting(db: Executor, actor: Actor, postingId: string): Promise<PostingRow> {
  const posting = await findPosting(db, postingId);
  if (!posting || !can(actor, 'posting.manage', { unitId: posting.authorityUnitId })) throw NotFound('posting');
  return posting;
}

export async function listObjections(db: Executor, actor: Actor, postingId: string): Promise<ObjectionList> {
  await managedPosting(db, actor, postingId);
  const rows = await objectionsOfPosting(db, postingId);
  const items: Objection[] = [];
  for (const r of rows) items.push(await toObjection(db, r));
  return { items };
}

/** Records (or corrects) the office's answer; the objection no longer blocks the decision. */
export async function answerObjection(
  db: Db,
  ctx: ActorCtx,
  objectionId: string,
  body: AnswerObjectionBody,
): Promise<Objection> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await findObjection(tx, objectionId, true);
    if (!row) throw NotFound('objection');
    const posting = await findPosting(tx, row.postingId);
    if (!posting || !can(actor, 'posting.manage', { unitId: posting.authorityUnitId })) throw NotFound('objection');
    const answer = body.answer.trim();
    if (!answer) throw Invalid([{ field: '/answer', code: 'validation.failed' }]);
    await updateObjection(tx, objectionId, {
      status: 'answered',
      answer,
      answeredBy: actor.userId,
      answeredAt: new Date(),
    });
    const after = await toObjection(tx, (await objectionWithAnswerer(tx, objectionId))!);
    await recordAudit(tx, ctx, {
      action: 'objection.answer',
      objectType: 'objection',
      objectId: objectionId,
      before: { status: row.status, answer: row.answer },
      after: { status: after.status, answer: after.answer },
    });
    return after;
  });
}
