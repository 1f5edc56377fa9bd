/**
 * Campaign templates: a campaign's plan text and criteria as a versioned, portable JSON document.
 * Bundled templates ship with the product (the 2022 reform plan of Thạch Hà); any campaign exports
 * to one, and an imported one is kept as a saved template. Named units travel by code, not by id:
 * participants and the units of named groups (khối/cụm thi đua) alike, so a template moves between
 * installations that share unit codes. The scoring rules travel with it (criterion weights on the
 * criteria); a template written before they existed omits them and yields the defaults:
 * DEFAULT_SCORING_RULES, no groups, no second reviewer, reminders [7, 2] days before, follows its dates.
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, StringEnum } from './common.ts';
import { campaignPlanTextProps, CampaignContents, CampaignSigner } from './campaigns.ts';
import { CreateCriterionBody } from './criteria.ts';
import { UnitKind } from './units.ts';
import { ReminderDaysBefore, ScoringRules, UnitGroup } from './scoring.ts';

/** A named group of units in a template: its units by code. */
export const TemplateUnitGroup = Type.Object(
  {
    code: UnitGroup.properties.code,
    name: UnitGroup.properties.name,
    unitCodes: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 10_000, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type TemplateUnitGroup = Static<typeof TemplateUnitGroup>;

export const CAMPAIGN_TEMPLATE_FORMAT = 'thidua.campaign-template';
export const CAMPAIGN_TEMPLATE_VERSION = 1;

/** A template's campaign: the plan text, participants by kind and unit code, suggested dates. */
export const TemplateCampaign = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 1000 }),
    authorityHeading: Type.Optional(campaignPlanTextProps.authorityHeading),
    place: Type.Optional(campaignPlanTextProps.place),
    legalBasis: Type.Optional(campaignPlanTextProps.legalBasis),
    purposes: Type.Optional(campaignPlanTextProps.purposes),
    requirements: Type.Optional(campaignPlanTextProps.requirements),
    participantsText: Type.Optional(campaignPlanTextProps.participantsText),
    contents: Type.Optional(CampaignContents),
    awardProvisions: Type.Optional(campaignPlanTextProps.awardProvisions),
    implementation: Type.Optional(campaignPlanTextProps.implementation),
    closing: Type.Optional(campaignPlanTextProps.closing),
    signer: Type.Optional(CampaignSigner),
    recipients: Type.Optional(campaignPlanTextProps.recipients),
    participantKinds: Type.Optional(Type.Array(UnitKind, { maxItems: 10, uniqueItems: true })),
    participantUnitCodes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 5000, uniqueItems: true }),
    ),
    individualsTakePart: Type.Optional(Type.Boolean()),
    startsOn: Type.Optional(DateOnly),
    endsOn: Type.Optional(DateOnly),
    submissionDeadline: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    dossierDeadline: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    scoring: Type.Optional(ScoringRules),
    unitGroups: Type.Optional(Type.Array(TemplateUnitGroup, { maxItems: 200 })),
    requireSecondReviewer: Type.Optional(Type.Boolean()),
    reminderDaysBefore: Type.Optional(ReminderDaysBefore),
    followsDates: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TemplateCampaign = Static<typeof TemplateCampaign>;

export const TemplateCriterion = CreateCriterionBody;
export type TemplateCriterion = Static<typeof TemplateCriterion>;

/** The versioned document: `{format, version, name, description?, campaign, criteria}`. */
export const CampaignTemplate = Type.Object(
  {
    format: Type.Literal(CAMPAIGN_TEMPLATE_FORMAT),
    version: Type.Literal(CAMPAIGN_TEMPLATE_VERSION),
    name: Type.String({
      minLength: 1,
      maxLength: 300,
      examples: ['Kế hoạch thi đua cao điểm CCHC năm 2022 (Thạch Hà)'],
    }),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])),
    campaign: TemplateCampaign,
    criteria: Type.Array(TemplateCriterion, { maxItems: 500 }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        format: CAMPAIGN_TEMPLATE_FORMAT,
        version: CAMPAIGN_TEMPLATE_VERSION,
        name: 'Thi đua chuyển đổi số',
        campaign: { title: 'Phát động phong trào thi đua chuyển đổi số', participantKinds: ['commune'] },
        criteria: [
          {
            code: '1.1',
            target: 'collective',
            group: 'specific',
            title: 'Trên 50% hồ sơ được tiếp nhận trực tuyến',
            kind: 'ratio',
            comparator: 'gt',
            threshold: 50,
          },
        ],
      },
    ],
  },
);
export type CampaignTemplate = Static<typeof CampaignTemplate>;

export const TEMPLATE_SOURCES = ['bundled', 'saved'] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

export const CampaignTemplateSummary = Type.Object(
  {
    id: Id,
    source: StringEnum(TEMPLATE_SOURCES, { description: 'bundled with the product, or imported here' }),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    campaignTitle: Type.String(),
    criteriaCount: Type.Integer(),
    createdAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type CampaignTemplateSummary = Static<typeof CampaignTemplateSummary>;

export const CampaignTemplateList = Type.Object(
  { items: Type.Array(CampaignTemplateSummary) },
  { additionalProperties: false },
);
export type CampaignTemplateList = Static<typeof CampaignTemplateList>;

export const CampaignTemplateRecord = Type.Object(
  { ...CampaignTemplateSummary.properties, document: CampaignTemplate },
  { additionalProperties: false },
);
export type CampaignTemplateRecord = Static<typeof CampaignTemplateRecord>;
