/**
 * The questions other modules ask of the award catalogue: the level an authority grants at, who may
 * grant an award type on a date, the base salary in force, the public holidays, open blockers on a
 * nominee, and the bonus an award carries. Everything here reads data the administrator keeps.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { GrantLevel } from '@thidua/contract';
import type { Executor } from '../../db/client.ts';
import {
  awardBlockers,
  awardSettings,
  awardTypes,
  baseSalaries,
  campaignAwardTypes,
  grantPowers,
  publicHolidays,
} from '../../db/schema/index.ts';

/** The levels of the authority matrix: the contract's GrantLevel, not a list of their own. */
export type GrantorLevel = GrantLevel;

export interface AuthorityAwardSettings {
  authorityUnitId: string;
  grantorLevel: GrantorLevel;
  /** Whether these come from a stored row (false: the defaults below, derived from the tree). */
  stored: boolean;
  quorum: number;
  threshold: number;
  thresholdStrict: boolean;
  postingWorkingDays: number;
  bonusRoundingStep: number;
  grantorTitle: string;
  issuerCode: string;
  place: string;
  version: number;
}

/**
 * The level an authority grants at when the administrator has not said: a commune's committee at
 * the commune level, an office (a department) at the provincial department level, an authority with
 * an authority above it at the commune level, and the top authority at the provincial level.
 */
async function derivedLevel(tx: Executor, unitId: string): Promise<{ level: GrantorLevel; name: string }> {
  const { rows } = (await tx.execute(sql`
    with recursive up as (
      select id, parent_id, kind, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.kind, up.depth + 1 from units u join up on u.id = up.parent_id
    )
    select (select kind from up where depth = 0) as kind,
           (select name from units where id = ${unitId}) as name,
           exists(select 1 from up where depth > 0 and kind in ('authority', 'commune')) as has_authority_above`)) as unknown as {
    rows: { kind: string; name: string; has_authority_above: boolean }[];
  };
  const row = rows[0];
  if (!row?.kind) return { level: 'commune', name: '' };
  if (row.kind === 'commune') return { level: 'commune', name: row.name };
  if (row.kind === 'office') return { level: 'province_department', name: row.name };
  return { level: row.has_authority_above ? 'commune' : 'province', name: row.name };
}

export async function awardSettingsOf(tx: Executor, authorityUnitId: string): Promise<AuthorityAwardSettings> {
  const [row] = await tx.select().from(awardSettings).where(eq(awardSettings.authorityUnitId, authorityUnitId));
  if (row) {
    return {
      authorityUnitId,
      grantorLevel: row.grantorLevel as GrantorLevel,
      stored: true,
      quorum: Number(row.quorum),
      threshold: Number(row.threshold),
      thresholdStrict: row.thresholdStrict,
      postingWorkingDays: row.postingWorkingDays,
      bonusRoundingStep: row.bonusRoundingStep,
      grantorTitle: row.grantorTitle,
      issuerCode: row.issuerCode,
      place: row.place,
      version: row.version,
    };
  }
  const { level, name } = await derivedLevel(tx, authorityUnitId);
  return {
    authorityUnitId,
    grantorLevel: level,
    stored: false,
    quorum: 0.6667,
    threshold: 0.5,
    thresholdStrict: true,
    postingWorkingDays: 10,
    bonusRoundingStep: 1000,
    grantorTitle: `CHỦ TỊCH ${name.replace(/^UBND\b/u, 'ỦY BAN NHÂN DÂN').toLocaleUpperCase('vi')}`,
    issuerCode: 'UBND',
    place: '',
    version: 0,
  };
}

/** The matrix row that lets `level` grant the award type on `onDate`, or null. */
export async function grantPowerFor(tx: Executor, level: GrantorLevel, awardTypeId: string, onDate: string) {
  const [row] = await tx
    .select()
    .from(grantPowers)
    .where(
      and(
        eq(grantPowers.awardTypeId, awardTypeId),
        eq(grantPowers.grantorLevel, level),
        lte(grantPowers.validFrom, onDate),
        or(isNull(grantPowers.validTo), gte(grantPowers.validTo, onDate)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Every matrix row valid on `onDate` for the award type (to say who could grant it instead). */
export async function grantPowersOn(tx: Executor, awardTypeId: string, onDate: string) {
  return tx
    .select()
    .from(grantPowers)
    .where(
      and(
        eq(grantPowers.awardTypeId, awardTypeId),
        lte(grantPowers.validFrom, onDate),
        or(isNull(grantPowers.validTo), gte(grantPowers.validTo, onDate)),
      ),
    );
}

/** The base salary in force on a date (the latest that started on or before it), or null before the first. */
export async function baseSalaryOn(tx: Executor, date: string) {
  const [row] = await tx
    .select()
    .from(baseSalaries)
    .where(lte(baseSalaries.validFrom, date))
    .orderBy(desc(baseSalaries.validFrom))
    .limit(1);
  return row ?? null;
}

/** The public holidays from `from` to `to`, inclusive, as a set for lib/working-days.ts. */
export async function holidaysBetween(tx: Executor, from: string, to: string): Promise<Set<string>> {
  const rows = await tx
    .select({ day: publicHolidays.day })
    .from(publicHolidays)
    .where(and(gte(publicHolidays.day, from), lte(publicHolidays.day, to)));
  return new Set(rows.map((r) => r.day));
}

/** Blockers not yet lifted on a person, or on a unit (and, for a person, none on the person's unit counts). */
export async function openBlockersOf(tx: Executor, nominee: { unitId: string; personId: string | null }) {
  return tx
    .select()
    .from(awardBlockers)
    .where(
      and(
        isNull(awardBlockers.liftedAt),
        nominee.personId
          ? eq(awardBlockers.personId, nominee.personId)
          : and(eq(awardBlockers.unitId, nominee.unitId), isNull(awardBlockers.personId)),
      ),
    )
    .orderBy(asc(awardBlockers.since));
}

export async function awardTypeById(tx: Executor, id: string) {
  const [row] = await tx.select().from(awardTypes).where(eq(awardTypes.id, id));
  return row ?? null;
}

/** The award types a campaign leads to, in its order. */
export async function campaignAwardTypeIds(tx: Executor, campaignId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: campaignAwardTypes.awardTypeId })
    .from(campaignAwardTypes)
    .where(eq(campaignAwardTypes.campaignId, campaignId))
    .orderBy(asc(campaignAwardTypes.position));
  return rows.map((r) => r.id);
}

export async function awardTypesByIds(tx: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(awardTypes).where(inArray(awardTypes.id, ids));
}

/**
 * Bonus in VND: coefficient × base salary, rounded up to a multiple of `roundingStep` (1 = to the
 * dong). Computed in integers of thousandths so 0.3 × 2,340,000 is exactly 702,000.
 */
export function bonusAmount(coefficient: number | string, baseSalary: number, roundingStep: number): number {
  const milli = Math.round(Number(coefficient) * 1000);
  const exact = Math.ceil((milli * baseSalary) / 1000);
  const step = Math.max(1, roundingStep);
  return Math.ceil(exact / step) * step;
}
