/**
 * The council and its vote (AWARDS.md "The council and its vote"). A council belongs to an
 * authority for a term; the standing office keeps its members and holds its meetings. A meeting on a
 * campaign takes attendance and a list of received dossiers (which go to `in_review`); opening the
 * vote freezes the quorum and threshold of the authority's settings and refuses without a quorum;
 * votes are recorded by the secretary (or cast by a member), a present member or an absent one in
 * writing, once per proposal; a secret ballot keeps the choice without the voter and, apart, who has
 * voted without the choice. Closing tallies each proposal against ALL voting members (not those
 * present), approves or rejects its dossier and numbers the minutes from the authority's 'BB'
 * register. Who may read is 'council.read' on the council's authority; anything else answers 404.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import {
  DOSSIER_DOCUMENT_KINDS,
  DOSSIER_TRANSITIONS,
  asFraction,
  councilRoleVotes,
  quorumRequired,
  votesNeeded,
  type AttendanceBody,
  type Council,
  type CouncilListQuery,
  type CouncilMeeting,
  type CouncilMembersBody,
  type CouncilPage,
  type CouncilRole,
  type CreateCouncilBody,
  type CreateMeetingBody,
  type Dossier,
  type DossierDecisionBody,
  type MeetingSummaryList,
  type MeetingVote,
  type MyCouncilMeetingList,
  type MyVoteBody,
  type ProposalsBody,
  type RecordVoteBody,
  type UpdateCouncilBody,
  type VoteChoice,
} from '@thidua/contract';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { councilMeetings, councils, dossiers, units } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import type { FileAccessRule } from '../../lib/api-module.ts';
import { assertCan, can, reachOf, scopeOf, unitWithin } from '../../lib/access.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, DomainError, Forbidden, NotFound, PreconditionFailed, type FieldProblem } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { moveState, type Transitions } from '../../lib/lifecycle.ts';
import { formatDocumentNumber, nextNumber } from '../../lib/registers.ts';
import { folded, matchesSearch } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import { awardSettingsOf, awardTypesByIds } from '../award-types/index.ts';
import { todayInVietnam } from '../campaigns/index.ts';
import { dossierRow, loadDossier, loadDossiers } from '../dossiers/index.ts';
import {
  attendanceOf,
  ballotsOf,
  campaignRow,
  dossierStates,
  dossiersBeforeVoter,
  findCouncil,
  findCouncilsPage,
  findMeeting,
  hasMeetingVoting,
  hasVoted,
  insertBallotCast,
  insertVote,
  meetingsOfCouncil,
  meetingsOfVoter,
  membersOf,
  onOtherOpenMeeting,
  openMeetingOfDossier,
  peopleByIds,
  proposalsOf,
  replaceMembers,
  replaceProposals,
  setProposalTally,
  unitNames,
  upsertAttendance,
  votesOf,
  type CouncilRow,
  type MeetingRow,
  type MemberRow,
} from './councils.repository.ts';

const Unprocessable = (code: string, params: Record<string, string | number> = {}, errors: FieldProblem[] = []) =>
  new DomainError(422, code, params, errors);

export const MEETING_TRANSITIONS: Transitions<'open_voting' | 'close', 'planned' | 'voting' | 'closed'> = {
  open_voting: { from: ['planned'], to: 'voting' },
  close: { from: ['voting'], to: 'closed' },
};

// ── Councils ──────────────────────────────────────────────────────────────────────────────────

function toMembers(rows: MemberRow[]) {
  return rows.map((m) => ({
    personId: m.personId,
    fullName: m.fullName,
    position: m.personPosition,
    unitName: m.unitName,
    role: m.role as CouncilRole,
    votes: councilRoleVotes(m.role as CouncilRole),
  }));
}

async function toCouncils(tx: Executor, rows: CouncilRow[]): Promise<Council[]> {
  const [members, names] = await Promise.all([
    membersOf(
      tx,
      rows.map((r) => r.id),
    ),
    unitNames(tx, [...new Set(rows.map((r) => r.authorityUnitId))]),
  ]);
  return rows.map((r) => {
    const list = toMembers(members.get(r.id) ?? []);
    return {
      id: r.id,
      authorityUnitId: r.authorityUnitId,
      authorityName: names.get(r.authorityUnitId) ?? '',
      name: r.name,
      term: r.term,
      validFrom: r.validFrom,
      validTo: r.validTo,
      members: list,
      votingMembers: list.filter((m) => m.votes).length,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      version: r.version,
    };
  });
}

async function readCouncil(tx: Executor, id: string): Promise<Council> {
  const row = await findCouncil(tx, id);
  if (!row) throw NotFound('council');
  return (await toCouncils(tx, [row]))[0]!;
}

/** The council if the actor may read it (council.read on its authority), else 404. */
async function readableCouncil(tx: Executor, actor: Actor, id: string, lock = false): Promise<CouncilRow> {
  const row = await findCouncil(tx, id, lock);
  if (!row || !can(actor, 'council.read', { unitId: row.authorityUnitId })) throw NotFound('council');
  return row;
}

/** A council the actor manages: 404 when it may not read it, 403 when it reads but may not manage. */
async function managedCouncil(tx: Executor, actor: Actor, id: string, lock = false): Promise<CouncilRow> {
  const row = await readableCouncil(tx, actor, id, lock);
  assertCan(actor, 'council.manage', { unitId: row.authorityUnitId });
  return row;
}

export async function listCouncils(db: Executor, actor: Actor, query: CouncilListQuery): Promise<CouncilPage> {
  const { page, pageSize, offset } = pageParams(query);
  const within = unitWithin(reachOf(actor, 'council.read'), councils.authorityUnitId);
  const conditions = [within, query.authorityUnitId ? eq(councils.authorityUnitId, query.authorityUnitId) : undefined];
  // Diacritics ignored, every word in the name or the term, as every list searches (lib/search.ts).
  conditions.push(matchesSearch(folded(sql`${councils.name} || ' ' || ${councils.term}`), query.q));
  const where = conditions.filter(Boolean).length
    ? sql.join(conditions.filter(Boolean) as never[], sql` and `)
    : undefined;
  const { rows, total } = await findCouncilsPage(db, where, { limit: pageSize, offset });
  return { items: await toCouncils(db, rows), page, pageSize, total };
}

export async function getCouncil(db: Executor, actor: Actor, id: string): Promise<Council> {
  await readableCouncil(db, actor, id);
  return readCouncil(db, id);
}

function assertTerm(validFrom: string, validTo: string | null | undefined): void {
  if (validTo && validTo < validFrom)
    throw Unprocessable('council.dates_order', {}, [{ field: '/validTo', code: 'council.dates_order' }]);
}

export async function createCouncil(db: Db, ctx: ActorCtx, body: CreateCouncilBody): Promise<Council> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.id, body.authorityUnitId));
    if (!unit)
      throw Unprocessable('council.authority_not_found', {}, [
        { field: '/authorityUnitId', code: 'council.authority_not_found' },
      ]);
    assertCan(actor, 'council.manage', { unitId: body.authorityUnitId });
    assertTerm(body.validFrom, body.validTo);
    const id = newId('co');
    await tx.insert(councils).values({
      id,
      authorityUnitId: body.authorityUnitId,
      name: body.name.trim(),
      term: body.term.trim(),
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
    });
    const after = await readCouncil(tx, id);
    await recordAudit(tx, ctx, { action: 'council.create', objectType: 'council', objectId: id, after });
    return after;
  });
}

export async function updateCouncil(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateCouncilBody,
): Promise<Council> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await managedCouncil(tx, actor, id, true);
    if (row.version !== expectedVersion) throw PreconditionFailed();
    assertTerm(body.validFrom ?? row.validFrom, body.validTo === undefined ? row.validTo : body.validTo);
    const before = await readCouncil(tx, id);
    await tx
      .update(councils)
      .set({
        ...(body.name !== undefined ? { name: body.name.trim() } : {}),
        ...(body.term !== undefined ? { term: body.term.trim() } : {}),
        ...(body.validFrom !== undefined ? { validFrom: body.validFrom } : {}),
        ...(body.validTo !== undefined ? { validTo: body.validTo } : {}),
        updatedAt: new Date(),
        version: sql`${councils.version} + 1`,
      })
      .where(eq(councils.id, id));
    const after = await readCouncil(tx, id);
    await recordAudit(tx, ctx, { action: 'council.update', objectType: 'council', objectId: id, before, after });
    return after;
  });
}

export async function setCouncilMembers(db: Db, ctx: ActorCtx, id: string, body: CouncilMembersBody): Promise<Council> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    await managedCouncil(tx, actor, id, true);
    if (await hasMeetingVoting(tx, id)) throw Conflict('council.meeting_in_progress');
    const errors: FieldProblem[] = [];
    const seen = new Set<string>();
    body.forEach((m, i) => {
      if (seen.has(m.personId)) errors.push({ field: `/${i}/personId`, code: 'council.duplicate_member' });
      seen.add(m.personId);
    });
    if (errors.length) throw Unprocessable('council.duplicate_member', {}, errors);
    for (const role of ['chair', 'secretary'] as const) {
      const idx = body.flatMap((m, i) => (m.role === role ? [i] : []));
      if (idx.length > 1)
        throw Unprocessable(
          role === 'chair' ? 'council.one_chair' : 'council.one_secretary',
          {},
          idx.slice(1).map((i) => ({
            field: `/${i}/role`,
            code: role === 'chair' ? 'council.one_chair' : 'council.one_secretary',
          })),
        );
    }
    const found = new Set((await peopleByIds(tx, [...seen])).map((p) => p.id));
    body.forEach((m, i) => {
      if (!found.has(m.personId)) errors.push({ field: `/${i}/personId`, code: 'council.person_not_found' });
    });
    if (errors.length) throw Unprocessable('council.person_not_found', {}, errors);
    const before = await readCouncil(tx, id);
    await replaceMembers(tx, id, body);
    await tx
      .update(councils)
      .set({ updatedAt: new Date(), version: sql`${councils.version} + 1` })
      .where(eq(councils.id, id));
    const after = await readCouncil(tx, id);
    await recordAudit(tx, ctx, {
      action: 'council.members',
      objectType: 'council',
      objectId: id,
      before: before.members.map((m) => ({ personId: m.personId, role: m.role })),
      after: after.members.map((m) => ({ personId: m.personId, role: m.role })),
    });
    return after;
  });
}

// ── Meetings ──────────────────────────────────────────────────────────────────────────────────

export async function listMeetings(db: Executor, actor: Actor, councilId: string): Promise<MeetingSummaryList> {
  await readableCouncil(db, actor, councilId);
  const rows = await meetingsOfCouncil(db, councilId);
  return {
    items: rows.map((r) => ({
      id: r.meeting.id,
      councilId: r.meeting.councilId,
      campaignId: r.meeting.campaignId,
      campaignTitle: r.campaignTitle,
      status: r.meeting.status as CouncilMeeting['status'],
      heldAt: r.meeting.heldAt.toISOString(),
      place: r.meeting.place,
      method: r.meeting.method as CouncilMeeting['method'],
      minutesNumber: r.meeting.minutesNumber,
      proposals: Number(r.proposals),
    })),
  };
}

export async function createMeeting(
  db: Db,
  ctx: ActorCtx,
  councilId: string,
  body: CreateMeetingBody,
): Promise<CouncilMeeting> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const council = await managedCouncil(tx, actor, councilId);
    const campaign = await campaignRow(tx, body.campaignId);
    if (!campaign || campaign.authorityUnitId !== council.authorityUnitId)
      throw Unprocessable('council.campaign_not_found', {}, [
        { field: '/campaignId', code: 'council.campaign_not_found' },
      ]);
    const members = new Set((await membersOf(tx, [councilId])).get(councilId)!.map((m) => m.personId));
    const errors: FieldProblem[] = [];
    if (!members.has(body.chairPersonId)) errors.push({ field: '/chairPersonId', code: 'council.person_not_member' });
    if (!members.has(body.secretaryPersonId))
      errors.push({ field: '/secretaryPersonId', code: 'council.person_not_member' });
    if (errors.length) throw Unprocessable('council.person_not_member', {}, errors);
    const id = newId('cm');
    await tx.insert(councilMeetings).values({
      id,
      councilId,
      campaignId: campaign.id,
      heldAt: new Date(body.heldAt),
      place: body.place.trim(),
      method: body.method,
      chairPersonId: body.chairPersonId,
      secretaryPersonId: body.secretaryPersonId,
      createdBy: actor.userId,
    });
    const after = await buildMeeting(tx, (await findMeeting(tx, id))!, council);
    await recordAudit(tx, ctx, {
      action: 'council_meeting.create',
      objectType: 'council_meeting',
      objectId: id,
      after: { councilId, campaignId: campaign.id, heldAt: body.heldAt, place: body.place, method: body.method },
    });
    return after;
  });
}

/** The meeting and its council if the actor may read the council, else 404. */
async function readableMeeting(
  tx: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ meeting: MeetingRow; council: CouncilRow }> {
  const meeting = await findMeeting(tx, id, lock);
  const council = meeting ? await findCouncil(tx, meeting.councilId) : null;
  if (!meeting || !council || !can(actor, 'council.read', { unitId: council.authorityUnitId }))
    throw NotFound('council_meeting');
  return { meeting, council };
}

async function managedMeeting(tx: Executor, actor: Actor, id: string) {
  const found = await readableMeeting(tx, actor, id, true);
  assertCan(actor, 'council.manage', { unitId: found.council.authorityUnitId });
  return found;
}

interface Rules {
  quorum: number;
  threshold: number;
  thresholdStrict: boolean;
  frozen: boolean;
}

async function rulesOf(tx: Executor, meeting: MeetingRow, council: CouncilRow): Promise<Rules> {
  if (meeting.quorum !== null && meeting.threshold !== null && meeting.thresholdStrict !== null)
    return {
      quorum: Number(meeting.quorum),
      threshold: Number(meeting.threshold),
      thresholdStrict: meeting.thresholdStrict,
      frozen: true,
    };
  const s = await awardSettingsOf(tx, council.authorityUnitId);
  return { quorum: s.quorum, threshold: s.threshold, thresholdStrict: s.thresholdStrict, frozen: false };
}

/** A proposal's threshold: the meeting's, or its award type's own when higher (reached, not exceeded). */
function proposalThreshold(rules: Rules, typeThreshold: string | null): { threshold: number; strict: boolean } {
  const own = typeThreshold === null ? null : Number(typeThreshold);
  if (own !== null && own > rules.threshold) return { threshold: own, strict: false };
  return { threshold: rules.threshold, strict: rules.thresholdStrict };
}

function countVotes(rows: { dossierId: string; choice: string }[]) {
  const by = new Map<string, { for: number; against: number; abstain: number }>();
  for (const v of rows) {
    const t = by.get(v.dossierId) ?? { for: 0, against: 0, abstain: 0 };
    t[v.choice as VoteChoice] += 1;
    by.set(v.dossierId, t);
  }
  return by;
}

const percentOf = (votes: number, members: number) => (members ? Math.round((votes / members) * 10000) / 100 : 0);

async function buildMeeting(tx: Executor, meeting: MeetingRow, council: CouncilRow): Promise<CouncilMeeting> {
  const [memberRows, attendance, proposals, voteRows, ballots, rules, campaign] = await Promise.all([
    membersOf(tx, [council.id]).then((m) => m.get(council.id)!),
    attendanceOf(tx, meeting.id),
    proposalsOf(tx, meeting.id),
    votesOf(tx, meeting.id),
    ballotsOf(tx, meeting.id),
    rulesOf(tx, meeting, council),
    campaignRow(tx, meeting.campaignId),
  ]);
  const present = new Map(attendance.map((a) => [a.personId, a]));
  const members = toMembers(memberRows).map((m) => ({
    ...m,
    present: present.get(m.personId)?.present ?? null,
    note: present.get(m.personId)?.note ?? '',
  }));
  const voting = members.filter((m) => m.votes);
  const presentMembers = voting.filter((m) => m.present === true).length;
  const required = quorumRequired(rules.quorum, voting.length);
  const dossierList = await loadDossiers(
    tx,
    proposals.map((p) => p.dossierId),
  );
  const dossierBy = new Map<string, Dossier>(dossierList.map((d) => [d.id, d]));
  const types = new Map(
    (await awardTypesByIds(tx, [...new Set(dossierList.map((d) => d.awardTypeId))])).map((t) => [t.id, t]),
  );
  const live = countVotes(voteRows);
  const secret = meeting.method === 'secret_ballot';
  const nameOf = (id: string | null) => (id ? (memberRows.find((m) => m.personId === id)?.fullName ?? null) : null);
  return {
    id: meeting.id,
    councilId: council.id,
    councilName: council.name,
    authorityUnitId: council.authorityUnitId,
    campaignId: meeting.campaignId,
    campaignTitle: campaign?.title ?? '',
    status: meeting.status as CouncilMeeting['status'],
    heldAt: meeting.heldAt.toISOString(),
    place: meeting.place,
    method: meeting.method as CouncilMeeting['method'],
    chairPersonId: meeting.chairPersonId,
    chairName: nameOf(meeting.chairPersonId),
    secretaryPersonId: meeting.secretaryPersonId,
    secretaryName: nameOf(meeting.secretaryPersonId),
    rules: {
      quorum: rules.quorum,
      threshold: rules.threshold,
      thresholdStrict: rules.thresholdStrict,
      frozen: rules.frozen,
      quorumRequired: required,
      presentMembers,
      votingMembers: voting.length,
      quorumMet: presentMembers >= required,
    },
    members,
    proposals: proposals.flatMap((p) => {
      const dossier = dossierBy.get(p.dossierId);
      if (!dossier) return [];
      const { threshold, strict } = proposalThreshold(rules, types.get(dossier.awardTypeId)?.voteThreshold ?? null);
      const closed = p.result !== null;
      const t = closed
        ? { for: p.votesFor ?? 0, against: p.votesAgainst ?? 0, abstain: p.votesAbstain ?? 0 }
        : (live.get(p.dossierId) ?? { for: 0, against: 0, abstain: 0 });
      const needed = votesNeeded(threshold, strict, voting.length);
      return [
        {
          dossier,
          position: p.position,
          threshold,
          thresholdStrict: strict,
          votesNeeded: needed,
          votesFor: t.for,
          votesAgainst: t.against,
          votesAbstain: t.abstain,
          percentFor: percentOf(t.for, voting.length),
          passes: voting.length > 0 && t.for >= needed,
          result: (p.result as 'passed' | 'failed' | null) ?? null,
        },
      ];
    }),
    votes: voteRows.map((v) => ({
      dossierId: v.dossierId,
      personId: secret ? null : v.personId,
      choice: v.choice as VoteChoice,
      inWriting: v.inWriting,
    })),
    ballotsCast: secret
      ? ballots
      : voteRows.flatMap((v) => (v.personId ? [{ dossierId: v.dossierId, personId: v.personId }] : [])),
    minutesNumber: meeting.minutesNumber,
    closedAt: meeting.closedAt?.toISOString() ?? null,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
    version: meeting.version,
  };
}

export async function getMeeting(db: Executor, actor: Actor, id: string): Promise<CouncilMeeting> {
  const { meeting, council } = await readableMeeting(db, actor, id);
  return buildMeeting(db, meeting, council);
}

async function touchMeeting(tx: Tx, id: string): Promise<MeetingRow> {
  const [row] = await tx
    .update(councilMeetings)
    .set({ updatedAt: new Date(), version: sql`${councilMeetings.version} + 1` })
    .where(eq(councilMeetings.id, id))
    .returning();
  return row!;
}

export async function setAttendance(db: Db, ctx: ActorCtx, id: string, body: AttendanceBody): Promise<CouncilMeeting> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { meeting, council } = await managedMeeting(tx, actor, id);
    if (meeting.status !== 'planned') throw Conflict('council.meeting_not_planned');
    const members = new Set((await membersOf(tx, [council.id])).get(council.id)!.map((m) => m.personId));
    const errors = body.flatMap((a, i) =>
      members.has(a.personId) ? [] : [{ field: `/${i}/personId`, code: 'council.person_not_member' }],
    );
    if (errors.length) throw Unprocessable('council.person_not_member', {}, errors);
    const rows = body.map((a) => ({ personId: a.personId, present: a.present, note: (a.note ?? '').trim() }));
    await upsertAttendance(tx, id, rows);
    const updated = await touchMeeting(tx, id);
    await recordAudit(tx, ctx, {
      action: 'council_meeting.attendance',
      objectType: 'council_meeting',
      objectId: id,
      after: rows,
    });
    return buildMeeting(tx, updated, council);
  });
}

export async function setProposals(db: Db, ctx: ActorCtx, id: string, body: ProposalsBody): Promise<CouncilMeeting> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { meeting, council } = await managedMeeting(tx, actor, id);
    if (meeting.status !== 'planned') throw Conflict('council.meeting_not_planned');
    const states = new Map((await dossierStates(tx, body.dossierIds)).map((d) => [d.id, d]));
    const elsewhere = await onOtherOpenMeeting(tx, id, body.dossierIds);
    const current = new Set((await proposalsOf(tx, id)).map((p) => p.dossierId));
    const errors: FieldProblem[] = [];
    body.dossierIds.forEach((dossierId, i) => {
      const d = states.get(dossierId);
      const ok =
        d &&
        d.campaignId === meeting.campaignId &&
        d.authorityUnitId === council.authorityUnitId &&
        !elsewhere.has(dossierId) &&
        (d.status === 'received' || d.status === 'in_review');
      if (!ok) errors.push({ field: `/dossierIds/${i}`, code: 'council.dossier_not_eligible' });
    });
    if (errors.length) throw Unprocessable('council.dossier_not_eligible', {}, errors);
    for (const dossierId of body.dossierIds) {
      if (states.get(dossierId)!.status !== 'received') continue;
      await moveState(tx, ctx, {
        resource: 'dossier',
        table: dossiers,
        transitions: DOSSIER_TRANSITIONS,
        action: 'review',
        id: dossierId,
        audit: { after: (r) => ({ status: r.status, version: r.version, meetingId: id }) },
      });
    }
    await replaceProposals(tx, id, body.dossierIds);
    const updated = await touchMeeting(tx, id);
    await recordAudit(tx, ctx, {
      action: 'council_meeting.proposals',
      objectType: 'council_meeting',
      objectId: id,
      before: [...current],
      after: body.dossierIds,
    });
    return buildMeeting(tx, updated, council);
  });
}

const ratioText = (r: number) => {
  const { num, den } = asFraction(r);
  return den <= 20 ? `${num}/${den}` : `${(r * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
};

/** "08:00 ngày 08/12/2026": a moment as read in Vietnam (UTC+7). */
function vietnamDateTime(at: Date): string {
  const iso = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export async function openVoting(db: Db, ctx: ActorCtx, id: string): Promise<CouncilMeeting> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { meeting, council } = await managedMeeting(tx, actor, id);
    const after = await moveState(tx, ctx, {
      resource: 'council_meeting',
      table: councilMeetings,
      transitions: MEETING_TRANSITIONS,
      action: 'open_voting',
      id,
      guard: async () => {
        if (meeting.heldAt.getTime() > Date.now())
          throw Conflict('council.meeting_in_future', { heldAt: vietnamDateTime(meeting.heldAt) });
        const view = await buildMeeting(tx, meeting, council);
        if (view.proposals.length === 0) throw Conflict('council.no_proposals');
        const r = view.rules;
        if (r.votingMembers === 0) throw Conflict('council.no_members');
        if (!r.quorumMet)
          throw Conflict('council.no_quorum', {
            present: r.presentMembers,
            members: r.votingMembers,
            required: r.quorumRequired,
            quorum: ratioText(r.quorum),
          });
      },
      changes: async () => {
        const s = await awardSettingsOf(tx, council.authorityUnitId);
        return { quorum: String(s.quorum), threshold: String(s.threshold), thresholdStrict: s.thresholdStrict };
      },
      audit: {
        after: (r) => ({
          status: r.status,
          quorum: r.quorum,
          threshold: r.threshold,
          thresholdStrict: r.thresholdStrict,
        }),
      },
    });
    return buildMeeting(tx, after, council);
  });
}

interface VoteInput {
  dossierId: string;
  personId: string;
  choice: VoteChoice;
  inWriting: boolean;
}

/** One vote on one proposal, under the meeting's lock (so a member cannot vote twice by racing). */
async function castVote(tx: Tx, ctx: ActorCtx, meeting: MeetingRow, council: CouncilRow, v: VoteInput, self: boolean) {
  const members = (await membersOf(tx, [council.id])).get(council.id)!;
  const member = members.find((m) => m.personId === v.personId);
  if (!member || !councilRoleVotes(member.role as CouncilRole)) {
    if (self) throw Forbidden('council.not_member');
    throw Unprocessable('council.not_voting_member', {}, [{ field: '/personId', code: 'council.not_voting_member' }]);
  }
  if (meeting.status !== 'voting') throw Conflict('council.voting_not_open');
  const proposals = await proposalsOf(tx, meeting.id);
  if (!proposals.some((p) => p.dossierId === v.dossierId))
    throw Unprocessable('council.not_a_proposal', {}, [{ field: '/dossierId', code: 'council.not_a_proposal' }]);
  const attendance = (await attendanceOf(tx, meeting.id)).find((a) => a.personId === v.personId);
  if (!attendance?.present && !v.inWriting)
    throw Unprocessable('council.absent_member', {}, [{ field: '/inWriting', code: 'council.absent_member' }]);
  const secret = meeting.method === 'secret_ballot';
  if (await hasVoted(tx, meeting.id, v.dossierId, v.personId, secret)) throw Conflict('council.already_voted');
  if (secret) {
    // The vote keeps no voter, no time of its own (the meeting's) and an id with no time part, so
    // nothing in it matches the row of ballots_cast that says who voted.
    await insertVote(tx, {
      id: `vt_${randomBytes(12).toString('hex')}`,
      meetingId: meeting.id,
      dossierId: v.dossierId,
      personId: null,
      choice: v.choice,
      inWriting: v.inWriting,
      createdAt: meeting.heldAt,
    });
    await insertBallotCast(tx, {
      meetingId: meeting.id,
      dossierId: v.dossierId,
      personId: v.personId,
      recordedBy: ctx.actor.userId,
    });
  } else {
    await insertVote(tx, {
      id: newId('vt'),
      meetingId: meeting.id,
      dossierId: v.dossierId,
      personId: v.personId,
      choice: v.choice,
      inWriting: v.inWriting,
    });
  }
  await recordAudit(tx, ctx, {
    action: self ? 'council_meeting.my_vote' : 'council_meeting.vote',
    objectType: 'council_meeting',
    objectId: meeting.id,
    // A secret ballot's audit says who voted on what, never how.
    after: secret
      ? { dossierId: v.dossierId, personId: v.personId, inWriting: v.inWriting, secret: true }
      : { dossierId: v.dossierId, personId: v.personId, inWriting: v.inWriting, choice: v.choice },
  });
  return touchMeeting(tx, meeting.id);
}

export async function recordVote(db: Db, ctx: ActorCtx, id: string, body: RecordVoteBody): Promise<CouncilMeeting> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { meeting, council } = await managedMeeting(tx, actor, id);
    const updated = await castVote(tx, ctx, meeting, council, { ...body, inWriting: body.inWriting ?? false }, false);
    return buildMeeting(tx, updated, council);
  });
}

/** A member casts their own vote: the meeting need not be readable to them beyond it (404 when unknown). */
export async function castMyVote(db: Db, ctx: ActorCtx, id: string, body: MyVoteBody): Promise<MeetingVote> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, id, true);
    const council = meeting ? await findCouncil(tx, meeting.councilId) : null;
    if (!meeting || !council) throw NotFound('council_meeting');
    if (!actor.personId) throw Forbidden('council.not_member');
    const inWriting = body.inWriting ?? false;
    await castVote(
      tx,
      ctx,
      meeting,
      council,
      { dossierId: body.dossierId, personId: actor.personId, choice: body.choice, inWriting },
      true,
    );
    return {
      dossierId: body.dossierId,
      personId: meeting.method === 'secret_ballot' ? null : actor.personId,
      choice: body.choice,
      inWriting,
    };
  });
}

const DOSSIER_DOCUMENT_OBJECT_TYPES = new Set(DOSSIER_DOCUMENT_KINDS.map((k) => `dossier_${k}`));

/**
 * A voting member reads the documents of the dossiers put to their council's meetings (voting or
 * closed), though their own roles may not reach the nominee's unit.
 */
export const councilMemberFileAccess: FileAccessRule = async (tx, actor, file) => {
  if (!actor.personId || scopeOf(actor, 'council.vote') === null) return false;
  const ids = file.attachments.filter((a) => DOSSIER_DOCUMENT_OBJECT_TYPES.has(a.objectType)).map((a) => a.objectId);
  return (await dossiersBeforeVoter(tx, actor.personId, ids)).length > 0;
};

/** How long a closed meeting stays on the member's own list, for its results. */
const CLOSED_SHOWN_DAYS = 30;

/**
 * The signed-in member's own meetings: those voting, or closed in the last 30 days, of the councils
 * on which their person votes; each proposal with the member's own vote (in a secret ballot only
 * whether they voted) and, once closed, the result. Anyone else gets an empty list.
 */
export async function listMyMeetings(db: Executor, actor: Actor, now = new Date()): Promise<MyCouncilMeetingList> {
  if (!actor.personId) return { items: [] };
  const personId = actor.personId;
  const rows = await meetingsOfVoter(db, personId, new Date(now.getTime() - CLOSED_SHOWN_DAYS * 86_400_000));
  const items = [];
  for (const { meeting, council } of rows) {
    const view = await buildMeeting(db, meeting, council);
    const me = view.members.find((m) => m.personId === personId)!;
    const secret = view.method === 'secret_ballot';
    const closed = view.status === 'closed';
    items.push({
      id: view.id,
      councilId: view.councilId,
      councilName: view.councilName,
      authorityUnitId: view.authorityUnitId,
      campaignTitle: view.campaignTitle,
      status: view.status,
      heldAt: view.heldAt,
      place: view.place,
      method: view.method,
      role: me.role,
      present: me.present,
      votingMembers: view.rules.votingMembers,
      proposals: view.proposals.map((p) => {
        const mine = secret
          ? undefined
          : view.votes.find((v) => v.personId === personId && v.dossierId === p.dossier.id);
        const voted = secret
          ? view.ballotsCast.some((b) => b.personId === personId && b.dossierId === p.dossier.id)
          : Boolean(mine);
        return {
          dossier: p.dossier,
          position: p.position,
          voted,
          myChoice: mine?.choice ?? null,
          myVoteInWriting: mine?.inWriting ?? null,
          votesNeeded: p.votesNeeded,
          votesFor: closed ? p.votesFor : null,
          votesAgainst: closed ? p.votesAgainst : null,
          votesAbstain: closed ? p.votesAbstain : null,
          result: p.result,
        };
      }),
      minutesNumber: view.minutesNumber,
      closedAt: view.closedAt,
    });
  }
  return { items };
}

export async function closeMeeting(db: Db, ctx: ActorCtx, id: string): Promise<CouncilMeeting> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { meeting, council } = await managedMeeting(tx, actor, id);
    let tallies: {
      dossierId: string;
      votesFor: number;
      votesAgainst: number;
      votesAbstain: number;
      result: 'passed' | 'failed';
    }[] = [];
    const after = await moveState(tx, ctx, {
      resource: 'council_meeting',
      table: councilMeetings,
      transitions: MEETING_TRANSITIONS,
      action: 'close',
      id,
      changes: async () => {
        const view = await buildMeeting(tx, meeting, council);
        tallies = view.proposals.map((p) => ({
          dossierId: p.dossier.id,
          votesFor: p.votesFor,
          votesAgainst: p.votesAgainst,
          votesAbstain: p.votesAbstain,
          result: p.passes ? 'passed' : 'failed',
        }));
        const now = new Date();
        for (const t of tallies) {
          await setProposalTally(tx, id, t.dossierId, t);
          await moveState(tx, ctx, {
            resource: 'dossier',
            table: dossiers,
            transitions: DOSSIER_TRANSITIONS,
            action: t.result === 'passed' ? 'approve' : 'reject',
            id: t.dossierId,
            changes: () => ({ decidedAt: now }),
            audit: {
              after: (r) => ({
                status: r.status,
                version: r.version,
                meetingId: id,
                votesFor: t.votesFor,
                votesAgainst: t.votesAgainst,
                votesAbstain: t.votesAbstain,
              }),
            },
          });
        }
        const settings = await awardSettingsOf(tx, council.authorityUnitId);
        const today = todayInVietnam(now);
        const n = await nextNumber(tx, council.authorityUnitId, Number(today.slice(0, 4)), 'BB');
        return { closedAt: now, minutesNumber: formatDocumentNumber(n, 'BB', settings.issuerCode) };
      },
      audit: { after: (r) => ({ status: r.status, minutesNumber: r.minutesNumber, tallies }) },
    });
    return buildMeeting(tx, after, council);
  });
}

/** The meeting's view and what the minutes need besides it. */
export async function meetingForMinutes(db: Executor, actor: Actor, id: string) {
  const { meeting, council } = await readableMeeting(db, actor, id);
  const view = await buildMeeting(db, meeting, council);
  const settings = await awardSettingsOf(db, council.authorityUnitId);
  const [authorityName] = (await unitNames(db, [council.authorityUnitId])).values();
  return { view, settings, authorityName: authorityName ?? '' };
}

// ── The leader's decision outside a meeting ────────────────────────────────────────────────────

export async function decideDossier(
  db: Db,
  ctx: ActorCtx,
  id: string,
  action: 'approve' | 'reject',
  body: DossierDecisionBody,
): Promise<Dossier> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const row = await dossierRow(tx, id);
    if (!row || !can(actor, 'dossier.read', { unitId: row.authorityUnitId })) throw NotFound('dossier');
    assertCan(actor, 'dossier.decide', { unitId: row.authorityUnitId });
    if (await openMeetingOfDossier(tx, id)) throw Conflict('council.dossier_in_meeting');
    const note = body.note.trim();
    await moveState(tx, ctx, {
      resource: 'dossier',
      table: dossiers,
      transitions: DOSSIER_TRANSITIONS,
      action,
      id,
      changes: () => ({ decidedAt: new Date() }),
      audit: { after: (r) => ({ status: r.status, version: r.version, note }) },
    });
    return (await loadDossier(tx, id))!;
  });
}
