/** Queries of proposals upward and dossier packages. */
import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  awardTypes,
  campaigns,
  councilMeetings,
  decisions,
  dossierDocuments,
  dossiers,
  meetingProposals,
  people,
  units,
} from '../../db/schema/index.ts';

export interface AuthorityAbove {
  id: string;
  name: string;
  kind: string;
}

/** The authorities (units of kind authority or commune) above a unit, nearest first. */
export async function authoritiesAbove(tx: Executor, unitId: string): Promise<AuthorityAbove[]> {
  const { rows } = (await tx.execute(sql`
    with recursive up as (
      select id, parent_id, name, kind, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.name, u.kind, up.depth + 1 from units u join up on u.id = up.parent_id
      where up.depth < 50
    )
    select id, name, kind from up where depth > 0 and kind in ('authority', 'commune') order by depth`)) as unknown as {
    rows: AuthorityAbove[];
  };
  return rows;
}

export async function unitById(tx: Executor, id: string) {
  const [row] = await tx.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function campaignById(tx: Executor, id: string) {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
  return row ?? null;
}

export async function awardTypeByCode(tx: Executor, code: string) {
  const [row] = await tx
    .select()
    .from(awardTypes)
    .where(and(eq(awardTypes.code, code), eq(awardTypes.archived, false)));
  return row ?? null;
}

export async function documentRowsOf(tx: Executor, dossierId: string) {
  return tx.select().from(dossierDocuments).where(eq(dossierDocuments.dossierId, dossierId));
}

/** The dossier and the copies it was forwarded to, and those it came from: the whole chain, oldest first. */
export async function chainOf(tx: Executor, id: string) {
  const seen = new Set<string>();
  const byId = async (x: string) => {
    const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, x));
    return row ?? null;
  };
  const start = await byId(id);
  if (!start) return [];
  seen.add(start.id);
  const before: (typeof start)[] = [];
  let cur = start;
  while (cur.forwardedFromId && !seen.has(cur.forwardedFromId)) {
    const prev = await byId(cur.forwardedFromId);
    if (!prev) break;
    seen.add(prev.id);
    before.unshift(prev);
    cur = prev;
  }
  const after: (typeof start)[] = [];
  cur = start;
  while (cur.forwardedToId && !seen.has(cur.forwardedToId)) {
    const next = await byId(cur.forwardedToId);
    if (!next) break;
    seen.add(next.id);
    after.push(next);
    cur = next;
  }
  return [...before, start, ...after];
}

export async function unitNames(tx: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function decisionsByIds(tx: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { number: string | null; decidedOn: string | null }>();
  const rows = await tx
    .select({ id: decisions.id, number: decisions.number, decidedOn: decisions.decidedOn })
    .from(decisions)
    .where(inArray(decisions.id, ids));
  return new Map(rows.map((r) => [r.id, { number: r.number, decidedOn: r.decidedOn }]));
}

/** The council's tally on the dossier at its latest closed meeting, if any. */
export async function councilResultOf(tx: Executor, dossierId: string) {
  const [row] = await tx
    .select({
      result: meetingProposals.result,
      votesFor: meetingProposals.votesFor,
      votesAgainst: meetingProposals.votesAgainst,
      votesAbstain: meetingProposals.votesAbstain,
      heldAt: councilMeetings.heldAt,
      minutesNumber: councilMeetings.minutesNumber,
    })
    .from(meetingProposals)
    .innerJoin(councilMeetings, eq(councilMeetings.id, meetingProposals.meetingId))
    .where(and(eq(meetingProposals.dossierId, dossierId), isNotNull(meetingProposals.result)))
    .orderBy(desc(councilMeetings.heldAt))
    .limit(1);
  return row ?? null;
}

/** A live (not rejected) dossier of the nominee in the campaign at the authority, if any. */
export async function liveDossierOf(
  tx: Executor,
  key: { campaignId: string; authorityUnitId: string; unitId: string; personId: string | null },
) {
  const [row] = await tx
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.campaignId, key.campaignId),
        eq(dossiers.authorityUnitId, key.authorityUnitId),
        eq(dossiers.unitId, key.unitId),
        sql`coalesce(${dossiers.personId}, '') = ${key.personId ?? ''}`,
        ne(dossiers.status, 'rejected'),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function personInUnitByName(tx: Executor, unitId: string, fullName: string) {
  const [row] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.fullName, fullName), eq(people.archived, false)))
    .limit(1);
  return row ?? null;
}

/** The dossiers whose documents include the file. */
export async function dossiersHoldingFile(tx: Executor, fileId: string) {
  return tx
    .select({ id: dossiers.id, unitId: dossiers.unitId, personId: dossiers.personId })
    .from(dossierDocuments)
    .innerJoin(dossiers, eq(dossiers.id, dossierDocuments.dossierId))
    .where(eq(dossierDocuments.fileId, fileId));
}
