/**
 * The award catalogue (Law 06/2022/QH15 Art. 9, 80): forms of commendation and emulation titles,
 * who may grant each (dated rows of the authority matrix, since the 2025 reform moved the district
 * level's powers), base salaries by date, public holidays, each authority's award settings, the
 * blockers that stop an award (pending discipline, investigation, inspection, complaint), and the
 * award types a campaign leads to. All of it is data the administrator keeps.
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, StringEnum } from './common.ts';

export const AWARD_FORMS = ['commendation', 'title', 'flag'] as const;
export type AwardForm = (typeof AWARD_FORMS)[number];
export const AwardForm = StringEnum(AWARD_FORMS, {
  description: 'commendation: Giấy khen, Bằng khen; title: an emulation title (Lao động tiên tiến …); flag: Cờ thi đua',
});

export const RECIPIENT_KINDS = ['individual', 'collective', 'household'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RecipientKind = StringEnum(RECIPIENT_KINDS);

export const GRANT_LEVELS = ['commune', 'province_department', 'province', 'district'] as const;
export type GrantLevel = (typeof GRANT_LEVELS)[number];
export const GrantLevel = StringEnum(GRANT_LEVELS, {
  description:
    'commune: Chủ tịch UBND cấp xã; province_department: Thủ trưởng cơ quan cấp tỉnh; province: Chủ tịch UBND cấp tỉnh; district: Chủ tịch UBND cấp huyện (until 30 Jun 2025)',
});
/** How each level is named on screens and in messages. */
export const GRANT_LEVEL_LABELS: Record<GrantLevel, { vi: string; en: string }> = {
  commune: { vi: 'Chủ tịch UBND cấp xã', en: 'Chairman of a commune People’s Committee' },
  province_department: { vi: 'Thủ trưởng cơ quan cấp tỉnh', en: 'Head of a provincial department' },
  province: { vi: 'Chủ tịch UBND cấp tỉnh', en: 'Chairman of the provincial People’s Committee' },
  district: {
    vi: 'Chủ tịch UBND cấp huyện (đến 30/6/2025)',
    en: 'Chairman of a district People’s Committee (until 30 Jun 2025)',
  },
};

export const BLOCKER_KINDS = ['discipline', 'investigation', 'inspection', 'complaint'] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];
export const BlockerKind = StringEnum(BLOCKER_KINDS, {
  description: 'discipline: pending discipline; investigation; inspection; complaint: an unresolved complaint',
});

const Ratio = Type.Number({ minimum: 0, maximum: 1, description: 'A share, 0..1', examples: [0.5] });
const legalReference = Type.String({
  maxLength: 1000,
  examples: ['Điều 80 Luật Thi đua, khen thưởng số 06/2022/QH15'],
});

// ── Grant powers (the authority matrix) ───────────────────────────────────────────────────────

export const GrantPower = Type.Object(
  {
    id: Id,
    awardTypeId: Id,
    level: GrantLevel,
    legalReference: Type.String(),
    validFrom: DateOnly,
    validTo: Type.Union([DateOnly, Type.Null()], { description: 'Last day it holds; null: open-ended' }),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type GrantPower = Static<typeof GrantPower>;

export const GrantPowerList = Type.Object({ items: Type.Array(GrantPower) }, { additionalProperties: false });
export type GrantPowerList = Static<typeof GrantPowerList>;

export const GrantPowerListQuery = Type.Object(
  {
    on: Type.Optional(DateOnly),
    awardTypeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type GrantPowerListQuery = Static<typeof GrantPowerListQuery>;

export const CreateGrantPowerBody = Type.Object(
  {
    awardTypeId: Id,
    level: GrantLevel,
    legalReference: Type.Optional(legalReference),
    validFrom: DateOnly,
    validTo: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateGrantPowerBody = Static<typeof CreateGrantPowerBody>;

export const UpdateGrantPowerBody = Type.Object(
  {
    level: Type.Optional(GrantLevel),
    legalReference: Type.Optional(legalReference),
    validFrom: Type.Optional(DateOnly),
    validTo: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGrantPowerBody = Static<typeof UpdateGrantPowerBody>;

// ── Award types ───────────────────────────────────────────────────────────────────────────────

const awardFields = {
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_]+$', examples: ['giay_khen_individual'] }),
  name: Type.String({ minLength: 1, maxLength: 300, examples: ['Giấy khen (cá nhân)'] }),
  form: AwardForm,
  recipientKind: RecipientKind,
  bonusCoefficient: Type.Number({
    minimum: 0,
    maximum: 100,
    description: 'Bonus = coefficient × base salary',
    examples: [0.3],
  }),
  requiresInitiative: Type.Boolean({ description: 'Needs a recognised initiative (Chiến sĩ thi đua cơ sở)' }),
  voteThreshold: Type.Union([Ratio, Type.Null()], {
    description: "Share of all council members in favour when higher than the authority's; null: the authority's",
  }),
  description: Type.String({ maxLength: 5000 }),
  displayOrder: Type.Integer({ minimum: 0, maximum: 100000 }),
  archived: Type.Boolean(),
};

export const AwardType = Type.Object(
  {
    id: Id,
    ...awardFields,
    grantPowers: Type.Array(GrantPower, { description: 'Who may grant it (every dated row, current and past)' }),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type AwardType = Static<typeof AwardType>;

export const AwardTypeList = Type.Object({ items: Type.Array(AwardType) }, { additionalProperties: false });
export type AwardTypeList = Static<typeof AwardTypeList>;

export const AwardTypeListQuery = Type.Object(
  { includeArchived: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);
export type AwardTypeListQuery = Static<typeof AwardTypeListQuery>;

export const CreateAwardTypeBody = Type.Object(
  {
    code: awardFields.code,
    name: awardFields.name,
    form: awardFields.form,
    recipientKind: awardFields.recipientKind,
    bonusCoefficient: awardFields.bonusCoefficient,
    requiresInitiative: Type.Optional(awardFields.requiresInitiative),
    voteThreshold: Type.Optional(awardFields.voteThreshold),
    description: Type.Optional(awardFields.description),
    displayOrder: Type.Optional(awardFields.displayOrder),
  },
  { additionalProperties: false },
);
export type CreateAwardTypeBody = Static<typeof CreateAwardTypeBody>;

export const UpdateAwardTypeBody = Type.Object(
  {
    code: Type.Optional(awardFields.code),
    name: Type.Optional(awardFields.name),
    form: Type.Optional(awardFields.form),
    recipientKind: Type.Optional(awardFields.recipientKind),
    bonusCoefficient: Type.Optional(awardFields.bonusCoefficient),
    requiresInitiative: Type.Optional(awardFields.requiresInitiative),
    voteThreshold: Type.Optional(awardFields.voteThreshold),
    description: Type.Optional(awardFields.description),
    displayOrder: Type.Optional(awardFields.displayOrder),
    archived: Type.Optional(awardFields.archived),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ bonusCoefficient: 0.3 }] },
);
export type UpdateAwardTypeBody = Static<typeof UpdateAwardTypeBody>;

// ── Base salaries ─────────────────────────────────────────────────────────────────────────────

export const BaseSalary = Type.Object(
  {
    id: Id,
    amount: Type.Integer({ description: 'VND per month', examples: [2340000] }),
    validFrom: DateOnly,
    legalReference: Type.String(),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type BaseSalary = Static<typeof BaseSalary>;
export const BaseSalaryList = Type.Object({ items: Type.Array(BaseSalary) }, { additionalProperties: false });
export type BaseSalaryList = Static<typeof BaseSalaryList>;

export const CreateBaseSalaryBody = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000, examples: [2340000] }),
    validFrom: DateOnly,
    legalReference: Type.Optional(legalReference),
  },
  { additionalProperties: false },
);
export type CreateBaseSalaryBody = Static<typeof CreateBaseSalaryBody>;
export const UpdateBaseSalaryBody = Type.Object(
  {
    amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
    validFrom: Type.Optional(DateOnly),
    legalReference: Type.Optional(legalReference),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBaseSalaryBody = Static<typeof UpdateBaseSalaryBody>;
export const OnDateQuery = Type.Object({ on: Type.Optional(DateOnly) }, { additionalProperties: false });
export type OnDateQuery = Static<typeof OnDateQuery>;

// ── Public holidays and working days ──────────────────────────────────────────────────────────

export const PublicHoliday = Type.Object(
  { date: DateOnly, name: Type.String({ examples: ['Tết Nguyên đán'] }) },
  { additionalProperties: false },
);
export type PublicHoliday = Static<typeof PublicHoliday>;
export const PublicHolidayList = Type.Object({ items: Type.Array(PublicHoliday) }, { additionalProperties: false });
export type PublicHolidayList = Static<typeof PublicHolidayList>;
export const PublicHolidayQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
export type PublicHolidayQuery = Static<typeof PublicHolidayQuery>;
export const DateParams = Type.Object({ date: DateOnly }, { additionalProperties: false });
export type DateParams = Static<typeof DateParams>;
export const PutPublicHolidayBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type PutPublicHolidayBody = Static<typeof PutPublicHolidayBody>;

export const WorkingDaysQuery = Type.Object({ from: DateOnly, to: DateOnly }, { additionalProperties: false });
export type WorkingDaysQuery = Static<typeof WorkingDaysQuery>;
export const WorkingDays = Type.Object(
  {
    from: DateOnly,
    to: DateOnly,
    workingDays: Type.Integer({
      description: 'Working days after `from` up to and including `to` (weekends and public holidays skipped)',
    }),
  },
  { additionalProperties: false },
);
export type WorkingDays = Static<typeof WorkingDays>;

// ── Award settings per authority ──────────────────────────────────────────────────────────────

const settingsFields = {
  grantorLevel: GrantLevel,
  quorum: Ratio,
  threshold: Ratio,
  thresholdStrict: Type.Boolean({
    description: 'true: the share in favour must exceed the threshold; false: reach it',
  }),
  postingWorkingDays: Type.Integer({
    minimum: 1,
    maximum: 60,
    description: 'Working days a posted list stays open for objections: at least one',
  }),
  bonusRoundingStep: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    description: 'Round bonuses up to a multiple of this (VND)',
  }),
  grantorTitle: Type.String({ maxLength: 300, examples: ['CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THẠCH HẢI'] }),
  issuerCode: Type.String({ minLength: 1, maxLength: 30, examples: ['UBND'] }),
  place: Type.String({ maxLength: 100, examples: ['Thạch Hải'] }),
};
export const AwardSettings = Type.Object(
  {
    authorityUnitId: Id,
    ...settingsFields,
    stored: Type.Boolean({ description: 'false: derived defaults (nothing stored yet)' }),
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type AwardSettings = Static<typeof AwardSettings>;
export const PutAwardSettingsBody = Type.Object(settingsFields, { additionalProperties: false });
export type PutAwardSettingsBody = Static<typeof PutAwardSettingsBody>;
export const UnitIdParams = Type.Object({ unitId: Id }, { additionalProperties: false });
export type UnitIdParams = Static<typeof UnitIdParams>;

// ── Blockers ──────────────────────────────────────────────────────────────────────────────────

export const AwardBlocker = Type.Object(
  {
    id: Id,
    unitId: Type.Union([Id, Type.Null()]),
    unitName: Type.Union([Type.String(), Type.Null()]),
    personId: Type.Union([Id, Type.Null()]),
    personName: Type.Union([Type.String(), Type.Null()]),
    kind: BlockerKind,
    reason: Type.String(),
    since: DateOnly,
    open: Type.Boolean(),
    liftedAt: Type.Union([DateTime, Type.Null()]),
    liftReason: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type AwardBlocker = Static<typeof AwardBlocker>;
export const AwardBlockerList = Type.Object({ items: Type.Array(AwardBlocker) }, { additionalProperties: false });
export type AwardBlockerList = Static<typeof AwardBlockerList>;
export const AwardBlockerQuery = Type.Object(
  {
    unitId: Type.Optional(Id),
    personId: Type.Optional(Id),
    open: Type.Optional(Type.Boolean({ description: 'true: only those not lifted; false: only lifted' })),
  },
  { additionalProperties: false },
);
export type AwardBlockerQuery = Static<typeof AwardBlockerQuery>;
export const CreateAwardBlockerBody = Type.Object(
  {
    unitId: Type.Optional(Id),
    personId: Type.Optional(Id),
    kind: BlockerKind,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    since: DateOnly,
  },
  { additionalProperties: false },
);
export type CreateAwardBlockerBody = Static<typeof CreateAwardBlockerBody>;
export const LiftAwardBlockerBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type LiftAwardBlockerBody = Static<typeof LiftAwardBlockerBody>;

// ── A campaign's award types ──────────────────────────────────────────────────────────────────

export const CampaignAwardTypes = Type.Object(
  {
    campaignId: Id,
    thematic: Type.Boolean({
      description: 'A thematic campaign (chuyên đề): its awards are not grounds for higher awards for merit',
    }),
    awardTypeIds: Type.Array(Id),
    awardTypes: Type.Array(
      Type.Object(
        { id: Id, code: Type.String(), name: Type.String(), recipientKind: RecipientKind, archived: Type.Boolean() },
        { additionalProperties: false },
      ),
    ),
    version: Type.Integer({ description: "The campaign's version" }),
  },
  { additionalProperties: false },
);
export type CampaignAwardTypes = Static<typeof CampaignAwardTypes>;
export const PutCampaignAwardTypesBody = Type.Object(
  { awardTypeIds: Type.Array(Id, { maxItems: 50 }), thematic: Type.Boolean() },
  { additionalProperties: false },
);
export type PutCampaignAwardTypesBody = Static<typeof PutCampaignAwardTypesBody>;
