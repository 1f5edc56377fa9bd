/**
 * The award register (sổ khen thưởng; Law 06/2022 Art. 89): every award of an issued decision,
 * with its decision number and date, issuer, award type and bonus (coefficient × the base salary
 * in force on the decision date). A revoked award stays in the register, marked with when, by whom
 * and why. The public list of a finalized campaign's awards leaves out the bonus amounts: they are
 * in the decision itself, but a list of individuals' money on an open page is not needed to know
 * who was commended.
 */
import Type, { type Static } from 'typebox';
import { DateOnly, DateTime, Id, Page, PageQueryProps } from './common.ts';

export const AwardRevocation = Type.Object(
  {
    at: DateTime,
    byId: Type.Union([Id, Type.Null()]),
    byName: Type.Union([Type.String(), Type.Null()], { examples: ['Trần Văn Lãnh'] }),
    reason: Type.String({ examples: ['Phát hiện kê khai thành tích không trung thực.'] }),
  },
  { additionalProperties: false },
);
export type AwardRevocation = Static<typeof AwardRevocation>;

export const Award = Type.Object(
  {
    id: Id,
    decisionId: Id,
    dossierId: Id,
    campaignId: Id,
    campaignTitle: Type.String({ examples: ['Thi đua cải cách hành chính năm 2022'] }),
    awardTypeId: Id,
    awardTypeName: Type.String({ examples: ['Giấy khen của Chủ tịch UBND cấp xã (cá nhân)'] }),
    recipientKind: Type.Union([Type.Literal('unit'), Type.Literal('person')]),
    recipientName: Type.String({
      description: 'The name as printed in the decision',
      examples: ['Nguyễn Thị Hoa'],
    }),
    unitId: Id,
    unitCode: Type.String({ examples: ['XA-THACHHAI'] }),
    unitName: Type.String({ examples: ['UBND xã Thạch Hải'] }),
    personId: Type.Union([Id, Type.Null()]),
    personName: Type.Union([Type.String(), Type.Null()]),
    issuerUnitId: Id,
    issuerName: Type.String({ description: 'The issuing authority', examples: ['UBND huyện Thạch Hà'] }),
    signerName: Type.Union([Type.String(), Type.Null()], { description: 'Who signed the decision' }),
    decisionNumber: Type.String({ examples: ['05/QĐ-UBND'] }),
    decidedOn: DateOnly,
    coefficient: Type.Number({ examples: [0.3] }),
    baseSalary: Type.Integer({ description: 'VND, in force on the decision date', examples: [2340000] }),
    amount: Type.Integer({ description: 'Bonus in VND', examples: [702000] }),
    revoked: Type.Union([AwardRevocation, Type.Null()]),
    createdAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Award = Static<typeof Award>;

export const AwardPage = Page(Award);
export type AwardPage = Static<typeof AwardPage>;

/** Filters of the register (and of its XLSX export). q: the recipient's name, diacritics ignored. */
export const AwardListQuery = Type.Object(
  {
    ...PageQueryProps,
    unitId: Type.Optional(Id),
    personId: Type.Optional(Id),
    campaignId: Type.Optional(Id),
    awardTypeId: Type.Optional(Id),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200, description: 'Year of the decision date' })),
    includeRevoked: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'Revoked awards stay in the register, marked; false leaves them out',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AwardListQuery = Static<typeof AwardListQuery>;

/** A history (of a unit or a person): the same filters but the subject's own. */
export const AwardHistoryQuery = Type.Object(
  {
    page: PageQueryProps.page,
    pageSize: PageQueryProps.pageSize,
    includeRevoked: AwardListQuery.properties.includeRevoked,
  },
  { additionalProperties: false },
);
export type AwardHistoryQuery = Static<typeof AwardHistoryQuery>;

export const RevokeAwardBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the award is revoked' }),
  },
  { additionalProperties: false, examples: [{ reason: 'Phát hiện kê khai thành tích không trung thực.' }] },
);
export type RevokeAwardBody = Static<typeof RevokeAwardBody>;

/** An award as the public sees it: who, which award, which decision — no bonus amount. */
export const PublicAward = Type.Object(
  {
    id: Id,
    recipientKind: Type.Union([Type.Literal('unit'), Type.Literal('person')]),
    recipientName: Type.String({ examples: ['Nguyễn Thị Hoa'] }),
    unitName: Type.String({ examples: ['UBND xã Thạch Hải'] }),
    awardTypeName: Type.String({ examples: ['Giấy khen'] }),
    issuerName: Type.String({ examples: ['UBND huyện Thạch Hà'] }),
    decisionNumber: Type.String({ examples: ['05/QĐ-UBND'] }),
    decidedOn: DateOnly,
  },
  { additionalProperties: false },
);
export type PublicAward = Static<typeof PublicAward>;

export const PublicAwardList = Type.Object(
  {
    campaignId: Id,
    items: Type.Array(PublicAward, { description: 'Awards not revoked, by decision, award type and name' }),
  },
  { additionalProperties: false },
);
export type PublicAwardList = Static<typeof PublicAwardList>;
