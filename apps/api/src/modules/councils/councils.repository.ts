/** Queries of the councils module: councils and members, meetings, attendance, proposals and votes. */
import { and, asc, count, desc, eq, gte, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  ballotsCast,
  campaigns,
  councilMeetings,
  councilMembers,
  councils,
  dossiers,
  meetingAttendance,
  meetingProposals,
  people,
  units,
  votes,
} from '../../db/schema/index.ts';

export type CouncilRow = typeof councils.$inferSelect;
export type MeetingRow = typeof councilMeetings.$inferSelect;
export type MemberRow = {
  personId: string;
  role: string;
  position: number;
  fullName: string;
  personPosition: string | null;
  unitName: string;
};

export async function findCouncil(tx: Executor, id: string, lock = false): Promise<CouncilRow | null> {
  const q = tx.select().from(councils).where(eq(councils.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findCouncilsPage(
  tx: Executor,
  where: SQL | undefined,
  page: { limit: number; offset: number },
): Promise<{ rows: CouncilRow[]; total: number }> {
  const rows = await tx
    .select()
    .from(councils)
    .where(where)
    .orderBy(desc(councils.validFrom), asc(councils.id))
    .limit(page.limit)
    .offset(page.offset);
  const [t] = await tx.select({ n: count() }).from(councils).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function unitNames(tx: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function membersOf(tx: Executor, councilIds: string[]): Promise<Map<string, MemberRow[]>> {
  const out = new Map<string, MemberRow[]>(councilIds.map((id) => [id, []]));
  if (!councilIds.length) return out;
  const rows = await tx
    .select({
      councilId: councilMembers.councilId,
      personId: councilMembers.personId,
      role: councilMembers.role,
      position: councilMembers.position,
      fullName: people.fullName,
      personPosition: people.position,
      unitName: units.name,
    })
    .from(councilMembers)
    .innerJoin(people, eq(people.id, councilMembers.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .where(inArray(councilMembers.councilId, councilIds))
    .orderBy(asc(councilMembers.position));
  for (const { councilId, ...m } of rows) out.get(councilId)!.push(m);
  return out;
}

export async function replaceMembers(
  tx: Executor,
  councilId: string,
  members: { personId: string; role: string }[],
): Promise<void> {
  await tx.delete(councilMembers).where(eq(councilMembers.councilId, councilId));
  if (members.length)
    await tx
      .insert(councilMembers)
      .values(members.map((m, i) => ({ councilId, personId: m.personId, role: m.role, position: i })));
}

export async function peopleByIds(tx: Executor, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: people.id, unitId: people.unitId, fullName: people.fullName })
    .from(people)
    .where(inArray(people.id, ids));
}

export async function findMeeting(tx: Executor, id: string, lock = false): Promise<MeetingRow | null> {
  const q = tx.select().from(councilMeetings).where(eq(councilMeetings.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function meetingsOfCouncil(tx: Executor, councilId: string) {
  return tx
    .select({
      meeting: councilMeetings,
      campaignTitle: campaigns.title,
      proposals: sql<number>`(select count(*)::int from ${meetingProposals} where ${meetingProposals.meetingId} = ${councilMeetings.id})`,
    })
    .from(councilMeetings)
    .innerJoin(campaigns, eq(campaigns.id, councilMeetings.campaignId))
    .where(eq(councilMeetings.councilId, councilId))
    .orderBy(desc(councilMeetings.heldAt));
}

export async function hasMeetingVoting(tx: Executor, councilId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: councilMeetings.id })
    .from(councilMeetings)
    .where(and(eq(councilMeetings.councilId, councilId), eq(councilMeetings.status, 'voting')))
    .limit(1);
  return Boolean(row);
}

export async function campaignRow(tx: Executor, id: string) {
  const [row] = await tx
    .select({ id: campaigns.id, title: campaigns.title, authorityUnitId: campaigns.authorityUnitId })
    .from(campaigns)
    .where(eq(campaigns.id, id));
  return row ?? null;
}

export async function attendanceOf(tx: Executor, meetingId: string) {
  return tx.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
}

export async function upsertAttendance(
  tx: Executor,
  meetingId: string,
  rows: { personId: string; present: boolean; note: string }[],
): Promise<void> {
  if (!rows.length) return;
  await tx
    .insert(meetingAttendance)
    .values(rows.map((r) => ({ meetingId, ...r })))
    .onConflictDoUpdate({
      target: [meetingAttendance.meetingId, meetingAttendance.personId],
      set: { present: sql`excluded.present`, note: sql`excluded.note` },
    });
}

export async function proposalsOf(tx: Executor, meetingId: string) {
  return tx
    .select()
    .from(meetingProposals)
    .where(eq(meetingProposals.meetingId, meetingId))
    .orderBy(asc(meetingProposals.position));
}

export async function replaceProposals(tx: Executor, meetingId: string, dossierIds: string[]): Promise<void> {
  await tx.delete(meetingProposals).where(eq(meetingProposals.meetingId, meetingId));
  if (dossierIds.length)
    await tx
      .insert(meetingProposals)
      .values(dossierIds.map((dossierId, position) => ({ meetingId, dossierId, position })));
}

export async function setProposalTally(
  tx: Executor,
  meetingId: string,
  dossierId: string,
  t: { votesFor: number; votesAgainst: number; votesAbstain: number; result: 'passed' | 'failed' },
): Promise<void> {
  await tx
    .update(meetingProposals)
    .set(t)
    .where(and(eq(meetingProposals.meetingId, meetingId), eq(meetingProposals.dossierId, dossierId)));
}

/** Dossiers named, with their state, campaign and authority. */
export async function dossierStates(tx: Executor, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: dossiers.id,
      status: dossiers.status,
      campaignId: dossiers.campaignId,
      authorityUnitId: dossiers.authorityUnitId,
      awardTypeId: dossiers.awardTypeId,
    })
    .from(dossiers)
    .where(inArray(dossiers.id, ids));
}

/** Of these dossiers, those on the list of another meeting that has not closed. */
export async function onOtherOpenMeeting(tx: Executor, meetingId: string, dossierIds: string[]): Promise<Set<string>> {
  if (!dossierIds.length) return new Set();
  const rows = await tx
    .select({ dossierId: meetingProposals.dossierId })
    .from(meetingProposals)
    .innerJoin(councilMeetings, eq(councilMeetings.id, meetingProposals.meetingId))
    .where(
      and(
        inArray(meetingProposals.dossierId, dossierIds),
        ne(meetingProposals.meetingId, meetingId),
        ne(councilMeetings.status, 'closed'),
      ),
    );
  return new Set(rows.map((r) => r.dossierId));
}

/** The meeting (not closed) whose list holds the dossier, if any. */
export async function openMeetingOfDossier(tx: Executor, dossierId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: councilMeetings.id })
    .from(meetingProposals)
    .innerJoin(councilMeetings, eq(councilMeetings.id, meetingProposals.meetingId))
    .where(and(eq(meetingProposals.dossierId, dossierId), ne(councilMeetings.status, 'closed')))
    .limit(1);
  return row?.id ?? null;
}

export async function votesOf(tx: Executor, meetingId: string) {
  // Ordered by id: for secret ballots the id carries no time (see insertVote), so the order says nothing.
  return tx.select().from(votes).where(eq(votes.meetingId, meetingId)).orderBy(asc(votes.dossierId), asc(votes.id));
}

export async function ballotsOf(tx: Executor, meetingId: string) {
  return tx
    .select({ dossierId: ballotsCast.dossierId, personId: ballotsCast.personId })
    .from(ballotsCast)
    .where(eq(ballotsCast.meetingId, meetingId))
    .orderBy(asc(ballotsCast.dossierId), asc(ballotsCast.personId));
}

export async function hasVoted(
  tx: Executor,
  meetingId: string,
  dossierId: string,
  personId: string,
  secret: boolean,
): Promise<boolean> {
  const table = secret ? ballotsCast : votes;
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(table)
    .where(and(eq(table.meetingId, meetingId), eq(table.dossierId, dossierId), eq(table.personId, personId)))
    .limit(1);
  return Boolean(row);
}

export async function insertVote(tx: Executor, row: typeof votes.$inferInsert): Promise<void> {
  await tx.insert(votes).values(row);
}

export async function insertBallotCast(tx: Executor, row: typeof ballotsCast.$inferInsert): Promise<void> {
  await tx.insert(ballotsCast).values(row);
}

/** Joins a meeting to the person's seat on its council when they vote there (not as secretary). */
const votesAtMeeting = (personId: string) =>
  and(
    eq(councilMembers.councilId, councilMeetings.councilId),
    eq(councilMembers.personId, personId),
    ne(councilMembers.role, 'secretary'),
  );

/**
 * The meetings voting, or closed since `closedSince`, of the councils on which the person votes (not
 * as secretary): voting ones first, then the latest held.
 */
export async function meetingsOfVoter(tx: Executor, personId: string, closedSince: Date) {
  return tx
    .select({ meeting: councilMeetings, council: councils })
    .from(councilMeetings)
    .innerJoin(councils, eq(councils.id, councilMeetings.councilId))
    .innerJoin(councilMembers, votesAtMeeting(personId))
    .where(
      or(
        eq(councilMeetings.status, 'voting'),
        and(eq(councilMeetings.status, 'closed'), gte(councilMeetings.closedAt, closedSince)),
      ),
    )
    .orderBy(sql`${councilMeetings.status} = 'voting' desc`, desc(councilMeetings.heldAt), asc(councilMeetings.id))
    .limit(50);
}

/** Of these dossiers, those on a meeting (voting or closed) of a council on which the person votes. */
export async function dossiersBeforeVoter(tx: Executor, personId: string, dossierIds: string[]): Promise<string[]> {
  if (!dossierIds.length) return [];
  const rows = await tx
    .selectDistinct({ dossierId: meetingProposals.dossierId })
    .from(meetingProposals)
    .innerJoin(councilMeetings, eq(councilMeetings.id, meetingProposals.meetingId))
    .innerJoin(councilMembers, votesAtMeeting(personId))
    .where(and(inArray(meetingProposals.dossierId, dossierIds), ne(councilMeetings.status, 'planned')));
  return rows.map((r) => r.dossierId);
}
