/**
 * Submission rows as the contract's SubmissionSummary, SubmissionAnswer, SubmissionVersion(Summary)
 * and DeadlineExtension. What an answer is worth (its evaluation, its live derived value) is worked
 * out in submissions.service.ts and handed in.
 */
import type {
  CriterionAnswer,
  DeadlineExtension,
  DerivedAnswerSource,
  CriterionEvaluation,
  FileInfo,
  SubmissionAnswer,
  SubmissionProgress,
  SubmissionStatus,
  SubmissionSummary,
  SubmissionVersion,
  SubmissionVersionSummary,
} from '@thidua/contract';
import type {
  AnswerRow,
  CriterionRow,
  JoinedExtensionRow,
  JoinedSubmissionRow,
  JoinedVersionRow,
  VersionRow,
} from './submissions.repository.ts';

export function toSubmissionSummary(
  j: JoinedSubmissionRow,
  progress: SubmissionProgress,
  deadline: { deadline: string; extended: boolean },
): SubmissionSummary {
  const s = j.submission;
  return {
    id: s.id,
    campaignId: s.campaignId,
    campaignTitle: j.campaignTitle,
    target: s.target as SubmissionSummary['target'],
    unitId: s.unitId,
    unitCode: j.unitCode,
    unitName: j.unitName,
    personId: s.personId,
    personName: j.personName,
    status: s.status as SubmissionStatus,
    deadline: deadline.deadline,
    deadlineExtended: deadline.extended,
    versionCount: s.versionCount,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    submittedById: s.submittedBy,
    submittedByName: j.submittedByName,
    returnedAt: s.returnedAt?.toISOString() ?? null,
    returnReason: s.returnReason,
    acceptedAt: s.acceptedAt?.toISOString() ?? null,
    reviewComment: s.reviewComment,
    progress,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

/** A criterion with its stored answer (if any) and what the service made of it. */
export function toSubmissionAnswer(
  c: CriterionRow,
  a: AnswerRow | undefined,
  worked: {
    answer: CriterionAnswer | null;
    derived: DerivedAnswerSource | null;
    evaluation: CriterionEvaluation;
    files: FileInfo[];
    evidenceMissing: boolean;
  },
): SubmissionAnswer {
  return {
    criterionId: c.id,
    code: c.code,
    title: c.title,
    group: c.group,
    kind: c.kind as SubmissionAnswer['kind'],
    comparator: c.comparator,
    threshold: c.threshold,
    maxScore: c.maxScore,
    evidenceRequired: c.evidenceRequired,
    answer: worked.answer,
    derived: worked.derived,
    note: a?.note ?? null,
    files: worked.files,
    evaluation: worked.evaluation,
    evidenceMissing: worked.evidenceMissing,
    updatedAt: a ? a.updatedAt.toISOString() : null,
  };
}

export function toVersionSummary(v: VersionRow, submittedByName: string | null): SubmissionVersionSummary {
  return {
    number: v.number,
    submittedAt: v.submittedAt.toISOString(),
    submittedById: v.submittedBy,
    submittedByName,
    progress: v.progress,
  };
}

export function toSubmissionVersion(submissionId: string, r: JoinedVersionRow): SubmissionVersion {
  return { submissionId, ...toVersionSummary(r.version, r.submittedByName), answers: r.version.answers };
}

export function toDeadlineExtension(r: JoinedExtensionRow): DeadlineExtension {
  const e = r.extension;
  return {
    id: e.id,
    campaignId: e.campaignId,
    unitId: e.unitId,
    unitCode: r.unitCode,
    unitName: r.unitName,
    until: e.until,
    reason: e.reason,
    grantedById: e.grantedBy,
    grantedByName: r.grantedByName,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
