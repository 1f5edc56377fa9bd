/**
 * Campaigns (phong trào / đợt thi đua): the plan as data — its text, dates, participants, signer
 * and distribution list — and its lifecycle draft → open → closed → finalized → archived.
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, Page, PageQueryProps, StringEnum } from './common.ts';
import { Criterion } from './criteria.ts';
import { UnitKind } from './units.ts';
import { ReminderDaysBefore, ScoringRules, UnitGroups } from './scoring.ts';

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'finalized', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CampaignStatus = StringEnum(CAMPAIGN_STATUSES);

/** Lifecycle actions, each `POST /api/v1/campaigns/{id}/<action>`. */
export const CAMPAIGN_ACTIONS = ['open', 'close', 'reopen', 'finalize', 'archive'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];
export const CampaignAction = StringEnum(CAMPAIGN_ACTIONS);

/** The states each action starts from and the state it leads to. */
export const CAMPAIGN_TRANSITIONS: Record<CampaignAction, { from: readonly CampaignStatus[]; to: CampaignStatus }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
  finalize: { from: ['closed'], to: 'finalized' },
  archive: { from: ['finalized'], to: 'archived' },
};

/** Statuses anyone signed in sees, and the public sees (archived campaigns leave the public site). */
export const CAMPAIGN_PUBLISHED_STATUSES: readonly CampaignStatus[] = ['open', 'closed', 'finalized', 'archived'];
export const CAMPAIGN_PUBLIC_STATUSES: readonly CampaignStatus[] = ['open', 'closed', 'finalized'];

const TextLines = (description: string, example: string[]) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 5000 }), { maxItems: 100, description, examples: [example] });

export const CampaignSigner = Type.Object(
  {
    onBehalfOf: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
      description: 'TM./KT./TL. line',
      examples: ['TM. ỦY BAN NHÂN DÂN'],
    }),
    title: Type.String({ maxLength: 200, examples: ['CHỦ TỊCH'] }),
    name: Type.String({ maxLength: 200, examples: ['Nguyễn Văn Khoa'] }),
  },
  { additionalProperties: false },
);
export type CampaignSigner = Static<typeof CampaignSigner>;

export const CampaignContents = Type.Object(
  {
    collective: TextLines('II.2.a: what collectives emulate', [
      'Ứng dụng công nghệ thông tin trong hoạt động, quản lý, điều hành',
    ]),
    individual: TextLines('II.2.b: what individuals emulate', ['Chấp hành nghiêm kỷ cương, kỷ luật hành chính']),
  },
  { additionalProperties: false },
);
export type CampaignContents = Static<typeof CampaignContents>;

export const CampaignParticipants = Type.Object(
  {
    kinds: Type.Array(UnitKind, {
      maxItems: 10,
      uniqueItems: true,
      description: 'Every non-archived unit of these kinds takes part',
    }),
    unitIds: Type.Array(Id, { maxItems: 5000, uniqueItems: true, description: 'Named units that take part as well' }),
    individualsTakePart: Type.Boolean({ description: 'Staff members are assessed individually too' }),
  },
  { additionalProperties: false },
);
export type CampaignParticipants = Static<typeof CampaignParticipants>;

/**
 * The plan's text, shared by campaigns, their create/update bodies and templates. List items are
 * printed one paragraph each, with "- " before them; an award provision starting with "+ " is
 * printed as a sub-item of the one before.
 */
const planTextProps = {
  authorityHeading: Type.Union([Type.String({ maxLength: 300 }), Type.Null()], {
    description:
      "The issuing authority as printed top left, one line per line break; null prints the authority unit's name",
    examples: ['ỦY BAN NHÂN DÂN\nHUYỆN THẠCH HÀ'],
  }),
  place: Type.Union([Type.String({ maxLength: 100 }), Type.Null()], {
    description: 'Place of the place-and-date line',
    examples: ['Thạch Hà'],
  }),
  legalBasis: Type.String({
    maxLength: 5000,
    description: 'Opening paragraph: the documents the plan implements',
    examples: ['Thực hiện Kế hoạch số 01/KH-UBND-NV ngày 06/01/2022 của UBND huyện về cải cách hành chính năm 2022, …'],
  }),
  purposes: TextLines('I.1 Mục đích', [
    'Phát hiện những tập thể, cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ cải cách hành chính.',
  ]),
  requirements: TextLines('I.2 Yêu cầu', [
    'Kết thúc đợt thi đua, tổng kết, biểu dương, khen thưởng kịp thời các tập thể, cá nhân xuất sắc trong thực hiện nhiệm vụ CCHC.',
  ]),
  participantsText: TextLines('II.1 Đối tượng, as printed', ['Cán bộ, công chức, viên chức và người lao động.']),
  contents: CampaignContents,
  awardProvisions: TextLines('III.2 Khen thưởng (forms of reward and the award dossier)', [
    'Hồ sơ, thủ tục đề nghị khen thưởng:',
    '+ Tờ trình đề nghị khen thưởng;',
  ]),
  implementation: TextLines('IV Tổ chức thực hiện, numbered paragraphs', [
    'Phòng Nội vụ (cơ quan Thường trực CCHC huyện) đôn đốc, kiểm tra các đơn vị, địa phương thực hiện …',
  ]),
  closing: Type.String({
    maxLength: 5000,
    description: 'Closing paragraph',
    examples: ['Trên đây là kế hoạch phát động phong trào thi đua …/.'],
  }),
  signer: CampaignSigner,
  recipients: TextLines('Nơi nhận (distribution list)', ['Sở Nội vụ;', 'Lưu: VT, NV.']),
};

/**
 * How the campaign scores, ranks and runs itself. The scoring fields (`scoring`, `unitGroups`,
 * `requireSecondReviewer`, and the criteria's weights) are frozen once the campaign opens; the
 * reminder days and `followsDates` stay editable while it is open or closed.
 */
const scoringProps = {
  scoring: ScoringRules,
  unitGroups: UnitGroups,
  requireSecondReviewer: Type.Boolean({
    description: "Four-eyes: a second reviewer confirms the first one's scores before a self-assessment is accepted",
  }),
  reminderDaysBefore: ReminderDaysBefore,
  followsDates: Type.Boolean({
    description:
      'The system opens the campaign on startsOn and closes it the day after its submission deadline, unless the office moved it by hand first',
  }),
};
const optionalScoringProps = {
  scoring: Type.Optional(scoringProps.scoring),
  unitGroups: Type.Optional(scoringProps.unitGroups),
  requireSecondReviewer: Type.Optional(scoringProps.requireSecondReviewer),
  reminderDaysBefore: Type.Optional(scoringProps.reminderDaysBefore),
  followsDates: Type.Optional(scoringProps.followsDates),
};

const datesDescription = {
  startsOn: 'First day of the campaign',
  endsOn: 'Last day of the campaign',
  submissionDeadline: 'Self-assessments may be submitted until this day (defaults to endsOn)',
  dossierDeadline: 'Award dossiers may be filed until this day (null: no deadline)',
};

export const Campaign = Type.Object(
  {
    id: Id,
    number: Type.String({ description: 'Số, ký hiệu of the plan', examples: ['12/KH-UBND-NV'] }),
    title: Type.String({
      examples: ['Phát động đợt thi đua cao điểm thực hiện Cải cách hành chính (từ ngày 01/3/2022 đến 19/5/2022)'],
    }),
    year: Type.Integer({ description: 'Year of startsOn', examples: [2022] }),
    status: CampaignStatus,
    authorityUnitId: Id,
    authorityName: Type.String({ examples: ['UBND huyện Thạch Hà'] }),
    issuedOn: Type.Union([DateOnly, Type.Null()], { description: 'Date the plan was signed (null while unsigned)' }),
    ...planTextProps,
    startsOn: Type.String({ format: 'date', description: datesDescription.startsOn }),
    endsOn: Type.String({ format: 'date', description: datesDescription.endsOn }),
    submissionDeadline: Type.String({ format: 'date', description: datesDescription.submissionDeadline }),
    dossierDeadline: Type.Union([DateOnly, Type.Null()], { description: datesDescription.dossierDeadline }),
    participants: CampaignParticipants,
    attachmentFileIds: Type.Array(Id, {
      description:
        'Attached files (the signed plan …): authority files (uploaded without a unit), readable by whoever sees the campaign',
    }),
    ...scoringProps,
    templateId: Type.Union([Id, Type.Null()], { description: 'Template it was created from' }),
    clonedFromId: Type.Union([Id, Type.Null()], { description: 'Campaign it was cloned from' }),
    criteriaCount: Type.Integer(),
    upcoming: Type.Boolean({
      description:
        'Launched (open) but startsOn is still ahead (Vietnam time): announced, not in progress yet; self-assessments start on startsOn',
    }),
    selfAssessmentOpenedEarlyAt: Type.Union([DateTime, Type.Null()], {
      description:
        'When the office let self-assessments start before startsOn, on purpose (POST /campaigns/{id}/open-self-assessment-early); null: they start on startsOn',
    }),
    openedAt: Type.Union([DateTime, Type.Null()]),
    closedAt: Type.Union([DateTime, Type.Null()]),
    finalizedAt: Type.Union([DateTime, Type.Null()]),
    archivedAt: Type.Union([DateTime, Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Campaign = Static<typeof Campaign>;
export const CampaignPage = Page(Campaign);
export type CampaignPage = Static<typeof CampaignPage>;

const optionalPlanText = Object.fromEntries(Object.entries(planTextProps).map(([k, v]) => [k, Type.Optional(v)])) as {
  [K in keyof typeof planTextProps]: ReturnType<typeof Type.Optional<(typeof planTextProps)[K]>>;
};

const numberField = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'Số, ký hiệu, e.g. "12/KH-UBND-NV"; "/KH-UBND-NV" leaves the number blank for the signer',
  examples: ['12/KH-UBND-NV'],
});
const titleField = Type.String({ minLength: 1, maxLength: 1000 });

/**
 * Creates a draft campaign. With `templateId` the plan text and criteria come from that template
 * and every field given here overrides it; the template's dates move with `startsOn` (deadlines
 * keep their distance from it) and a date range in its title is rewritten. Without a template,
 * `title` and `endsOn` are required. `authorityUnitId` defaults to the root authority unit.
 */
export const CreateCampaignBody = Type.Object(
  {
    templateId: Type.Optional(Id),
    number: numberField,
    title: Type.Optional(titleField),
    authorityUnitId: Type.Optional(Id),
    issuedOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    ...optionalPlanText,
    startsOn: Type.String({ format: 'date', description: datesDescription.startsOn }),
    endsOn: Type.Optional(Type.String({ format: 'date', description: datesDescription.endsOn })),
    submissionDeadline: Type.Optional(
      Type.Union([DateOnly, Type.Null()], { description: datesDescription.submissionDeadline }),
    ),
    dossierDeadline: Type.Optional(
      Type.Union([DateOnly, Type.Null()], { description: datesDescription.dossierDeadline }),
    ),
    participants: Type.Optional(CampaignParticipants),
    attachmentFileIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    ...optionalScoringProps,
  },
  {
    additionalProperties: false,
    examples: [
      { templateId: 'bundled-cchc-2022', number: '/KH-UBND-NV', startsOn: '2023-03-01' },
      {
        number: '05/KH-UBND',
        title: 'Phát động phong trào thi đua chuyển đổi số năm 2023',
        startsOn: '2023-04-01',
        endsOn: '2023-10-31',
        participants: { kinds: ['commune'], unitIds: [], individualsTakePart: false },
      },
    ],
  },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

/**
 * Changes a campaign (If-Match). In draft everything may change; once open or closed only the
 * number, issue date, deadlines, attachments (a signed copy, an extended deadline), reminder days
 * and followsDates; the plan and the scoring rules are frozen (409 campaign.field_frozen); after
 * that nothing (409 campaign.not_editable).
 */
export const UpdateCampaignBody = Type.Object(
  {
    number: Type.Optional(numberField),
    title: Type.Optional(titleField),
    authorityUnitId: Type.Optional(Id),
    issuedOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    ...optionalPlanText,
    startsOn: Type.Optional(Type.String({ format: 'date' })),
    endsOn: Type.Optional(Type.String({ format: 'date' })),
    submissionDeadline: Type.Optional(Type.String({ format: 'date' })),
    dossierDeadline: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    participants: Type.Optional(CampaignParticipants),
    attachmentFileIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    ...optionalScoringProps,
  },
  {
    additionalProperties: false,
    examples: [
      { number: '12/KH-UBND-NV', issuedOn: '2022-02-25' },
      {
        scoring: {
          penalties: [{ kind: 'open_finding', points: 2 }],
          bands: [
            { label: 'Xuất sắc', minPoints: 90 },
            { label: 'Tốt', minPoints: 80 },
            { label: 'Khá', minPoints: 65 },
            { label: 'Trung bình', minPoints: 0 },
          ],
          tieBreak: ['total', 'criteria_met', 'fewer_open_findings', 'earlier_first_submission'],
        },
        requireSecondReviewer: true,
      },
    ],
  },
);
export type UpdateCampaignBody = Static<typeof UpdateCampaignBody>;

/** Fields still editable once a campaign is open or closed. */
export const CAMPAIGN_FIELDS_EDITABLE_WHEN_PUBLISHED = [
  'number',
  'issuedOn',
  'submissionDeadline',
  'dossierDeadline',
  'attachmentFileIds',
  'reminderDaysBefore',
  'followsDates',
] as const;

/** Fields that decide scores and ranks: editable in draft only (criteria weights too). */
export const CAMPAIGN_SCORING_FIELDS = ['scoring', 'unitGroups', 'requireSecondReviewer'] as const;

export const CampaignListQuery = Type.Object(
  {
    ...PageQueryProps,
    status: Type.Optional(CampaignStatus),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200, description: 'Campaigns starting in this year' })),
    authorityUnitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CampaignListQuery = Static<typeof CampaignListQuery>;

/** Clone into a new draft: by whole years (same day and month) or by a number of days. */
export const CloneCampaignBody = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({
        minimum: 1900,
        maximum: 2200,
        description: 'Year the clone starts in; dates keep their day and month',
      }),
    ),
    shiftDays: Type.Optional(
      Type.Integer({ minimum: -36500, maximum: 36500, description: 'Days every date moves by' }),
    ),
    number: Type.Optional(numberField),
    title: Type.Optional(titleField),
  },
  { additionalProperties: false, examples: [{ year: 2023 }, { shiftDays: 365, number: '/KH-UBND-NV' }] },
);
export type CloneCampaignBody = Static<typeof CloneCampaignBody>;

/** What the public sees: the plan and its criteria, none of the internal bookkeeping. */
export const PublicCriterion = Type.Object(
  Type.Omit(Criterion, ['campaignId', 'createdAt', 'updatedAt', 'version']).properties,
  { additionalProperties: false },
);
export type PublicCriterion = Static<typeof PublicCriterion>;
const publicCampaignProps = Type.Omit(Campaign, [
  'attachmentFileIds',
  'unitGroups',
  'requireSecondReviewer',
  'reminderDaysBefore',
  'followsDates',
  'templateId',
  'clonedFromId',
  'createdAt',
  'version',
]);
export const PublicCampaign = Type.Object(
  { ...publicCampaignProps.properties, criteria: Type.Array(PublicCriterion) },
  { additionalProperties: false },
);
export type PublicCampaign = Static<typeof PublicCampaign>;
export const PublicCampaignSummary = Type.Object(publicCampaignProps.properties, { additionalProperties: false });
export type PublicCampaignSummary = Static<typeof PublicCampaignSummary>;
export const PublicCampaignPage = Page(PublicCampaignSummary);
export const PublicCampaignListQuery = Type.Object(
  {
    ...PageQueryProps,
    status: Type.Optional(StringEnum(['open', 'closed', 'finalized'] as const)),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  },
  { additionalProperties: false },
);
export type PublicCampaignListQuery = Static<typeof PublicCampaignListQuery>;

export { planTextProps as campaignPlanTextProps };

/**
 * Whether self-assessments still wait for the campaign's first day: launched ahead of it (`upcoming`)
 * and not opened early on purpose by the office. The API refuses a start then (409
 * submission.campaign_not_started); clients offer none.
 */
export function selfAssessmentsWaitFor(
  c: Pick<Campaign, 'status' | 'upcoming' | 'selfAssessmentOpenedEarlyAt'>,
): boolean {
  return c.status === 'open' && c.upcoming && c.selfAssessmentOpenedEarlyAt === null;
}
