/**
 * The initiatives register (sáng kiến, giải pháp mới): a unit or a person records an initiative;
 * the standing office records its recognition by an authority (decision number, date, file).
 * Recognised initiatives feed the derived criterion "recognised initiatives".
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, Page, PageQueryProps, StringEnum } from './common.ts';
import { FileInfo } from './files.ts';

export const INITIATIVE_STATUSES = ['registered', 'recognised'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export const InitiativeStatus = StringEnum(INITIATIVE_STATUSES, {
  description: 'registered: recorded by the unit; recognised: recognised by an authority (then frozen)',
});

/** Lifecycle actions, each `POST /api/v1/initiatives/{id}/<action>`. */
export const INITIATIVE_ACTIONS = ['recognise'] as const;
export type InitiativeAction = (typeof INITIATIVE_ACTIONS)[number];
/** The states each action starts from and the state it leads to. */
export const INITIATIVE_TRANSITIONS: Record<
  InitiativeAction,
  { from: readonly InitiativeStatus[]; to: InitiativeStatus }
> = {
  recognise: { from: ['registered'], to: 'recognised' },
};

const title = Type.String({
  minLength: 1,
  maxLength: 1000,
  examples: ['Số hóa hồ sơ hộ tịch và trả kết quả qua Zalo cho người dân xã Thạch Hải'],
});
const summary = Type.String({
  maxLength: 20000,
  examples: ['Quét và lưu 4.200 sổ hộ tịch; gửi thông báo kết quả qua Zalo OA của UBND xã, giảm 60% lượt đi lại.'],
});

export const InitiativeAuthor = Type.Object(
  {
    personId: Id,
    fullName: Type.String({ examples: ['Nguyễn Thị Hoa'] }),
    position: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type InitiativeAuthor = Static<typeof InitiativeAuthor>;

export const InitiativeRecognition = Type.Object(
  {
    authority: Type.String({ description: 'Who recognised it', examples: ['Hội đồng Sáng kiến huyện Thạch Hà'] }),
    decisionNumber: Type.String({ examples: ['1520/QĐ-UBND'] }),
    decidedOn: Type.String({ format: 'date' }),
    file: Type.Union([FileInfo, Type.Null()], { description: 'The decision (scan)' }),
    recognisedAt: DateTime,
    recognisedById: Type.Union([Id, Type.Null()]),
    recognisedByName: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type InitiativeRecognition = Static<typeof InitiativeRecognition>;

export const Initiative = Type.Object(
  {
    id: Id,
    unitId: Id,
    unitCode: Type.String({ examples: ['XA-THACHHAI'] }),
    unitName: Type.String({ examples: ['UBND xã Thạch Hải'] }),
    campaignId: Type.Union([Id, Type.Null()], {
      description: 'The campaign it is entered for; null: counted for any campaign whose period covers its recognition',
    }),
    year: Type.Union([Type.Integer(), Type.Null()], { examples: [2022] }),
    title,
    summary,
    authors: Type.Array(InitiativeAuthor),
    files: Type.Array(FileInfo),
    status: InitiativeStatus,
    recognition: Type.Union([InitiativeRecognition, Type.Null()]),
    createdById: Type.Union([Id, Type.Null()]),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Initiative = Static<typeof Initiative>;

export const InitiativePage = Type.Object(
  {
    ...Page(Initiative).properties,
    recognisedCount: Type.Integer({ description: 'Recognised among all matching (all pages)' }),
  },
  { additionalProperties: false },
);
export type InitiativePage = Static<typeof InitiativePage>;

export const InitiativeListQuery = Type.Object(
  {
    ...PageQueryProps,
    unitId: Type.Optional(Id),
    campaignId: Type.Optional(Id),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
    status: Type.Optional(InitiativeStatus),
    authorPersonId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type InitiativeListQuery = Static<typeof InitiativeListQuery>;

const authorPersonIds = Type.Array(Id, {
  minItems: 1,
  maxItems: 20,
  uniqueItems: true,
  description: "Authors: staff members of the initiative's unit",
});

/**
 * Records an initiative. unitId: the caller's unit for unit roles (may be left out by someone of one
 * unit), required for the standing office; a staff member records one of their own unit with
 * themselves among the authors.
 */
export const CreateInitiativeBody = Type.Object(
  {
    unitId: Type.Optional(Id),
    campaignId: Type.Optional(Type.Union([Id, Type.Null()])),
    year: Type.Optional(Type.Union([Type.Integer({ minimum: 1900, maximum: 2200 }), Type.Null()])),
    title,
    summary: Type.Optional(summary),
    authorPersonIds,
    fileIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        title: 'Số hóa hồ sơ hộ tịch và trả kết quả qua Zalo cho người dân xã Thạch Hải',
        summary: 'Quét và lưu 4.200 sổ hộ tịch …',
        year: 2022,
        authorPersonIds: ['pe_01jd8w3k9q'],
      },
    ],
  },
);
export type CreateInitiativeBody = Static<typeof CreateInitiativeBody>;

/** Changes an initiative (If-Match) while it is not recognised; its unit never changes. */
export const UpdateInitiativeBody = Type.Object(
  {
    campaignId: Type.Optional(Type.Union([Id, Type.Null()])),
    year: Type.Optional(Type.Union([Type.Integer({ minimum: 1900, maximum: 2200 }), Type.Null()])),
    title: Type.Optional(title),
    summary: Type.Optional(summary),
    authorPersonIds: Type.Optional(authorPersonIds),
    fileIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false, examples: [{ summary: 'Bổ sung số liệu 6 tháng đầu năm.' }] },
);
export type UpdateInitiativeBody = Static<typeof UpdateInitiativeBody>;

export const RecogniseInitiativeBody = Type.Object(
  {
    authority: Type.String({ minLength: 1, maxLength: 500 }),
    decisionNumber: Type.String({ minLength: 1, maxLength: 100 }),
    decidedOn: DateOnly,
    fileId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'The decision, uploaded by the office' })),
  },
  {
    additionalProperties: false,
    examples: [
      { authority: 'Hội đồng Sáng kiến huyện Thạch Hà', decisionNumber: '1520/QĐ-UBND', decidedOn: '2022-05-10' },
    ],
  },
);
export type RecogniseInitiativeBody = Static<typeof RecogniseInitiativeBody>;
