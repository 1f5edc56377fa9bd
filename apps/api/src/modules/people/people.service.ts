/**
 * Staff members of units. Admin and secretariat manage everyone; a unit head or officer manages the
 * staff of its own unit only (another unit's person answers 404 to them).
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { CreatePersonBody, Person, PersonListQuery, UpdatePersonBody } from '@thidua/contract';
import { people, units } from '../../db/schema/index.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, reachesUnit, reachOf, unitWithin } from '../../lib/access.ts';
import { Invalid, NotFound, PreconditionFailed } from '../../lib/errors.ts';
import { pageParams } from '../../lib/http.ts';
import { newId } from '../../lib/ids.ts';
import { matchesSearch, searchKey } from '../../lib/search.ts';
import { recordAudit } from '../audit/index.ts';

type Row = typeof people.$inferSelect;

const columns = { person: people, unitName: units.name };

function toPerson(r: { person: Row; unitName: string }): Person {
  const p = r.person;
  return {
    id: p.id,
    unitId: p.unitId,
    unitName: r.unitName,
    fullName: p.fullName,
    position: p.position,
    email: p.email,
    phone: p.phone,
    gender: (p.gender as Person['gender']) ?? null,
    birthYear: p.birthYear,
    archived: p.archived,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

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

export async function listPeople(db: Executor, actor: Actor, query: PersonListQuery) {
  const { page, pageSize, offset } = pageParams(query);
  const where: (SQL | undefined)[] = [
    matchesSearch(people.searchKey, query.q),
    unitWithin(reachOf(actor, 'person.read'), people.unitId),
  ];
  if (query.unitId) where.push(eq(people.unitId, query.unitId));
  if (!query.includeArchived) where.push(eq(people.archived, false));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(cond)
      .orderBy(asc(people.fullName), asc(people.id))
      .limit(pageSize)
      .offset(offset),
    db.select({ n: count() }).from(people).where(cond),
  ]);
  return { items: rows.map(toPerson), page, pageSize, total: total?.n ?? 0 };
}

async function findPerson(db: Executor, id: string) {
  const [row] = await db
    .select(columns)
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(eq(people.id, id));
  return row ?? null;
}

export async function getPerson(db: Executor, actor: Actor, id: string): Promise<Person> {
  const row = await findPerson(db, id);
  if (!row || !reachesUnit(reachOf(actor, 'person.read'), row.person.unitId)) throw NotFound('person');
  return toPerson(row);
}

async function assertUnitExists(db: Executor, unitId: string, field: string) {
  const [u] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!u) throw Invalid([{ field, code: 'person.unit_not_found' }], 'person.unit_not_found');
}

export async function createPerson(db: Db, ctx: Ctx, body: CreatePersonBody): Promise<Person> {
  assertCanManage(ctx.actor!, body.unitId);
  return db.transaction(async (tx) => {
    await assertUnitExists(tx, body.unitId, '/unitId');
    const id = newId('pe');
    await tx.insert(people).values({
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
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  body: UpdatePersonBody,
): Promise<Person> {
  return db.transaction(async (tx) => {
    const before = await findPerson(tx, id);
    if (!before) throw NotFound('person');
    assertManagesExisting(ctx.actor!, before.person.unitId);
    if (body.unitId && body.unitId !== before.person.unitId) {
      assertCanManage(ctx.actor!, body.unitId);
      await assertUnitExists(tx, body.unitId, '/unitId');
    }
    const merged = { ...before.person, ...body };
    const [row] = await tx
      .update(people)
      .set({ ...body, searchKey: personKey(merged), updatedAt: new Date(), version: sql`${people.version} + 1` })
      .where(and(eq(people.id, id), eq(people.version, expectedVersion)))
      .returning({ id: people.id });
    if (!row) throw PreconditionFailed();
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

export async function deletePerson(db: Db, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findPerson(tx, id);
    if (!before) throw NotFound('person');
    assertManagesExisting(ctx.actor!, before.person.unitId);
    // Rows that still refer to the person make this fail with 23503 → 409: archive instead.
    await tx.delete(people).where(eq(people.id, id));
    await recordAudit(tx, ctx, {
      action: 'person.delete',
      objectType: 'person',
      objectId: id,
      before: toPerson(before),
    });
  });
}

export async function countPeopleByUnit(db: Executor, unitIds: string[]) {
  if (!unitIds.length) return new Map<string, number>();
  const rows = await db
    .select({ unitId: people.unitId, n: count() })
    .from(people)
    .where(inArray(people.unitId, unitIds))
    .groupBy(people.unitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}
