/** Rows of the award catalogue as the contract shows them. */
import type {
  AwardBlocker,
  AwardSettings,
  AwardType,
  BaseSalary,
  GrantLevel,
  GrantPower,
  PublicHoliday,
} from '@thidua/contract';
import type { awardBlockers, awardTypes, baseSalaries, grantPowers, publicHolidays } from '../../db/schema/index.ts';
import type { AuthorityAwardSettings } from './catalogue.queries.ts';

type AwardTypeRow = typeof awardTypes.$inferSelect;
type GrantPowerRow = typeof grantPowers.$inferSelect;
type BaseSalaryRow = typeof baseSalaries.$inferSelect;
type HolidayRow = typeof publicHolidays.$inferSelect;
export type BlockerRow = typeof awardBlockers.$inferSelect;

export function toGrantPower(r: GrantPowerRow): GrantPower {
  return {
    id: r.id,
    awardTypeId: r.awardTypeId,
    level: r.grantorLevel as GrantLevel,
    legalReference: r.legalReference,
    validFrom: r.validFrom,
    validTo: r.validTo ?? null,
    version: r.version,
  };
}

export function toAwardType(r: AwardTypeRow, powers: GrantPowerRow[]): AwardType {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    form: r.form as AwardType['form'],
    recipientKind: r.recipientKind as AwardType['recipientKind'],
    bonusCoefficient: Number(r.bonusCoefficient),
    requiresInitiative: r.requiresInitiative,
    voteThreshold: r.voteThreshold === null ? null : Number(r.voteThreshold),
    description: r.description,
    displayOrder: r.displayOrder,
    archived: r.archived,
    grantPowers: powers.map(toGrantPower),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export function toBaseSalary(r: BaseSalaryRow): BaseSalary {
  return {
    id: r.id,
    amount: Number(r.amount),
    validFrom: r.validFrom,
    legalReference: r.legalReference,
    version: r.version,
  };
}

export function toHoliday(r: HolidayRow): PublicHoliday {
  return { date: r.day, name: r.name };
}

export function toSettings(s: AuthorityAwardSettings): AwardSettings {
  return {
    authorityUnitId: s.authorityUnitId,
    grantorLevel: s.grantorLevel,
    quorum: s.quorum,
    threshold: s.threshold,
    thresholdStrict: s.thresholdStrict,
    postingWorkingDays: s.postingWorkingDays,
    bonusRoundingStep: s.bonusRoundingStep,
    grantorTitle: s.grantorTitle,
    issuerCode: s.issuerCode,
    place: s.place,
    stored: s.stored,
    version: s.version,
  };
}

export function toBlocker(r: BlockerRow, unitName: string | null, personName: string | null): AwardBlocker {
  return {
    id: r.id,
    unitId: r.unitId ?? null,
    unitName,
    personId: r.personId ?? null,
    personName,
    kind: r.kind as AwardBlocker['kind'],
    reason: r.reason,
    since: r.since,
    open: r.liftedAt === null,
    liftedAt: r.liftedAt ? r.liftedAt.toISOString() : null,
    liftReason: r.liftReason ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}
