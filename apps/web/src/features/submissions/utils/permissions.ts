/**
 * Who may do what with a self-assessment, mirrored from submissions.service so the form offers
 * only what the API accepts (the API stays the authority).
 */
import { SUBMISSION_EDITABLE_STATUSES, type Me, type SubmissionSummary } from '@thidua/contract';
import { hasAnyRole, unitsWithRole } from '../../../lib/auth.ts';

type Subject = Pick<SubmissionSummary, 'unitId' | 'personId' | 'status'>;

/** The unit's officers and head write the unit's answers; a person writes their own. */
export function isAuthor(user: Me | null, s: Subject): boolean {
  if (!user) return false;
  return s.personId !== null
    ? user.personId === s.personId
    : unitsWithRole(user, 'unit_officer', 'unit_head').includes(s.unitId);
}

export function canEdit(user: Me | null, s: Subject): boolean {
  return SUBMISSION_EDITABLE_STATUSES.includes(s.status) && isAuthor(user, s);
}

/** The head signs the unit's self-assessment off; a person submits their own. */
export function canSubmit(user: Me | null, s: Subject): boolean {
  if (!user) return false;
  return s.personId !== null ? user.personId === s.personId : unitsWithRole(user, 'unit_head').includes(s.unitId);
}

/** The standing office returns or accepts, never for its own unit (review-rules assertNotOwnUnit). */
export function canReview(user: Me | null, s: Subject): boolean {
  if (!hasAnyRole(user, ['admin', 'secretariat'])) return false;
  const ownUnit = unitsWithRole(user, 'unit_officer', 'unit_head', 'staff').includes(s.unitId);
  return !ownUnit && !(s.personId !== null && user?.personId === s.personId);
}
