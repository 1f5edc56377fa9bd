/**
 * Who acts on what, shared by submissions, findings and initiatives: the standing office reviews
 * every unit but its own, and unit roles act only for their own unit.
 */
import type { RoleName } from '@thidua/contract';
import { hasRole, unitsWithRole, type Actor } from '../../lib/actor.ts';
import { Forbidden } from '../../lib/errors.ts';
import { registerMessages } from '../../lib/messages.ts';

registerMessages({
  vi: { 'review.own_unit': 'Bạn không được thẩm định, xác nhận hồ sơ của chính đơn vị mình.' },
  en: { 'review.own_unit': 'You may not review or verify records of your own unit.' },
});

/** Roles that review self-assessments, verify remedies and recognise initiatives. */
export const REVIEWER_ROLES: readonly RoleName[] = ['admin', 'secretariat'];
/** Authority-wide roles that read the registers and every non-draft submission. */
export const AUTHORITY_READERS: readonly RoleName[] = ['admin', 'secretariat', 'leader'];
/** Unit roles that act for their unit (the head also signs off). */
export const UNIT_MEMBER_ROLES: readonly RoleName[] = ['unit_officer', 'unit_head'];

export function isAuthorityReader(actor: Actor): boolean {
  return hasRole(actor, ...AUTHORITY_READERS);
}

/** Units the actor works for as an officer or head. */
export function memberUnits(actor: Actor): string[] {
  return unitsWithRole(actor, ...UNIT_MEMBER_ROLES);
}

export function isMemberOf(actor: Actor, unitId: string): boolean {
  return memberUnits(actor).includes(unitId);
}

/**
 * "Reviewers may not review their own unit": an account of the standing office that also holds a
 * unit role in the unit (or is the person assessed) is refused, whatever its other roles.
 */
export function assertNotOwnUnit(actor: Actor, unitId: string, personId: string | null = null): void {
  const ownUnit = unitsWithRole(actor, 'unit_officer', 'unit_head', 'staff').includes(unitId);
  if (ownUnit || (personId !== null && actor.personId === personId)) throw Forbidden('review.own_unit');
}
