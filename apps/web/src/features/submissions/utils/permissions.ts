/**
 * What the self-assessment screens offer, asked of the contract's permission table
 * (lib/permissions.ts); the API stays the authority.
 */
import { SUBMISSION_EDITABLE_STATUSES, type Me, type PermissionTarget, type SubmissionSummary } from '@thidua/contract';
import { canReview, canUser } from '../../../lib/permissions.ts';

type Subject = Pick<SubmissionSummary, 'unitId' | 'personId' | 'status'>;

/**
 * The record a self-assessment is, for the permission table: a unit's (grants over one's own
 * records do not reach it: personId null) or a person's (grants over the unit do not reach it:
 * unitId null).
 */
function targetOf(s: Pick<Subject, 'unitId' | 'personId'>): PermissionTarget {
  return s.personId !== null ? { unitId: null, personId: s.personId } : { unitId: s.unitId, personId: null };
}

/** The unit's officers and head write the unit's answers; a person writes their own. */
export function isAuthor(user: Me | null, s: Subject): boolean {
  return canUser(user, 'submission.write', targetOf(s));
}

export function canEdit(user: Me | null, s: Subject): boolean {
  return SUBMISSION_EDITABLE_STATUSES.includes(s.status) && isAuthor(user, s);
}

/** The head signs the unit's self-assessment off; a person submits their own. */
export function canSubmit(user: Me | null, s: Subject): boolean {
  return canUser(user, 'submission.submit', targetOf(s));
}

/** Whether the user takes part as a person (writes a self-assessment of their own). */
export function writesOwn(user: Me | null): boolean {
  return user?.personId != null && canUser(user, 'submission.write', { unitId: null, personId: user.personId });
}

/** Someone who writes self-assessments (a unit's or their own), as opposed to one who reviews them. */
export function writesSubmissions(user: Me | null): boolean {
  return canUser(user, 'submission.write');
}

/** The standing office returns or accepts, never for its own unit or its own self-assessment. */
export function canReviewSubmission(user: Me | null, s: Subject): boolean {
  const target = { unitId: s.unitId, personId: s.personId };
  return canReview(user, 'submission.return', target) || canReview(user, 'submission.accept', target);
}

/** The office scores each criterion (verdict, score, comment), never for its own unit or its own self-assessment. */
export function canScoreSubmission(user: Me | null, s: Subject): boolean {
  return canReview(user, 'submission.review', { unitId: s.unitId, personId: s.personId });
}

/** A second reviewer may confirm the scores (four-eyes), never for its own unit. */
export function canConfirmReview(user: Me | null, s: Subject): boolean {
  return canReview(user, 'submission.confirm_review', { unitId: s.unitId, personId: s.personId });
}
