/**
 * Staff members of units. Admin and secretariat manage everyone; a unit head or officer manages the
 * staff of its own unit only (another unit's person answers 404 to them).
 */
import type { CreatePersonBody, Person, PersonListQuery, UpdatePersonBody } from '@thidua/contract';
import type { Db, Executor } from '../../db/client.ts';
import type { ActorCtx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, can, reachesUnit, reachOf } from '../../lib/access.ts';
import { Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';
import {
  deletePersonRow,
  findPeoplePage,
  findPerson,
  insertPerson,
  unitExists,
  updatePersonAtVersion,
  type PersonWithUnit,
} from './people.repository.ts';
import { toPerson } from './people.mapper.ts';

function assertCanManage(actor: Actor, unitId: string): void {
  assertCan(actor, 'person.manage', { unitId });
}

/** A person of a unit the actor does not manage is, for changing, as if absent (404, QUALITY.md). */
function assertManagesExisting(actor: Actor, unitId: string): void {
  assertCan(actor, 'person.manage', { unitId }, 'person');
}

export function personKey(p: { fullName: string; position?: string | null; email?: string | null }): string {
  return searchKey(`${p.fullName} ${p.position ?? ''} ${p.email ?? ''}`);
}

/** The person as this reader may see them: contact data only with 'person.read_contact' on them. */
function personFor(actor: Actor, row: PersonWithUnit): Person {
  const { unitId, id: personId } = row.person;
  return toPerson(row, can(actor, 'person.read_contact', { unitId, personId }));
}

export async function listPeople(db: Executor, actor: Actor, query: PersonListQuery) {
  const { page, pageSize, offset } = pageParams(query);
  const { rows, total } = await findPeoplePage(
    db,
    { ...query, reach: reachOf(actor, 'person.read') },
    { limit: pageSize, offset },
  );
  return { items: rows.map((r) => personFor(actor, r)), page, pageSize, total };
}

export async function getPerson(db: Executor, actor: Actor, id: string): Promise<Person> {
  const row = await findPerson(db, id);
  if (!row || !reachesUnit(reachOf(actor, 'person.read'), row.person.unitId)) throw NotFound('person');
  return personFor(actor, row);
}

async function assertUnitExists(db: Executor, unitId: string, field: string) {
  if (!(await unitExists(db, unitId)))
    throw Invalid([{ field, code: 'person.unit_not_found' }], 'person.unit_not_found');
}

export async function createPerson(db: Db, ctx: ActorCtx, body: CreatePersonBody): Promise<Person> {
  assertCanManage(ctx.actor, body.unitId);
  return db.transaction(async (tx) => {
    await assertUnitExists(tx, body.unitId, '/unitId');
    const id = newId('pe');
    await insertPerson(tx, {
      id,
      unitId: body.unitId,
      fullName: body.fullName,
      position: body.position ?? null,
      email: body.email ?? null,
      phone: body.phone ?? null,
      gender: body.gender ?? null,
      birthYear: body.birthYear ?? null,
      searchKey: personKey(body),
    });
    const person = toPerson((await findPerson(tx, id))!);
    await recordAudit(tx, ctx, { action: 'person.create', objectType: 'person', objectId: id, after: person });
    return person;
  });
}

export async function updatePerson(
  db: Db,
  ctx: ActorCtx,
  id: string,
  expectedVersion: number,
  body: UpdatePersonBody,
): Promise<Person> {
  return db.transaction(async (tx) => {
    const before = await findPerson(tx, id);
    if (!before) throw NotFound('person');
    assertManagesExisting(ctx.actor, before.person.unitId);
    if (body.unitId && body.unitId !== before.person.unitId) {
      assertCanManage(ctx.actor, body.unitId);
      await assertUnitExists(tx, body.unitId, '/unitId');
    }
    const merged = { ...before.person, ...body };
    const updated = await updatePersonAtVersion(tx, id, expectedVersion, {
      ...body,
      searchKey: personKey(merged),
      updatedAt: new Date(),
    });
    if (!updated) throw PreconditionFailed();
    const after = toPerson((await findPerson(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'person.update',
      objectType: 'person',
      objectId: id,
      before: toPerson(before),
      after,
    });
    return after;
  });
}

export async function deletePerson(db: Db, ctx: ActorCtx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findPerson(tx, id);
    if (!before) throw NotFound('person');
    assertManagesExisting(ctx.actor, before.person.unitId);
    // Rows that still refer to the person make this fail with 23503 → 409: archive instead.
    await deletePersonRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'person.delete',
      objectType: 'person',
      objectId: id,
      before: toPerson(before),
    });
  });
}
