/**
 * The permission table of the contract, applied on the server: `assertCan` for one object, `reachOf`
 * for the units a list may show. Services ask these; none keeps a role list of its own.
 */
import { inArray, sql, type Column, type SQL } from 'drizzle-orm';
import {
  can,
  grantsOf,
  isOwnRecord,
  ownUnitsFor,
  refusalOf,
  scopeOf,
  type Permission,
  type PermissionTarget,
} from '@thidua/contract';
import type { Actor } from './actor.ts';
import { Forbidden, NotFound } from './errors.ts';

export { can, ownUnitsFor, scopeOf };

/**
 * Refuses unless the actor holds the permission on the target: 403, or 404 naming `hiddenAs` when
 * the refusal must not reveal that the object exists.
 */
export function assertCan(
  actor: Actor | null,
  permission: Permission,
  target?: PermissionTarget,
  hiddenAs?: string,
): asserts actor is Actor {
  if (can(actor, permission, target)) return;
  throw hiddenAs ? NotFound(hiddenAs) : Forbidden(refusalOf(permission));
}

/** How far a permission reaches for an actor: every unit, or these units and the actor's own records. */
export type Reach = { all: true } | { all: false; unitIds: string[]; personId: string | null };

/** The units a permission reaches for one grant held at `unitId` in an own_unit scope. */
type OwnUnitReach = (actor: Actor, unitId: string) => Iterable<string>;

/**
 * One walk over the actor's grants for a permission: `any`, or `authority` held without a unit,
 * reaches everything; `authority` held at a unit reaches its subtree; `own_person` the actor's own
 * records; `own_unit` what `ownUnit` says (the unit itself, or for campaigns the authorities above).
 */
function reachThrough(actor: Actor | null, permission: Permission, ownUnit: OwnUnitReach): Reach {
  const units = new Set<string>();
  let personId: string | null = null;
  if (!actor) return { all: false, unitIds: [], personId };
  const grants = grantsOf(permission);
  for (const g of actor.roles) {
    const scope = grants[g.role];
    if (!scope) continue;
    if (scope === 'any' || (scope === 'authority' && !g.unitId)) return { all: true };
    if (scope === 'own_person') {
      personId = actor.personId;
      continue;
    }
    if (!g.unitId) continue;
    const reached = scope === 'authority' ? (actor.reach.get(g.unitId) ?? [g.unitId]) : ownUnit(actor, g.unitId);
    for (const u of reached) units.add(u);
  }
  return { all: false, unitIds: [...units], personId };
}

export function reachOf(actor: Actor | null, permission: Permission): Reach {
  return reachThrough(actor, permission, (_actor, unitId) => [unitId]);
}

/** Units reached by a grant scoped `own_unit` or `authority` (not the person's own records). */
export function reachesUnit(reach: Reach, unitId: string): boolean {
  return reach.all || reach.unitIds.includes(unitId);
}

/** A WHERE condition keeping rows whose unit column is within reach (undefined: no condition). */
export function unitWithin(reach: Reach, column: Column | SQL): SQL | undefined {
  if (reach.all) return undefined;
  return reach.unitIds.length ? inArray(column as Column, reach.unitIds) : sql`false`;
}

/**
 * The authorities whose campaigns (and what hangs off them) a permission reaches: the subtree of an
 * authority-wide grant, and for a unit member the authorities above its unit (whose campaigns it
 * takes part in).
 */
export function campaignReach(actor: Actor | null, permission: Permission): Reach {
  return reachThrough(actor, permission, (a, unitId) => a.above.get(unitId) ?? [unitId]);
}

/**
 * "Reviewers may not review their own unit" (PRODUCT.md), on top of the permission: an account that
 * holds a unit role in the record's unit, or is the person assessed, is refused (403
 * review.own_unit) whatever its other roles. Shared by submissions, findings and initiatives.
 */
export function assertNotOwnUnit(actor: Actor, unitId: string, personId: string | null = null): void {
  if (isOwnRecord(actor, { unitId, personId })) throw Forbidden('review.own_unit');
}
