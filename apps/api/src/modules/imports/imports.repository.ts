/**
 * The reads and writes of an import: units and staff in bulk. An import writes the units and people
 * tables itself (one statement a slice) rather than through those modules' single-record services.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { people, units } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';

export type UnitRow = typeof units.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type NewUnitRow = typeof units.$inferInsert;
export type NewPersonRow = typeof people.$inferInsert;

export async function allUnitRows(tx: Tx): Promise<UnitRow[]> {
  return tx.select().from(units);
}

export async function allUnitCodes(tx: Tx): Promise<{ id: string; code: string }[]> {
  return tx.select({ id: units.id, code: units.code }).from(units);
}

export async function peopleOfUnits(tx: Tx, unitIds: string[]): Promise<PersonRow[]> {
  return tx.select().from(people).where(inArray(people.unitId, unitIds));
}

export async function insertUnits(tx: Tx, rows: NewUnitRow[]): Promise<void> {
  await tx.insert(units).values(rows);
}

export async function insertPeople(tx: Tx, rows: NewPersonRow[]): Promise<void> {
  await tx.insert(people).values(rows);
}

/** Writes `set` to the unit and bumps its version. */
export async function updateUnitRow(tx: Tx, id: string, set: Partial<UnitRow>): Promise<void> {
  await tx
    .update(units)
    .set({ ...set, version: sql`${units.version} + 1` })
    .where(eq(units.id, id));
}

/** Writes `set` to the person and bumps their version. */
export async function updatePersonRow(tx: Tx, id: string, set: Partial<PersonRow>): Promise<void> {
  await tx
    .update(people)
    .set({ ...set, version: sql`${people.version} + 1` })
    .where(eq(people.id, id));
}
