/**
 * "Reviewers may not review their own unit", shared by submissions, findings and initiatives. Who
 * may review at all is the permission table's answer (lib/access.ts); this is the domain rule on top.
 */
import { isOwnRecord } from '@thidua/contract';
import type { Actor } from '../../lib/actor.ts';
import { Forbidden } from '../../lib/errors.ts';
import { registerMessages } from '../../lib/messages.ts';

registerMessages({
  vi: { 'review.own_unit': 'Bạn không được thẩm định, xác nhận hồ sơ của chính đơn vị mình.' },
  en: { 'review.own_unit': 'You may not review or verify records of your own unit.' },
});

/**
 * Refuses (403 review.own_unit) an account that holds a unit role in the record's unit, or is the
 * person assessed, whatever its other roles.
 */
export function assertNotOwnUnit(actor: Actor, unitId: string, personId: string | null = null): void {
  if (isOwnRecord(actor, { unitId, personId })) throw Forbidden('review.own_unit');
}
