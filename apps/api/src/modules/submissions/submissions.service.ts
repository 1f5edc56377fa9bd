/**
 * Self-assessments: one per campaign × unit (collective criteria) and per campaign × person
 * (individual criteria). The unit's officers and head (or the person) write answers, autosaved with
 * If-Match; each answer is evaluated at once; the head (or the person) submits, which checks the
 * evidence and the deadline and freezes a version; the standing office returns or accepts.
 *
 * Scope (the permission table): a draft is seen only by those who may write it, its unit's officers
 * and head (an individual draft only by its person); 'submission.read' reaches the rest: the office
 * and leaders within their authority once submitted, unit roles their own unit's, a person their
 * own. A submission follows its campaign: outside the campaigns the caller sees it does not exist.
 * Anything else answers 404, and lists and counts leave it out. Derived criteria are computed from
 * the findings and initiatives registers while the submission is editable, and frozen at each submit.
 */
import {
  ownUnitsFor,
  SUBMISSION_EDITABLE_STATUSES,
  SUBMISSION_TRANSITIONS,
  type AcceptSubmissionBody,
  type CreateDeadlineExtensionBody,
  type CreateSubmissionBody,
  type CriterionAnswer,
  type DeadlineExtension,
  type DerivedAnswerSource,
  type DerivedSource,
  type FileInfo,
  type ReturnSubmissionBody,
  type Submission,
  type SubmissionAnswer,
  type SubmissionListQuery,
  type SubmissionPage,
  type SubmissionProgress,
  type SubmissionStatus,
  type SubmissionVersion,
  type SubmissionVersionDiff,
  type SubmissionVersionSummary,
  type UpdateSubmissionBody,
} from '@thidua/contract';
import { submissions } from '../../db/schema/index.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
import type { ActorCtx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, assertNotOwnUnit, can, reachOf, type Reach } from '../../lib/access.ts';
import { Conflict, DomainError, Forbidden, Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { moveState } from '../../lib/lifecycle.ts';
import { searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import {
  findCampaignRow,
  findVisibleCampaignRow,
  visibleCampaignRow,
  type CampaignRow,
  evaluateAnswer,
  listCriteriaRows,
  toCriterion,
  formatPlanDate,
  selfAssessmentsWait,
  todayInVietnam,
} from '../campaigns/index.ts';
import { copyFileAttachments, filesAttachedTo, setFileAttachments } from '../files/index.ts';
import { findingsRemedyMeasures } from '../findings/index.ts';
import { recognisedInitiatives } from '../initiatives/index.ts';
import { assertCriteriaBatch } from './criteria-batch.ts';
import { assertReviewAcceptable } from './reviews.guards.ts';
import { answerProblem, diffAnswers, isEvidenceMissing, normaliseAnswer, progressOf } from './submission-answers.ts';
import {
  toDeadlineExtension,
  toSubmissionAnswer,
  toSubmissionSummary,
  toSubmissionVersion,
  toVersionSummary,
} from './submissions.mapper.ts';
import {
  answerRowsFor,
  answerRowsOf,
  bumpEditableVersion,
  countCriteria,
  extensionDates,
  extensionRowsOf,
  findEnrollment,
  findExtensionRow,
  findJoinedSubmission,
  findPersonRow,
  findSubmissionRow,
  findSubmissionRows,
  findSubmissionStatus,
  findSubmissionsPage,
  findUnitRow,
  findVersionRow,
  insertAnswer,
  insertSubmissionIfNew,
  insertVersion,
  updateAnswer,
  upsertExtension,
  versionRowsOf,
  type AnswerRow,
  type CriterionRow,
  type SubmissionChanges,
  type SubmissionRow,
} from './submissions.repository.ts';

/** file_attachments.objectType of an answer's evidence, and of a submitted version's frozen copy. */
export const ANSWER_FILES = 'submission_answer';
export const VERSION_FILES = 'submission_version';
/** Campaign statuses in which self-assessments are written and submitted (submit also checks the deadline). */
const WRITABLE_CAMPAIGN = ['open', 'closed'];

type Row = SubmissionRow;

const isEditable = (status: string) => SUBMISSION_EDITABLE_STATUSES.includes(status as SubmissionStatus);

// ── Scope ─────────────────────────────────────────────────────────────────────────────────────

/** The record a permission is asked about: its unit and, for an individual one, its person. */
export const targetOf = (row: Pick<Row, 'unitId' | 'personId'>) => ({ unitId: row.unitId, personId: row.personId });

/**
 * Who writes the answers: 'submission.write' on the submission (the unit's officers and head, a
 * person their own), and an individual one only by that person.
 */
function canWrite(actor: Actor, row: Pick<Row, 'unitId' | 'personId'>): boolean {
  return (row.personId === null || row.personId === actor.personId) && can(actor, 'submission.write', targetOf(row));
}

/** Who signs it off: 'submission.submit' (the unit's head, a person their own); an individual one only that person. */
function canSubmit(actor: Actor, row: Pick<Row, 'unitId' | 'personId'>): boolean {
  return (row.personId === null || row.personId === actor.personId) && can(actor, 'submission.submit', targetOf(row));
}

/** A draft is seen by those who write it; a submitted one by 'submission.read'. */
export function canReadSubmission(actor: Actor, row: Pick<Row, 'unitId' | 'personId' | 'status'>): boolean {
  return row.status === 'draft' ? canWrite(actor, row) : can(actor, 'submission.read', targetOf(row));
}

/**
 * The submissions the actor may see, as a filter (as canReadSubmission; the campaign is checked
 * apart): drafts where 'submission.write' reaches, an individual one only by its person; the others
 * where 'submission.read' reaches.
 */
function visibleTo(actor: Actor): { drafts: { reach: Reach; personId: string | null }; submitted: Reach } {
  return {
    drafts: { reach: reachOf(actor, 'submission.write'), personId: actor.personId },
    submitted: reachOf(actor, 'submission.read'),
  };
}

/**
 * The submission and its campaign if the actor may see both (the submission locked for the
 * transaction when asked); 404 otherwise.
 */
export async function findReadable(
  db: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ row: Row; campaign: CampaignRow }> {
  const row = await findSubmissionRow(db, id, lock);
  const campaign = row && canReadSubmission(actor, row) ? await visibleCampaignRow(db, actor, row.campaignId) : null;
  if (!row || !campaign) throw NotFound('submission');
  return { row, campaign };
}

function assertCampaignWritable(campaign: CampaignRow): void {
  if (!WRITABLE_CAMPAIGN.includes(campaign.status)) throw Conflict('submission.campaign_not_open');
}

/**
 * A campaign launched ahead of its first day is announced, not begun: self-assessments start on
 * startsOn, unless the office opened them early on purpose.
 */
function assertCampaignStarted(campaign: CampaignRow, today: string): void {
  if (selfAssessmentsWait(campaign, today))
    throw Conflict('submission.campaign_not_started', { startsOn: formatPlanDate(campaign.startsOn) });
}

// ── Views: answers, evaluations, derived values, progress ─────────────────────────────────────

interface View {
  answers: SubmissionAnswer[];
  progress: SubmissionProgress;
}

interface DerivedMeasures {
  findings: Map<string, { verified: number; total: number; ids: string[] }>;
  initiativesByUnit: Map<string, string[]>;
  initiativesByPerson: Map<string, string[]>;
  computedAt: string;
}

/** The registers' live values for the editable submissions among `rows` (one query per register). */
async function derivedMeasures(
  db: Executor,
  campaign: CampaignRow,
  rows: readonly Row[],
  crit: readonly CriterionRow[],
): Promise<DerivedMeasures> {
  const sources = new Set(crit.filter((c) => c.kind === 'derived').map((c) => c.derivedSource));
  const live = rows.filter((r) => isEditable(r.status));
  const unitIds = live.filter((r) => r.personId === null).map((r) => r.unitId);
  const personIds = live.filter((r) => r.personId !== null).map((r) => r.personId as string);
  const [findingsByUnit, initiatives] = await Promise.all([
    sources.has('findings_remedied_ratio') ? findingsRemedyMeasures(db, campaign.id, unitIds) : new Map(),
    sources.has('recognised_initiatives_count')
      ? recognisedInitiatives(db, campaign, { unitIds, personIds })
      : { byUnit: new Map(), byPerson: new Map() },
  ]);
  return {
    findings: findingsByUnit,
    initiativesByUnit: initiatives.byUnit,
    initiativesByPerson: initiatives.byPerson,
    computedAt: new Date().toISOString(),
  };
}

/**
 * A derived criterion's answer from the registers. "% of findings remedied" is a unit's measure:
 * for a person there is none, so the criterion stays with the reviewer (missing_answer).
 */
function liveDerived(
  source: DerivedSource,
  row: Row,
  m: DerivedMeasures,
): { answer: CriterionAnswer | null; derived: DerivedAnswerSource } {
  if (source === 'findings_remedied_ratio') {
    const f = row.personId === null ? m.findings.get(row.unitId) : undefined;
    return {
      answer: f ? { numerator: f.verified, denominator: f.total } : null,
      derived: { source, recordIds: f?.ids ?? [], computedAt: m.computedAt },
    };
  }
  const ids =
    (row.personId === null ? m.initiativesByUnit.get(row.unitId) : m.initiativesByPerson.get(row.personId)) ?? [];
  return { answer: { value: ids.length }, derived: { source, recordIds: ids, computedAt: m.computedAt } };
}

/** The answers of each submission, one per criterion of its target, evaluated; in batches for lists. */
export async function buildViews(
  db: Executor,
  campaign: CampaignRow,
  rows: readonly Row[],
): Promise<Map<string, View & { answerRows: Map<string, AnswerRow> }>> {
  const out = new Map<string, View & { answerRows: Map<string, AnswerRow> }>();
  if (!rows.length) return out;
  const crit = await listCriteriaRows(db, campaign.id);
  const stored = await answerRowsOf(
    db,
    rows.map((r) => r.id),
  );
  const [files, measures] = await Promise.all([
    filesAttachedTo(
      db,
      ANSWER_FILES,
      stored.map((a) => a.id),
    ),
    derivedMeasures(db, campaign, rows, crit),
  ]);
  for (const row of rows) {
    const answerRows = new Map(stored.filter((a) => a.submissionId === row.id).map((a) => [a.criterionId, a]));
    const answers = crit
      .filter((c) => c.target === row.target)
      .map((c): SubmissionAnswer => {
        const a = answerRows.get(c.id);
        let answer: CriterionAnswer | null = a?.answer ?? null;
        let derived: DerivedAnswerSource | null = a?.derived ?? null;
        if (c.kind === 'derived' && c.derivedSource && isEditable(row.status))
          ({ answer, derived } = liveDerived(c.derivedSource as DerivedSource, row, measures));
        const evaluation = evaluateAnswer(toCriterion(c), answer);
        const attached: FileInfo[] = a ? (files.get(a.id) ?? []) : [];
        return toSubmissionAnswer(c, a, {
          answer,
          derived,
          evaluation,
          files: attached,
          evidenceMissing: isEvidenceMissing(
            { evidenceRequired: c.evidenceRequired, kind: c.kind as SubmissionAnswer['kind'] },
            evaluation,
            attached.length,
          ),
        });
      });
    out.set(row.id, { answers, progress: progressOf(answers), answerRows });
  }
  return out;
}

/**
 * The progress counts of these submissions of `campaign` (drafts included), as their own unit sees
 * them: for the progress dashboard's unit lines, which show how far a draft is, never its answers.
 * The caller decides who may see the figures.
 */
export async function progressOfSubmissions(
  db: Executor,
  campaign: CampaignRow,
  ids: readonly string[],
): Promise<Map<string, SubmissionProgress>> {
  const rows = (await findSubmissionRows(db, ids)).filter((r) => r.campaignId === campaign.id);
  const views = await buildViews(db, campaign, rows);
  return new Map([...views].map(([id, v]) => [id, v.progress]));
}

// ── Deadlines ─────────────────────────────────────────────────────────────────────────────────

async function extensionsOf(
  db: Executor,
  campaignId: string,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  if (!unitIds.length) return new Map();
  const rows = await extensionDates(db, campaignId, unitIds);
  return new Map(rows.map((r) => [r.unitId, r.until]));
}

/** The last day a unit (and its staff) may submit: the campaign's deadline or the unit's later extension. */
function effectiveDeadline(
  campaign: CampaignRow,
  extension: string | undefined,
): { deadline: string; extended: boolean } {
  return extension && extension > campaign.submissionDeadline
    ? { deadline: extension, extended: true }
    : { deadline: campaign.submissionDeadline, extended: false };
}

// ── Reading one ───────────────────────────────────────────────────────────────────────────────

/** The submission as answered; `known` saves reading its campaign again when the caller has it. */
async function readSubmission(db: Executor, id: string, known?: CampaignRow): Promise<Submission> {
  const j = await findJoinedSubmission(db, id);
  if (!j) throw NotFound('submission');
  const campaign = known ?? (await findCampaignRow(db, j.submission.campaignId))!;
  const [views, ext] = await Promise.all([
    buildViews(db, campaign, [j.submission]),
    extensionsOf(db, campaign.id, [j.submission.unitId]),
  ]);
  const view = views.get(id)!;
  return {
    ...toSubmissionSummary(j, view.progress, effectiveDeadline(campaign, ext.get(j.submission.unitId))),
    answers: view.answers,
  };
}

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────

export async function listSubmissions(
  db: Executor,
  actor: Actor,
  campaignId: string,
  query: SubmissionListQuery,
): Promise<SubmissionPage> {
  const campaign = await findVisibleCampaignRow(db, actor, campaignId);
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findSubmissionsPage(
    db,
    {
      campaignId,
      visible: visibleTo(actor),
      q: query.q,
      status: query.status,
      target: query.target,
      unitId: query.unitId,
    },
    { limit: pageSize, offset },
  );
  const [views, ext] = await Promise.all([
    buildViews(
      db,
      campaign,
      rows.map((r) => r.submission),
    ),
    extensionsOf(
      db,
      campaignId,
      rows.map((r) => r.submission.unitId),
    ),
  ]);
  const items = rows.map((r) =>
    toSubmissionSummary(
      r,
      views.get(r.submission.id)!.progress,
      effectiveDeadline(campaign, ext.get(r.submission.unitId)),
    ),
  );
  return { items, page, pageSize, total };
}

export async function getSubmission(db: Executor, actor: Actor, id: string): Promise<Submission> {
  const { campaign } = await findReadable(db, actor, id);
  return readSubmission(db, id, campaign);
}

// ── Start ─────────────────────────────────────────────────────────────────────────────────────

async function assertEnrolled(tx: Tx, campaignId: string, unitId: string): Promise<void> {
  const e = await findEnrollment(tx, campaignId, unitId);
  if (!e) throw Conflict('submission.not_enrolled');
}

/** Whose self-assessment a start request is for. */
async function resolveSubject(
  tx: Tx,
  actor: Actor,
  campaign: CampaignRow,
  body: CreateSubmissionBody,
): Promise<{
  target: 'collective' | 'individual';
  unitId: string;
  personId: string | null;
  personName: string | null;
}> {
  const target = body.target ?? 'collective';
  if (target === 'collective') {
    const own = ownUnitsFor(actor, 'submission.write');
    if (!own.length) throw Forbidden('submission.other_unit');
    let unitId: string;
    if (body.unitId !== undefined) {
      if (!can(actor, 'submission.write', { unitId: body.unitId, personId: null }))
        throw Forbidden('submission.other_unit');
      unitId = body.unitId;
    } else if (own.length === 1) unitId = own[0]!;
    else throw Invalid([{ field: '/unitId', code: 'submission.unit_required' }], 'submission.unit_required');
    return { target, unitId, personId: null, personName: null };
  }
  if (!campaign.individualsTakePart) throw Conflict('submission.individuals_not_assessed');
  if (!actor.personId) throw Forbidden('submission.no_person');
  const person = await findPersonRow(tx, actor.personId);
  if (!person) throw Forbidden('submission.no_person');
  if (body.unitId !== undefined && body.unitId !== person.unitId)
    throw Invalid([{ field: '/unitId', code: 'submission.unit_not_allowed' }], 'submission.unit_not_allowed');
  if (!canWrite(actor, { unitId: person.unitId, personId: person.id })) throw Forbidden('submission.no_person');
  return { target, unitId: person.unitId, personId: person.id, personName: person.fullName };
}

export async function createSubmission(
  db: Db,
  ctx: ActorCtx,
  campaignId: string,
  body: CreateSubmissionBody,
  today = todayInVietnam(),
): Promise<Submission> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, actor, campaignId);
    assertCampaignWritable(campaign);
    assertCampaignStarted(campaign, today);
    const subject = await resolveSubject(tx, actor, campaign, body);
    await assertEnrolled(tx, campaignId, subject.unitId);
    if (!(await countCriteria(tx, campaignId, subject.target))) throw Conflict('submission.no_criteria');
    const unit = await findUnitRow(tx, subject.unitId);
    const id = newId('sb');
    // The partial unique indexes make a second start (or a racing one) a no-op here, then a 409.
    const inserted = await insertSubmissionIfNew(tx, {
      id,
      campaignId,
      target: subject.target,
      unitId: subject.unitId,
      personId: subject.personId,
      createdBy: actor.userId,
      searchKey: searchKey(`${unit!.name} ${unit!.code} ${subject.personName ?? ''}`),
    });
    if (!inserted) throw Conflict('submission.exists');
    const after = await readSubmission(tx, id, campaign);
    await recordAudit(tx, ctx, {
      action: 'submission.create',
      objectType: 'submission',
      objectId: id,
      after: { ...after, answers: undefined },
    });
    return after;
  });
}

// ── Autosave ──────────────────────────────────────────────────────────────────────────────────

interface AnswerAudit {
  criterionId: string;
  answer: CriterionAnswer | null;
  note: string | null;
  fileIds: string[];
}

export async function updateSubmission(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdateSubmissionBody,
): Promise<Submission> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { row, campaign } = await findReadable(tx, actor, id);
    if (!canWrite(actor, row)) throw Forbidden('submission.not_owner');
    if (!isEditable(row.status))
      throw Conflict('submission.not_editable', { status: `submission.status.${row.status}` });
    if (row.version !== expectedVersion) throw PreconditionFailed();
    assertCampaignWritable(campaign);

    const crit = new Map(
      (await listCriteriaRows(tx, campaign.id, { target: row.target as 'collective' | 'individual' })).map((c) => [
        c.id,
        c,
      ]),
    );
    assertCriteriaBatch(body.answers, crit, { list: 'answers', codes: 'submission' }, (change, c) => {
      const problem = answerProblem(c.kind as SubmissionAnswer['kind'], change.answer);
      return problem ? { field: 'answer', code: problem } : null;
    });
    const seen = new Set(body.answers.map((a) => a.criterionId));

    // The version bump takes the row lock first: a racing submit or save waits, then finds the
    // version (412) or the status (409) changed.
    const bumped = await bumpEditableVersion(tx, id, expectedVersion);
    if (!bumped) {
      const now = await findSubmissionStatus(tx, id);
      if (now && !isEditable(now.status))
        throw Conflict('submission.not_editable', { status: `submission.status.${now.status}` });
      throw PreconditionFailed();
    }

    const existing = new Map((await answerRowsFor(tx, id, [...seen])).map((a) => [a.criterionId, a]));
    const filesBefore = await filesAttachedTo(
      tx,
      ANSWER_FILES,
      [...existing.values()].map((a) => a.id),
    );
    const before: AnswerAudit[] = [];
    const after: AnswerAudit[] = [];
    for (const [i, change] of body.answers.entries()) {
      const prev = existing.get(change.criterionId);
      const prevFiles = prev ? (filesBefore.get(prev.id) ?? []).map((f) => f.id) : [];
      before.push({
        criterionId: change.criterionId,
        answer: prev?.answer ?? null,
        note: prev?.note ?? null,
        fileIds: prevFiles,
      });
      const next = {
        answer: change.answer !== undefined ? normaliseAnswer(change.answer) : (prev?.answer ?? null),
        note: change.note !== undefined ? (change.note?.trim() ? change.note : null) : (prev?.note ?? null),
      };
      let answerId = prev?.id;
      if (prev) {
        await updateAnswer(tx, prev.id, { ...next, updatedAt: new Date(), updatedBy: actor.userId });
      } else {
        answerId = newId('sa');
        await insertAnswer(tx, {
          id: answerId,
          submissionId: id,
          criterionId: change.criterionId,
          ...next,
          updatedBy: actor.userId,
        });
      }
      if (change.fileIds) {
        await setFileAttachments(tx, actor, {
          objectType: ANSWER_FILES,
          objectId: answerId!,
          fileIds: change.fileIds,
          unitId: row.unitId,
          ...(row.personId !== null ? { personId: row.personId } : {}),
          field: `/answers/${i}/fileIds`,
        });
      }
      after.push({ criterionId: change.criterionId, ...next, fileIds: change.fileIds ?? prevFiles });
    }
    await recordAudit(tx, ctx, {
      action: 'submission.update',
      objectType: 'submission',
      objectId: id,
      before: { version: expectedVersion, answers: before },
      after: { version: expectedVersion + 1, answers: after },
    });
    return readSubmission(tx, id, campaign);
  });
}

// ── Lifecycle ─────────────────────────────────────────────────────────────────────────────────

/**
 * Submit: the head (or the person) sends the self-assessment. Refused while required evidence is
 * missing (409 submission.missing_evidence, one entry per criterion code in errors[]), and, for a
 * first submit, after the deadline (the campaign's, or the unit's extension). A returned submission
 * may be resubmitted after the deadline: the office asked for the correction. Keeps a frozen
 * version, derived values and evidence files included.
 */
export async function submitSubmission(
  db: Db,
  ctx: ActorCtx,
  id: string,
  today = todayInVietnam(),
): Promise<Submission> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { row, campaign } = await findReadable(tx, actor, id);
    if (!canSubmit(actor, row)) throw Forbidden('submission.submit_forbidden');
    // What was submitted, built by the guard from the locked row and frozen below.
    let view!: View & { answerRows: Map<string, AnswerRow> };
    const now = new Date();
    const { versionCount: number } = await moveState(tx, ctx, {
      resource: 'submission',
      table: submissions,
      transitions: SUBMISSION_TRANSITIONS,
      action: 'submit',
      id,
      guard: async (current) => {
        assertCampaignWritable(campaign);
        if (current.status === 'draft') {
          const { deadline } = effectiveDeadline(
            campaign,
            (await extensionsOf(tx, campaign.id, [current.unitId])).get(current.unitId),
          );
          if (today > deadline) throw Conflict('submission.deadline_passed', { deadline: formatPlanDate(deadline) });
        }
        view = (await buildViews(tx, campaign, [current])).get(id)!;
        const missing = view.progress.evidenceMissing;
        if (missing.length) {
          throw new DomainError(
            409,
            'submission.missing_evidence',
            { codes: missing.join(', ') },
            missing.map((code) => ({ field: code, code: 'submission.evidence_missing' })),
          );
        }
      },
      changes: (current) => ({
        submittedAt: now,
        submittedBy: actor.userId,
        firstSubmittedAt: current.firstSubmittedAt ?? now,
        versionCount: current.versionCount + 1,
        returnReason: null,
      }),
      audit: {
        before: (current) => ({ status: current.status, versionCount: current.versionCount }),
        after: (written) => ({ status: written.status, versionNumber: written.versionCount, progress: view.progress }),
      },
    });

    // Freeze the derived answers as submitted: reviewers judge what was sent, not today's registers.
    for (const a of view.answers.filter((x) => x.kind === 'derived')) {
      const prev = view.answerRows.get(a.criterionId);
      if (prev) await updateAnswer(tx, prev.id, { answer: a.answer, derived: a.derived });
      else
        await insertAnswer(tx, {
          id: newId('sa'),
          submissionId: id,
          criterionId: a.criterionId,
          answer: a.answer,
          derived: a.derived,
          updatedBy: actor.userId,
        });
    }
    const versionId = newId('sv');
    await insertVersion(tx, {
      id: versionId,
      submissionId: id,
      number,
      answers: view.answers,
      progress: view.progress,
      submittedAt: now,
      submittedBy: actor.userId,
    });
    // The version keeps its files attached, so they cannot be deleted even if a later draft drops them.
    for (const a of view.answerRows.values()) {
      await copyFileAttachments(
        tx,
        actor,
        { objectType: ANSWER_FILES, objectId: a.id },
        { objectType: VERSION_FILES, objectId: versionId },
      );
    }
    return readSubmission(tx, id, campaign);
  });
}

/**
 * The office's decisions (return, accept), each with its own permission; never on its own unit's
 * submission. `guard` checks the locked row (accept: the review is complete and confirmed).
 */
async function review(
  db: Db,
  ctx: ActorCtx,
  id: string,
  action: 'return' | 'accept',
  changes: SubmissionChanges,
  audited: Record<string, unknown>,
  guard?: (tx: Tx, campaign: CampaignRow, row: Row) => Promise<void>,
): Promise<Submission> {
  const { actor } = ctx;
  return db.transaction(async (tx) => {
    const { row, campaign } = await findReadable(tx, actor, id);
    assertCan(actor, `submission.${action}`, targetOf(row));
    assertNotOwnUnit(actor, row.unitId, row.personId);
    await moveState(tx, ctx, {
      resource: 'submission',
      table: submissions,
      transitions: SUBMISSION_TRANSITIONS,
      action,
      id,
      ...(guard ? { guard: (current: Row) => guard(tx, campaign, current) } : {}),
      changes: () => changes,
      audit: { after: (written) => ({ status: written.status, ...audited }) },
    });
    return readSubmission(tx, id, campaign);
  });
}

/**
 * Return (submitted → returned): the office sends it back with the reason. The review stays for the
 * next version (and the unit now sees its verdicts and comments); a second reviewer's confirmation
 * does not: the next version is confirmed anew.
 */
export async function returnSubmission(
  db: Db,
  ctx: ActorCtx,
  id: string,
  body: ReturnSubmissionBody,
): Promise<Submission> {
  const reason = body.reason.trim();
  if (!reason) throw Invalid([{ field: '/reason', code: 'submission.reason_required' }], 'submission.reason_required');
  const changes = {
    returnedAt: new Date(),
    returnedBy: ctx.actor.userId,
    returnReason: reason,
    reviewConfirmedBy: null,
    reviewConfirmedAt: null,
  };
  return review(db, ctx, id, 'return', changes, { reason });
}

/**
 * Accept (submitted → accepted), with an optional comment: only once every criterion is reviewed
 * (409 review.incomplete) and, where the campaign asks for a second reviewer, confirmed (409
 * review.not_confirmed).
 */
export async function acceptSubmission(
  db: Db,
  ctx: ActorCtx,
  id: string,
  body: AcceptSubmissionBody,
): Promise<Submission> {
  const comment = body.comment?.trim() || null;
  const changes = { acceptedAt: new Date(), acceptedBy: ctx.actor.userId, reviewComment: comment };
  return review(db, ctx, id, 'accept', changes, { comment }, assertReviewAcceptable);
}

// ── Versions ──────────────────────────────────────────────────────────────────────────────────

export async function listVersions(db: Executor, actor: Actor, id: string): Promise<SubmissionVersionSummary[]> {
  await findReadable(db, actor, id);
  const rows = await versionRowsOf(db, id);
  return rows.map((r) => toVersionSummary(r.version, r.submittedByName));
}

export async function getVersion(db: Executor, actor: Actor, id: string, n: number): Promise<SubmissionVersion> {
  await findReadable(db, actor, id);
  const row = await findVersionRow(db, id, n);
  if (!row) throw NotFound('submission_version');
  return toSubmissionVersion(id, row);
}

/** Version n against version n − 1 (the first version against nothing). */
export async function diffVersion(db: Executor, actor: Actor, id: string, n: number): Promise<SubmissionVersionDiff> {
  await findReadable(db, actor, id);
  const [current, previous] = await Promise.all([
    findVersionRow(db, id, n),
    n > 1 ? findVersionRow(db, id, n - 1) : Promise.resolve(null),
  ]);
  if (!current) throw NotFound('submission_version');
  const items = diffAnswers(previous?.version.answers ?? null, current.version.answers);
  return {
    submissionId: id,
    number: n,
    previousNumber: previous ? previous.version.number : null,
    changedCount: items.filter((i) => i.change !== 'unchanged').length,
    items,
  };
}

// ── Deadline extensions ───────────────────────────────────────────────────────────────────────

/**
 * The extensions of the units on which the actor may read submissions: the office within its
 * authority, unit roles their own unit's, a person the unit they are assessed in.
 */
export async function listDeadlineExtensions(
  db: Executor,
  actor: Actor,
  campaignId: string,
): Promise<DeadlineExtension[]> {
  await findVisibleCampaignRow(db, actor, campaignId);
  let reach: Reach = reachOf(actor, 'submission.read');
  if (!reach.all) {
    // A person's grant reaches the unit it is held in (their deadline is that unit's).
    const candidates = new Set([...reach.unitIds, ...actor.roles.flatMap((g) => (g.unitId ? [g.unitId] : []))]);
    const unitIds = [...candidates].filter((unitId) => can(actor, 'submission.read', { unitId }));
    reach = { all: false, unitIds, personId: null };
  }
  const rows = await extensionRowsOf(db, campaignId, reach);
  return rows.map(toDeadlineExtension);
}

/** Extends one enrolled unit's deadline beyond the campaign's (a second extension replaces the first), audited. */
export async function extendDeadline(
  db: Db,
  ctx: ActorCtx,
  campaignId: string,
  body: CreateDeadlineExtensionBody,
): Promise<DeadlineExtension> {
  const { actor } = ctx;
  const reason = body.reason.trim();
  if (!reason)
    throw Invalid(
      [{ field: '/reason', code: 'deadline_extension.reason_required' }],
      'deadline_extension.reason_required',
    );
  return db.transaction(async (tx) => {
    const campaign = await findVisibleCampaignRow(tx, actor, campaignId);
    assertCampaignWritable(campaign);
    const enrolled = await findEnrollment(tx, campaignId, body.unitId);
    if (!enrolled)
      throw Invalid(
        [{ field: '/unitId', code: 'deadline_extension.unit_not_enrolled' }],
        'deadline_extension.unit_not_enrolled',
      );
    assertCan(actor, 'submission.extend_deadline', { unitId: body.unitId });
    assertNotOwnUnit(actor, body.unitId);
    if (body.until <= campaign.submissionDeadline) {
      throw new DomainError(
        400,
        'deadline_extension.not_later',
        { deadline: formatPlanDate(campaign.submissionDeadline) },
        [{ field: '/until', code: 'deadline_extension.not_later' }],
      );
    }
    const prev = await findExtensionRow(tx, campaignId, body.unitId);
    await upsertExtension(tx, {
      id: newId('dx'),
      campaignId,
      unitId: body.unitId,
      until: body.until,
      reason,
      grantedBy: actor.userId,
    });
    const row = await findExtensionRow(tx, campaignId, body.unitId);
    const after = toDeadlineExtension(row!);
    await recordAudit(tx, ctx, {
      action: 'submission.deadline_extend',
      objectType: 'deadline_extension',
      objectId: after.id,
      before: prev ? toDeadlineExtension(prev) : null,
      after,
    });
    return after;
  });
}
