/** Queries of postings, objections and decisions. Rules live in the services. */
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  awardTypes,
  campaigns,
  councilMeetings,
  councils,
  decisions,
  dossiers,
  files,
  meetingProposals,
  objections,
  postings,
  units,
  users,
} from '../../db/schema/index.ts';

export type PostingRow = typeof postings.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;

export async function unitName(db: Executor, id: string): Promise<string | null> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id));
  return row?.name ?? null;
}

export async function unitNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Approved dossiers of the campaign at the authority that no decision holds yet, collectives first. */
export async function approvedUndecided(db: Executor, campaignId: string, authorityUnitId: string): Promise<string[]> {
  const rows = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.campaignId, campaignId),
        eq(dossiers.authorityUnitId, authorityUnitId),
        eq(dossiers.status, 'approved'),
        isNull(dossiers.decisionId),
      ),
    )
    .orderBy(desc(dossiers.nomineeKind), asc(dossiers.createdAt), asc(dossiers.id));
  return rows.map((r) => r.id);
}

export async function dossierRows(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(dossiers)
    .where(inArray(dossiers.id, [...ids]));
}

/** The dossiers a decision holds, collectives first (the order of the appendix). */
export async function dossierIdsOfDecision(db: Executor, decisionId: string): Promise<string[]> {
  const rows = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(eq(dossiers.decisionId, decisionId))
    .orderBy(desc(dossiers.nomineeKind), asc(dossiers.createdAt), asc(dossiers.id));
  return rows.map((r) => r.id);
}

export async function coefficientsOf(db: Executor, awardTypeIds: readonly string[]): Promise<Map<string, number>> {
  if (!awardTypeIds.length) return new Map();
  const rows = await db
    .select({ id: awardTypes.id, c: awardTypes.bonusCoefficient })
    .from(awardTypes)
    .where(inArray(awardTypes.id, [...new Set(awardTypeIds)]));
  return new Map(rows.map((r) => [r.id, Number(r.c)]));
}

// ── Postings ───────────────────────────────────────────────────────────────────────────────────

export async function insertPosting(db: Executor, row: typeof postings.$inferInsert): Promise<void> {
  await db.insert(postings).values(row);
}

export async function findPosting(db: Executor, id: string): Promise<PostingRow | null> {
  const [row] = await db.select().from(postings).where(eq(postings.id, id));
  return row ?? null;
}

export async function postingsOfCampaign(db: Executor, campaignId: string, where?: SQL): Promise<PostingRow[]> {
  return db
    .select()
    .from(postings)
    .where(and(eq(postings.campaignId, campaignId), where))
    .orderBy(desc(postings.publishedAt), desc(postings.id));
}

export async function latestPosting(
  db: Executor,
  campaignId: string,
  authorityUnitId?: string,
): Promise<PostingRow | null> {
  const [row] = await postingsOfCampaign(
    db,
    campaignId,
    authorityUnitId ? eq(postings.authorityUnitId, authorityUnitId) : undefined,
  );
  return row ?? null;
}

export async function objectionCounts(
  db: Executor,
  postingIds: readonly string[],
): Promise<Map<string, { total: number; open: number }>> {
  if (!postingIds.length) return new Map();
  const rows = await db
    .select({
      postingId: objections.postingId,
      total: count(),
      open: sql<number>`count(*) filter (where ${objections.status} = 'open')`.mapWith(Number),
    })
    .from(objections)
    .where(inArray(objections.postingId, [...postingIds]))
    .groupBy(objections.postingId);
  return new Map(rows.map((r) => [r.postingId, { total: Number(r.total), open: r.open }]));
}

/** Unanswered objections on any posting of the campaign at the authority. */
export async function openObjectionsOf(db: Executor, campaignId: string, authorityUnitId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(objections)
    .innerJoin(postings, eq(postings.id, objections.postingId))
    .where(
      and(
        eq(postings.campaignId, campaignId),
        eq(postings.authorityUnitId, authorityUnitId),
        eq(objections.status, 'open'),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function insertObjection(db: Executor, row: typeof objections.$inferInsert): Promise<ObjectionRow> {
  const [created] = await db.insert(objections).values(row).returning();
  return created!;
}

export async function findObjection(db: Executor, id: string, lock = false): Promise<ObjectionRow | null> {
  const q = db.select().from(objections).where(eq(objections.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function objectionsOfPosting(db: Executor, postingId: string) {
  return db
    .select({ objection: objections, answeredByName: users.fullName })
    .from(objections)
    .leftJoin(users, eq(users.id, objections.answeredBy))
    .where(eq(objections.postingId, postingId))
    .orderBy(asc(objections.createdAt), asc(objections.id));
}

export async function objectionWithAnswerer(db: Executor, id: string) {
  const [row] = await db
    .select({ objection: objections, answeredByName: users.fullName })
    .from(objections)
    .leftJoin(users, eq(users.id, objections.answeredBy))
    .where(eq(objections.id, id));
  return row ?? null;
}

export async function updateObjection(db: Executor, id: string, set: Partial<typeof objections.$inferInsert>) {
  await db
    .update(objections)
    .set({ ...set, updatedAt: new Date(), version: sql`${objections.version} + 1` })
    .where(eq(objections.id, id));
}

// ── Decisions ──────────────────────────────────────────────────────────────────────────────────

export async function findDecision(db: Executor, id: string, lock = false): Promise<DecisionRow | null> {
  const q = db.select().from(decisions).where(eq(decisions.id, id));
  const [row] = lock ? await q.for('no key update') : await q;
  return row ?? null;
}

export async function insertDecision(db: Executor, row: typeof decisions.$inferInsert): Promise<void> {
  await db.insert(decisions).values(row);
}

export async function updateDecisionAtVersion(
  db: Executor,
  id: string,
  version: number,
  set: Partial<typeof decisions.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(decisions)
    .set({ ...set, updatedAt: new Date(), version: sql`${decisions.version} + 1` })
    .where(and(eq(decisions.id, id), eq(decisions.version, version)))
    .returning({ id: decisions.id });
  return rows.length === 1;
}

export async function decisionsPage(
  db: Executor,
  where: (SQL | undefined)[],
  page: { limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const cond = and(...where);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({ id: decisions.id })
      .from(decisions)
      .where(cond)
      .orderBy(desc(decisions.createdAt), desc(decisions.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(decisions).where(cond),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(totalRow?.n ?? 0) };
}

export async function decisionHeads(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ decision: decisions, campaignTitle: campaigns.title, authorityName: units.name })
    .from(decisions)
    .innerJoin(campaigns, eq(campaigns.id, decisions.campaignId))
    .innerJoin(units, eq(units.id, decisions.authorityUnitId))
    .where(inArray(decisions.id, [...ids]));
}

export async function fileRow(db: Executor, id: string) {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

/** Points the dossiers at a decision (or releases them), bumping their version. */
export async function setDossiersDecision(db: Executor, ids: readonly string[], decisionId: string | null) {
  if (!ids.length) return;
  await db
    .update(dossiers)
    .set({ decisionId, updatedAt: new Date(), version: sql`${dossiers.version} + 1` })
    .where(inArray(dossiers.id, [...ids]));
}

/** Minutes numbers of the closed council meetings on the campaign at the authority, oldest first. */
export async function minutesOf(db: Executor, campaignId: string, authorityUnitId: string) {
  return db
    .select({ number: councilMeetings.minutesNumber, heldAt: councilMeetings.heldAt })
    .from(councilMeetings)
    .innerJoin(councils, eq(councils.id, councilMeetings.councilId))
    .where(
      and(
        eq(councilMeetings.campaignId, campaignId),
        eq(councils.authorityUnitId, authorityUnitId),
        eq(councilMeetings.status, 'closed'),
      ),
    )
    .orderBy(asc(councilMeetings.heldAt));
}

/** When the council meetings that passed these dossiers were held (closed meetings only), latest first. */
export async function approvingMeetingsOf(db: Executor, dossierIds: readonly string[]) {
  if (!dossierIds.length) return [];
  return db
    .selectDistinct({ id: councilMeetings.id, heldAt: councilMeetings.heldAt })
    .from(meetingProposals)
    .innerJoin(councilMeetings, eq(councilMeetings.id, meetingProposals.meetingId))
    .where(
      and(
        inArray(meetingProposals.dossierId, [...dossierIds]),
        eq(meetingProposals.result, 'passed'),
        eq(councilMeetings.status, 'closed'),
      ),
    )
    .orderBy(desc(councilMeetings.heldAt));
}
