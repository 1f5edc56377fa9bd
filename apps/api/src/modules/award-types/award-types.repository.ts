/** Queries of the catalogue's admin screens (what other modules ask lives in catalogue.queries.ts). */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import {
  awardBlockers,
  awardSettings,
  awardTypes,
  baseSalaries,
  campaignAwardTypes,
  grantPowers,
  people,
  publicHolidays,
  units,
} from '../../db/schema/index.ts';
import { unitWithin, type Reach } from '../../lib/access.ts';

// ── Award types and grant powers ──────────────────────────────────────────────────────────────

export async function findAwardTypeRows(db: Executor, includeArchived: boolean) {
  return db
    .select()
    .from(awardTypes)
    .where(includeArchived ? undefined : eq(awardTypes.archived, false))
    .orderBy(asc(awardTypes.displayOrder), asc(awardTypes.name));
}

export async function findAwardTypeRow(db: Executor, id: string, lock = false) {
  const q = db.select().from(awardTypes).where(eq(awardTypes.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function awardTypeCodeTaken(db: Executor, code: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: awardTypes.id })
    .from(awardTypes)
    .where(and(eq(awardTypes.code, code), exceptId ? ne(awardTypes.id, exceptId) : undefined));
  return Boolean(row);
}

export async function grantPowerRowsOf(db: Executor, awardTypeIds: string[]) {
  if (!awardTypeIds.length) return [];
  return db
    .select()
    .from(grantPowers)
    .where(inArray(grantPowers.awardTypeId, awardTypeIds))
    .orderBy(asc(grantPowers.validFrom), asc(grantPowers.grantorLevel));
}

export async function findGrantPowerRows(db: Executor, filter: { on?: string; awardTypeId?: string }) {
  const conds: (SQL | undefined)[] = [];
  if (filter.awardTypeId) conds.push(eq(grantPowers.awardTypeId, filter.awardTypeId));
  if (filter.on)
    conds.push(
      lte(grantPowers.validFrom, filter.on),
      or(isNull(grantPowers.validTo), gte(grantPowers.validTo, filter.on)),
    );
  return db
    .select({ power: grantPowers })
    .from(grantPowers)
    .innerJoin(awardTypes, eq(awardTypes.id, grantPowers.awardTypeId))
    .where(and(...conds))
    .orderBy(asc(awardTypes.displayOrder), asc(grantPowers.grantorLevel), asc(grantPowers.validFrom))
    .then((rows) => rows.map((r) => r.power));
}

export async function findGrantPowerRow(db: Executor, id: string, lock = false) {
  const q = db.select().from(grantPowers).where(eq(grantPowers.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

// ── Base salaries and holidays ────────────────────────────────────────────────────────────────

export async function findBaseSalaryRows(db: Executor) {
  return db.select().from(baseSalaries).orderBy(asc(baseSalaries.validFrom));
}

export async function findBaseSalaryRow(db: Executor, id: string, lock = false) {
  const q = db.select().from(baseSalaries).where(eq(baseSalaries.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function baseSalaryDateTaken(db: Executor, validFrom: string, exceptId?: string): Promise<boolean> {
  const [row] = await db
    .select({ id: baseSalaries.id })
    .from(baseSalaries)
    .where(and(eq(baseSalaries.validFrom, validFrom), exceptId ? ne(baseSalaries.id, exceptId) : undefined));
  return Boolean(row);
}

export async function findHolidayRows(db: Executor, year?: number) {
  return db
    .select()
    .from(publicHolidays)
    .where(year ? and(gte(publicHolidays.day, `${year}-01-01`), lte(publicHolidays.day, `${year}-12-31`)) : undefined)
    .orderBy(asc(publicHolidays.day));
}

export async function findHolidayRow(db: Executor, day: string) {
  const [row] = await db.select().from(publicHolidays).where(eq(publicHolidays.day, day));
  return row ?? null;
}

// ── Settings ──────────────────────────────────────────────────────────────────────────────────

export async function findUnitBasics(db: Executor, id: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(eq(units.id, id));
  return row ?? null;
}

export async function lockSettingsRow(tx: Tx, unitId: string) {
  const [row] = await tx.select().from(awardSettings).where(eq(awardSettings.authorityUnitId, unitId)).for('update');
  return row ?? null;
}

// ── Blockers ──────────────────────────────────────────────────────────────────────────────────

const blockerColumns = { blocker: awardBlockers, unitName: units.name, personName: people.fullName };

export async function findBlockerRows(
  db: Executor,
  filter: { reach: Reach; unitId?: string; personId?: string; open?: boolean },
) {
  return db
    .select(blockerColumns)
    .from(awardBlockers)
    .leftJoin(units, eq(units.id, awardBlockers.unitId))
    .leftJoin(people, eq(people.id, awardBlockers.personId))
    .where(
      and(
        unitWithin(filter.reach, awardBlockers.unitId),
        filter.unitId ? eq(awardBlockers.unitId, filter.unitId) : undefined,
        filter.personId ? eq(awardBlockers.personId, filter.personId) : undefined,
        filter.open === undefined
          ? undefined
          : filter.open
            ? isNull(awardBlockers.liftedAt)
            : isNotNull(awardBlockers.liftedAt),
      ),
    )
    .orderBy(sql`${awardBlockers.liftedAt} is not null`, asc(awardBlockers.since), asc(awardBlockers.id));
}

export async function findBlockerRow(db: Executor, id: string) {
  const [row] = await db
    .select(blockerColumns)
    .from(awardBlockers)
    .leftJoin(units, eq(units.id, awardBlockers.unitId))
    .leftJoin(people, eq(people.id, awardBlockers.personId))
    .where(eq(awardBlockers.id, id));
  return row ?? null;
}

export async function findPersonUnit(db: Executor, personId: string) {
  const [row] = await db.select({ id: people.id, unitId: people.unitId }).from(people).where(eq(people.id, personId));
  return row ?? null;
}

// ── Campaign award types ──────────────────────────────────────────────────────────────────────

export async function replaceCampaignAwardTypes(tx: Tx, campaignId: string, awardTypeIds: string[]) {
  await tx.delete(campaignAwardTypes).where(eq(campaignAwardTypes.campaignId, campaignId));
  if (awardTypeIds.length)
    await tx
      .insert(campaignAwardTypes)
      .values(awardTypeIds.map((awardTypeId, position) => ({ campaignId, awardTypeId, position })));
}
