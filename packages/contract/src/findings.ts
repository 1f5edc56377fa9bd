/**
 * The inspection findings register (đoàn kiểm tra; tồn tại, hạn chế; khắc phục): the standing office
 * records what an inspection found at a unit, the unit records its remedy with evidence, the office
 * verifies it. Lifecycle open → remedied → verified (reopen sends it back to open). The share of a
 * unit's findings that are verified feeds the derived criterion "% of findings remedied".
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, Page, PageQueryProps, StringEnum } from './common.ts';
import { FileInfo } from './files.ts';

export const FINDING_STATUSES = ['open', 'remedied', 'verified'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FindingStatus = StringEnum(FINDING_STATUSES, {
  description:
    'open: to be remedied by the unit; remedied: the unit reports it done, with evidence; verified: the standing office confirmed the remedy',
});

export const FINDING_ACTIONS = ['remedy', 'verify', 'reopen'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];
export const FINDING_TRANSITIONS: Record<FindingAction, { from: readonly FindingStatus[]; to: FindingStatus }> = {
  remedy: { from: ['open'], to: 'remedied' },
  verify: { from: ['remedied'], to: 'verified' },
  reopen: { from: ['remedied', 'verified'], to: 'open' },
};

const title = Type.String({
  minLength: 1,
  maxLength: 1000,
  examples: ['Chưa niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa'],
});
const description = Type.String({
  maxLength: 20000,
  examples: ['Còn 12/148 thủ tục hành chính chưa được niêm yết theo Quyết định công bố mới của UBND tỉnh.'],
});
const inspectionName = Type.String({
  minLength: 1,
  maxLength: 500,
  description: 'The inspection (đoàn kiểm tra) that found it',
  examples: ['Đoàn kiểm tra công tác CCHC năm 2022 theo Quyết định số 215/QĐ-UBND'],
});

export const FindingRemedy = Type.Object(
  {
    text: Type.String({
      description: 'What the unit did',
      examples: ['Đã niêm yết bổ sung 12 thủ tục hành chính ngày 20/4/2022 (ảnh chụp kèm theo).'],
    }),
    files: Type.Array(FileInfo),
    remediedAt: DateTime,
    remediedById: Type.Union([Id, Type.Null()]),
    remediedByName: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type FindingRemedy = Static<typeof FindingRemedy>;

export const Finding = Type.Object(
  {
    id: Id,
    campaignId: Id,
    unitId: Id,
    unitCode: Type.String({ examples: ['XA-THACHHAI'] }),
    unitName: Type.String({ examples: ['UBND xã Thạch Hải'] }),
    title,
    description,
    inspectionName,
    inspectedOn: Type.String({ format: 'date', description: 'Day of the inspection' }),
    dueOn: Type.Union([DateOnly, Type.Null()], { description: 'The unit must remedy it by this day' }),
    status: FindingStatus,
    overdue: Type.Boolean({ description: 'Still open after dueOn (Vietnam time)' }),
    files: Type.Array(FileInfo, { description: "The inspection's documents (minutes, conclusion)" }),
    remedy: Type.Union([FindingRemedy, Type.Null()], {
      description: "The unit's latest remedy; kept when reopened, replaced by the next",
    }),
    verifiedAt: Type.Union([DateTime, Type.Null()]),
    verifiedById: Type.Union([Id, Type.Null()]),
    verifiedByName: Type.Union([Type.String(), Type.Null()]),
    reopenReason: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the office reopened it (cleared by the next remedy)',
    }),
    reopenedAt: Type.Union([DateTime, Type.Null()]),
    createdById: Type.Union([Id, Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Finding = Static<typeof Finding>;

/** Counts over the findings the caller may see (same filters, all pages). */
export const FindingStats = Type.Object(
  {
    total: Type.Integer(),
    open: Type.Integer(),
    remedied: Type.Integer(),
    verified: Type.Integer(),
    overdue: Type.Integer(),
    remediedPercent: Type.Union([Type.Number(), Type.Null()], {
      description:
        'verified × 100 / total; null when there are no findings (nothing measured, so a reviewer decides — never a free 100 %)',
      examples: [75],
    }),
  },
  { additionalProperties: false },
);
export type FindingStats = Static<typeof FindingStats>;

export const FindingPage = Type.Object(
  { ...Page(Finding).properties, stats: FindingStats },
  { additionalProperties: false },
);
export type FindingPage = Static<typeof FindingPage>;

export const FindingListQuery = Type.Object(
  {
    ...PageQueryProps,
    status: Type.Optional(FindingStatus),
    unitId: Type.Optional(Id),
    overdue: Type.Optional(Type.Boolean({ description: 'Only findings still open after their due date' })),
  },
  { additionalProperties: false },
);
export type FindingListQuery = Static<typeof FindingListQuery>;

/** The standing office records a finding for a participating unit. */
export const CreateFindingBody = Type.Object(
  {
    unitId: Id,
    title,
    description: Type.Optional(description),
    inspectionName,
    inspectedOn: DateOnly,
    dueOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    fileIds: Type.Optional(
      Type.Array(Id, {
        maxItems: 20,
        uniqueItems: true,
        description: "The inspection's documents, uploaded by the office (authority files)",
      }),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        unitId: 'un_01jd8w3k9q',
        title: 'Chưa niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa',
        inspectionName: 'Đoàn kiểm tra công tác CCHC năm 2022 theo Quyết định số 215/QĐ-UBND',
        inspectedOn: '2022-04-12',
        dueOn: '2022-04-30',
      },
    ],
  },
);
export type CreateFindingBody = Static<typeof CreateFindingBody>;

/** Changes the record of a finding (If-Match), while it is not verified; the unit and status never change here. */
export const UpdateFindingBody = Type.Object(
  {
    title: Type.Optional(title),
    description: Type.Optional(description),
    inspectionName: Type.Optional(inspectionName),
    inspectedOn: Type.Optional(DateOnly),
    dueOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    fileIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false, examples: [{ dueOn: '2022-05-15' }] },
);
export type UpdateFindingBody = Static<typeof UpdateFindingBody>;

/** The unit reports its remedy: what it did, and at least one evidence file of the unit. */
export const RemedyFindingBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 10000 }),
    fileIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        text: 'Đã niêm yết bổ sung 12 thủ tục hành chính ngày 20/4/2022 (ảnh chụp kèm theo).',
        fileIds: ['fi_01jd8w3k9qz'],
      },
    ],
  },
);
export type RemedyFindingBody = Static<typeof RemedyFindingBody>;

export const ReopenFindingBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false, examples: [{ reason: 'Ảnh chụp chưa thể hiện đủ 12 thủ tục đã niêm yết.' }] },
);
export type ReopenFindingBody = Static<typeof ReopenFindingBody>;

/** "% of findings remedied" of each unit with findings in the campaign. */
export const FindingRemedyRate = Type.Object(
  {
    unitId: Id,
    unitCode: Type.String(),
    unitName: Type.String(),
    total: Type.Integer(),
    open: Type.Integer(),
    remedied: Type.Integer(),
    verified: Type.Integer(),
    remediedPercent: Type.Union([Type.Number(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type FindingRemedyRate = Static<typeof FindingRemedyRate>;
export const FindingRemedyRateList = Type.Object(
  { items: Type.Array(FindingRemedyRate) },
  { additionalProperties: false },
);
export type FindingRemedyRateList = Static<typeof FindingRemedyRateList>;

/** verified × 100 / total, or null when nothing was found (a reviewer decides; see FindingStats). */
export function remediedPercent(verified: number, total: number): number | null {
  return total > 0 ? (verified * 100) / total : null;
}
