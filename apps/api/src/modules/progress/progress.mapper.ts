/** Rows of the progress queries → the contract's dashboard objects. */
import type { CriterionProgress, ProgressCounts, ProgressStatus, UnitProgress } from '@thidua/contract';
import type { CriterionProgressRow, ProgressCountsRow, UnitProgressRow } from './progress.repository.ts';

export function toProgressCounts(r: ProgressCountsRow): ProgressCounts {
  return {
    participants: r.participants,
    enrolled: r.enrolled,
    notEnrolled: r.not_enrolled,
    notStarted: r.not_started,
    drafting: r.drafting,
    submitted: r.submitted,
    returned: r.returned,
    accepted: r.accepted,
    submittedOnTime: r.on_time,
    submittedLate: r.late,
    overdue: r.overdue,
  };
}

/**
 * A unit's line; `showDraft` says whether the caller may open the unit's draft (its own unit);
 * `counts`: the collective criteria and how many the self-assessment answers.
 */
export function toUnitProgress(
  r: UnitProgressRow,
  showDraft: boolean,
  counts: { criteria: number; answered: number },
): UnitProgress {
  const status = r.status as ProgressStatus;
  return {
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    enrolled: r.enrolled,
    status,
    submissionId: status === 'draft' && !showDraft ? null : r.submission_id,
    versionCount: r.version_count,
    firstSubmittedAt: r.first_at,
    lastSubmittedAt: r.last_at,
    lastActivityAt: r.activity_at,
    deadline: r.deadline,
    deadlineExtended: r.extended,
    daysToDeadline: r.days_to_deadline,
    late: r.late,
    overdue: r.overdue,
    criteria: counts.criteria,
    answered: counts.answered,
    criteriaMet: r.met,
    criteriaNotMet: r.not_met,
  };
}

/** Units not answering a criterion are the units in scope less those whose version evaluates it. */
export function toCriterionProgress(r: CriterionProgressRow, units: number): CriterionProgress {
  return {
    criterionId: r.criterion_id,
    code: r.code,
    title: r.title,
    met: r.met,
    notMet: r.not_met,
    needsReview: r.needs_review,
    notAnswered: Math.max(0, units - r.met - r.not_met - r.needs_review),
  };
}
