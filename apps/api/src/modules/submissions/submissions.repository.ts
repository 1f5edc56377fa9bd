/**
 * Queries on self-assessments: submissions (with campaign, unit, person and submitter names), their
 * answers, frozen versions and the units' deadline extensions, and the enrolments, criteria, units
 * and people a start reads. Who may see or do what, and when, is decided in submissions.service.ts;
 * here reaches are only turned into WHERE conditions.
 */
import { and, asc, count, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { SUBMISSION_EDITABLE_STATUSES } from '@thidua/contract';
import {
  campaigns,
  criteria,
  deadlineExtensions,
  enrollments,
  people,
  submissionAnswers,
  submissions,
  submissionVersions,
  units,
  users,
} from '../../db/schema/index.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';
import { matchesSearch } from '../../lib/search.ts';

export type SubmissionRow = typeof submissions.$inferSelect;
export type SubmissionChanges = Partial<typeof submissions.$inferInsert>;
export type AnswerRow = typeof submissionAnswers.$inferSelect;
export type CriterionRow = typeof criteria.$inferSelect;
export type VersionRow = typeof submissionVersions.$inferSelect;
export type ExtensionRow = typeof deadlineExtensions.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type PersonRow = typeof people.$inferSelect;

// ── Submissions ───────────────────────────────────────────────────────────────────────────────

const submitter = alias(users, 'submitter');
const columns = {
  submission: submissions,
  campaignTitle: campaigns.title,
  unitCode: units.code,
  unitName: units.name,
  personName: people.fullName,
  submittedByName: submitter.fullName,
};
/** A submission with its campaign's title, its unit's code and name, its person's and its submitter's names. */
export type JoinedSubmissionRow = {
  submission: SubmissionRow;
  campaignTitle: string;
  unitCode: string;
  unitName: string;
  personName: string | null;
  submittedByName: string | null;
};

function joined(db: Executor) {
  return db
    .select(columns)
    .from(submissions)
    .innerJoin(campaigns, eq(campaigns.id, submissions.campaignId))
    .innerJoin(units, eq(units.id, submissions.unitId))
    .leftJoin(people, eq(people.id, submissions.personId))
    .leftJoin(submitter, eq(submitter.id, submissions.submittedBy));
}

/** Rows of `reach`: their unit within it, or (own_person) the person's own. */
function rowsWithin(reach: Reach): SQL | undefined {
  if (reach.all) return undefined;
  const unit = unitWithin(reach, submissions.unitId);
  return reach.personId ? or(unit, eq(submissions.personId, reach.personId)) : unit;
}

/** The submission (locked for the transaction when asked), or null. */
export async function findSubmissionRow(db: Executor, id: string, lock = false): Promise<SubmissionRow | null> {
  const q = db.select().from(submissions).where(eq(submissions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The submissions of these ids (any order; unknown ids are left out). */
export async function findSubmissionRows(db: Executor, ids: readonly string[]): Promise<SubmissionRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(submissions)
    .where(inArray(submissions.id, [...ids]));
}

export async function findJoinedSubmission(db: Executor, id: string): Promise<JoinedSubmissionRow | null> {
  const [j] = await joined(db).where(eq(submissions.id, id));
  return j ?? null;
}

export interface SubmissionFilter {
  campaignId: string;
  /**
   * Only these: drafts within `drafts.reach` that are collective or of `drafts.personId`, and the
   * others within `submitted`.
   */
  visible: { drafts: { reach: Reach; personId: string | null }; submitted: Reach };
  q?: string | undefined;
  status?: string | undefined;
  target?: string | undefined;
  unitId?: string | undefined;
}

function visibleWhere({ drafts, submitted }: SubmissionFilter['visible']): SQL {
  const draft = and(
    eq(submissions.status, 'draft'),
    rowsWithin(drafts.reach),
    drafts.personId
      ? or(isNull(submissions.personId), eq(submissions.personId, drafts.personId))
      : isNull(submissions.personId),
  );
  const sent = and(ne(submissions.status, 'draft'), rowsWithin(submitted));
  return or(draft, sent) ?? sql`false`;
}

/** A page of the submissions matching the filter (collective first, by unit code, then person) and how many match. */
export async function findSubmissionsPage(
  db: Executor,
  filter: SubmissionFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: JoinedSubmissionRow[]; total: number }> {
  const where: (SQL | undefined)[] = [
    eq(submissions.campaignId, filter.campaignId),
    visibleWhere(filter.visible),
    matchesSearch(submissions.searchKey, filter.q),
  ];
  if (filter.status) where.push(eq(submissions.status, filter.status));
  if (filter.target) where.push(eq(submissions.target, filter.target));
  if (filter.unitId) where.push(eq(submissions.unitId, filter.unitId));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    joined(db)
      .where(cond)
      .orderBy(asc(submissions.target), asc(units.code), asc(people.fullName), asc(submissions.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(submissions).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Inserts the submission unless one for the same target exists (the partial unique indexes); null then. */
export async function insertSubmissionIfNew(
  tx: Tx,
  row: typeof submissions.$inferInsert,
): Promise<{ id: string } | null> {
  const inserted = await tx.insert(submissions).values(row).onConflictDoNothing().returning({ id: submissions.id });
  return inserted[0] ?? null;
}

/**
 * Bumps the version (taking the row lock) if it is still `expectedVersion` and the submission still
 * editable; null when not.
 */
export async function bumpEditableVersion(tx: Tx, id: string, expectedVersion: number): Promise<{ id: string } | null> {
  const [bumped] = await tx
    .update(submissions)
    .set({ updatedAt: new Date(), version: sql`${submissions.version} + 1` })
    .where(
      and(
        eq(submissions.id, id),
        eq(submissions.version, expectedVersion),
        inArray(submissions.status, [...SUBMISSION_EDITABLE_STATUSES]),
      ),
    )
    .returning({ id: submissions.id });
  return bumped ?? null;
}

export async function findSubmissionStatus(db: Executor, id: string): Promise<{ status: string } | null> {
  const [now] = await db.select({ status: submissions.status }).from(submissions).where(eq(submissions.id, id));
  return now ?? null;
}

// ── Answers ───────────────────────────────────────────────────────────────────────────────────

/** The stored answers of these submissions. */
export async function answerRowsOf(db: Executor, submissionIds: readonly string[]): Promise<AnswerRow[]> {
  return db
    .select()
    .from(submissionAnswers)
    .where(inArray(submissionAnswers.submissionId, [...submissionIds]));
}

/** The submission's stored answers to these criteria. */
export async function answerRowsFor(
  db: Executor,
  submissionId: string,
  criterionIds: readonly string[],
): Promise<AnswerRow[]> {
  return db
    .select()
    .from(submissionAnswers)
    .where(
      and(eq(submissionAnswers.submissionId, submissionId), inArray(submissionAnswers.criterionId, [...criterionIds])),
    );
}

export async function insertAnswer(tx: Tx, row: typeof submissionAnswers.$inferInsert): Promise<void> {
  await tx.insert(submissionAnswers).values(row);
}

export async function updateAnswer(
  tx: Tx,
  id: string,
  changes: Partial<typeof submissionAnswers.$inferInsert>,
): Promise<void> {
  await tx.update(submissionAnswers).set(changes).where(eq(submissionAnswers.id, id));
}

// ── Versions ──────────────────────────────────────────────────────────────────────────────────

const versionColumns = { version: submissionVersions, submittedByName: users.fullName };
/** A frozen version with its submitter's name. */
export type JoinedVersionRow = { version: VersionRow; submittedByName: string | null };

export async function insertVersion(tx: Tx, row: typeof submissionVersions.$inferInsert): Promise<void> {
  await tx.insert(submissionVersions).values(row);
}

/** The submission's versions, first to last. */
export async function versionRowsOf(db: Executor, submissionId: string): Promise<JoinedVersionRow[]> {
  return db
    .select(versionColumns)
    .from(submissionVersions)
    .leftJoin(users, eq(users.id, submissionVersions.submittedBy))
    .where(eq(submissionVersions.submissionId, submissionId))
    .orderBy(asc(submissionVersions.number));
}

export async function findVersionRow(db: Executor, submissionId: string, n: number): Promise<JoinedVersionRow | null> {
  const [row] = await db
    .select(versionColumns)
    .from(submissionVersions)
    .leftJoin(users, eq(users.id, submissionVersions.submittedBy))
    .where(and(eq(submissionVersions.submissionId, submissionId), eq(submissionVersions.number, n)));
  return row ?? null;
}

// ── Deadline extensions ───────────────────────────────────────────────────────────────────────

const extensionColumns = {
  extension: deadlineExtensions,
  unitCode: units.code,
  unitName: units.name,
  grantedByName: users.fullName,
};
/** An extension with its unit's code and name and the name of who granted it. */
export type JoinedExtensionRow = {
  extension: ExtensionRow;
  unitCode: string;
  unitName: string;
  grantedByName: string | null;
};

function extensionsJoined(db: Executor) {
  return db
    .select(extensionColumns)
    .from(deadlineExtensions)
    .innerJoin(units, eq(units.id, deadlineExtensions.unitId))
    .leftJoin(users, eq(users.id, deadlineExtensions.grantedBy));
}

/** The extended deadline of each of these units that has one in the campaign. */
export async function extensionDates(
  db: Executor,
  campaignId: string,
  unitIds: readonly string[],
): Promise<{ unitId: string; until: string }[]> {
  return db
    .select({ unitId: deadlineExtensions.unitId, until: deadlineExtensions.until })
    .from(deadlineExtensions)
    .where(
      and(eq(deadlineExtensions.campaignId, campaignId), inArray(deadlineExtensions.unitId, [...new Set(unitIds)])),
    );
}

/** The campaign's extensions of the units within `reach`, by unit code. */
export async function extensionRowsOf(db: Executor, campaignId: string, reach: Reach): Promise<JoinedExtensionRow[]> {
  const where: (SQL | undefined)[] = [eq(deadlineExtensions.campaignId, campaignId)];
  if (!reach.all) where.push(unitWithin(reach, deadlineExtensions.unitId));
  return extensionsJoined(db)
    .where(and(...where))
    .orderBy(asc(units.code));
}

export async function findExtensionRow(
  db: Executor,
  campaignId: string,
  unitId: string,
): Promise<JoinedExtensionRow | null> {
  const [row] = await extensionsJoined(db).where(
    and(eq(deadlineExtensions.campaignId, campaignId), eq(deadlineExtensions.unitId, unitId)),
  );
  return row ?? null;
}

/** Writes the unit's extension, replacing one it had. */
export async function upsertExtension(
  tx: Tx,
  row: { id: string; campaignId: string; unitId: string; until: string; reason: string; grantedBy: string },
): Promise<void> {
  await tx
    .insert(deadlineExtensions)
    .values(row)
    .onConflictDoUpdate({
      target: [deadlineExtensions.campaignId, deadlineExtensions.unitId],
      set: { until: row.until, reason: row.reason, grantedBy: row.grantedBy, updatedAt: new Date() },
    });
}

// ── What a start and an extension read ────────────────────────────────────────────────────────

/** The unit's enrolment in the campaign, or null. */
export async function findEnrollment(db: Executor, campaignId: string, unitId: string): Promise<{ id: string } | null> {
  const [e] = await db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(and(eq(enrollments.campaignId, campaignId), eq(enrollments.unitId, unitId)));
  return e ?? null;
}

/** How many criteria the campaign has for this target. */
export async function countCriteria(db: Executor, campaignId: string, target: string): Promise<number> {
  const [crit] = await db
    .select({ n: count() })
    .from(criteria)
    .where(and(eq(criteria.campaignId, campaignId), eq(criteria.target, target)));
  return crit?.n ?? 0;
}

export async function findUnitRow(db: Executor, id: string): Promise<UnitRow | null> {
  const [unit] = await db.select().from(units).where(eq(units.id, id));
  return unit ?? null;
}

export async function findPersonRow(db: Executor, id: string): Promise<PersonRow | null> {
  const [person] = await db.select().from(people).where(eq(people.id, id));
  return person ?? null;
}
