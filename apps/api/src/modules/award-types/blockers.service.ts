/**
 * Blockers on nominees (AWARDS.md: no award, and no proposal upward, while under discipline,
 * investigation, inspection or an unresolved complaint): the office records one on a unit or a
 * person of its authority with its reason and start date, and lifts it with a reason. A person's
 * blocker also carries the person's unit, so the authority scope reads from one column.
 */
import { eq, sql } from 'drizzle-orm';
import type {
  AwardBlocker,
  AwardBlockerList,
  AwardBlockerQuery,
  CreateAwardBlockerBody,
  LiftAwardBlockerBody,
} from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import { awardBlockers } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, can, reachOf } from '../../lib/access.ts';
import type { ActorCtx } from '../../lib/context.ts';
import { Conflict, NotFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { todayInVietnam } from '../campaigns/index.ts';
import { toBlocker } from './award-types.mapper.ts';
import { fieldError } from './award-types.service.ts';
import { findBlockerRow, findBlockerRows, findPersonUnit, findUnitBasics } from './award-types.repository.ts';

type Joined = NonNullable<Awaited<ReturnType<typeof findBlockerRow>>>;
const toDto = (r: Joined): AwardBlocker => toBlocker(r.blocker, r.unitName ?? null, r.personName ?? null);

export async function listBlockers(db: Executor, actor: Actor, query: AwardBlockerQuery): Promise<AwardBlockerList> {
  const rows = await findBlockerRows(db, { reach: reachOf(actor, 'award_blocker.read'), ...query });
  return { items: rows.map(toDto) };
}

/** The reason recording or lifting a blocker, trimmed; 400 award_blocker.reason_required when blank. */
function reasonOf(body: { reason: string }): string {
  const reason = body.reason.trim();
  if (!reason) throw fieldError('/reason', 'award_blocker.reason_required');
  return reason;
}

async function readBlocker(db: Executor, id: string): Promise<AwardBlocker> {
  const row = await findBlockerRow(db, id);
  if (!row) throw NotFound('award_blocker');
  return toDto(row);
}

export async function createBlocker(db: Db, ctx: ActorCtx, body: CreateAwardBlockerBody): Promise<AwardBlocker> {
  return db.transaction(async (tx) => {
    if (body.unitId && body.personId) throw fieldError('/personId', 'award_blocker.one_nominee');
    let unitId: string;
    let personId: string | null = null;
    if (body.personId) {
      const person = await findPersonUnit(tx, body.personId);
      if (!person) throw fieldError('/personId', 'award_blocker.person_not_found');
      unitId = person.unitId;
      personId = person.id;
    } else if (body.unitId) {
      if (!(await findUnitBasics(tx, body.unitId))) throw fieldError('/unitId', 'award_blocker.unit_not_found');
      unitId = body.unitId;
    } else {
      throw fieldError('/unitId', 'award_blocker.nominee_required');
    }
    assertCan(ctx.actor, 'award_blocker.manage', { unitId, personId: null });
    if (body.since > todayInVietnam()) throw fieldError('/since', 'award_blocker.since_future');
    const reason = reasonOf(body);
    const id = newId('ab');
    await tx.insert(awardBlockers).values({
      id,
      unitId,
      personId,
      kind: body.kind,
      reason,
      since: body.since,
      createdBy: ctx.actor.userId,
    });
    const after = await readBlocker(tx, id);
    await recordAudit(tx, ctx, { action: 'award_blocker.create', objectType: 'award_blocker', objectId: id, after });
    return after;
  });
}

export async function liftBlocker(
  db: Db,
  ctx: ActorCtx,
  id: string,
  body: LiftAwardBlockerBody,
): Promise<AwardBlocker> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(awardBlockers).where(eq(awardBlockers.id, id)).for('update');
    const target = { unitId: locked?.unitId ?? null, personId: null };
    if (!locked || !can(ctx.actor, 'award_blocker.read', target)) throw NotFound('award_blocker');
    assertCan(ctx.actor, 'award_blocker.manage', target);
    if (locked.liftedAt) throw Conflict('award_blocker.already_lifted');
    const reason = reasonOf(body);
    const before = await readBlocker(tx, id);
    await tx
      .update(awardBlockers)
      .set({
        liftedAt: new Date(),
        liftedBy: ctx.actor.userId,
        liftReason: reason,
        updatedAt: new Date(),
        version: sql`${awardBlockers.version} + 1`,
      })
      .where(eq(awardBlockers.id, id));
    const after = await readBlocker(tx, id);
    await recordAudit(tx, ctx, {
      action: 'award_blocker.lift',
      objectType: 'award_blocker',
      objectId: id,
      before,
      after,
    });
    return after;
  });
}
