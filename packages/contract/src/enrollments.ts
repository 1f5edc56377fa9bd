/**
 * Enrolment (đăng ký thi đua): while a campaign is open, a participating unit registers with a
 * commitment; the standing office sees who has and has not, and may enrol a unit itself.
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id, PageQueryProps, StringEnum } from './common.ts';
import { UnitKind } from './units.ts';

export const Enrollment = Type.Object(
  {
    id: Id,
    campaignId: Id,
    unitId: Id,
    unitCode: Type.String({ examples: ['XA-THACHHAI'] }),
    unitName: Type.String({ examples: ['UBND xã Thạch Hải'] }),
    commitment: Type.String({
      examples: ['UBND xã Thạch Hải đăng ký thi đua, cam kết hoàn thành 100% tiêu chuẩn của Kế hoạch.'],
    }),
    signedFileId: Type.Union([Id, Type.Null()], {
      description: 'The signed registration form, when uploaded: a file of the enrolled unit',
    }),
    enrolledByUserId: Type.Union([Id, Type.Null()]),
    enrolledByName: Type.Union([Type.String(), Type.Null()]),
    enrolledAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Enrollment = Static<typeof Enrollment>;

const commitment = Type.String({
  minLength: 1,
  maxLength: 10000,
  description: "The unit's commitment (nội dung đăng ký, cam kết)",
});

/** unitId may be left out by an officer or head of exactly one unit: their own unit is enrolled. */
export const CreateEnrollmentBody = Type.Object(
  {
    unitId: Type.Optional(Id),
    commitment,
    signedFileId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  {
    additionalProperties: false,
    examples: [{ commitment: 'UBND xã Thạch Hải đăng ký thi đua, cam kết hoàn thành 100% tiêu chuẩn của Kế hoạch.' }],
  },
);
export type CreateEnrollmentBody = Static<typeof CreateEnrollmentBody>;

export const UpdateEnrollmentBody = Type.Object(
  { commitment: Type.Optional(commitment), signedFileId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false },
);
export type UpdateEnrollmentBody = Static<typeof UpdateEnrollmentBody>;

export const ENROLLMENT_FILTERS = ['enrolled', 'not_enrolled'] as const;
export type EnrollmentFilter = (typeof ENROLLMENT_FILTERS)[number];

export const ParticipantListQuery = Type.Object(
  {
    ...PageQueryProps,
    status: Type.Optional(
      StringEnum(ENROLLMENT_FILTERS, { description: 'Only units that have (or have not) enrolled' }),
    ),
    kind: Type.Optional(UnitKind),
  },
  { additionalProperties: false },
);
export type ParticipantListQuery = Static<typeof ParticipantListQuery>;

/** A participating unit and its enrolment, if any. */
export const CampaignParticipant = Type.Object(
  {
    unitId: Id,
    unitCode: Type.String(),
    unitName: Type.String(),
    unitKind: UnitKind,
    enrolled: Type.Boolean(),
    enrollment: Type.Union([Enrollment, Type.Null()]),
  },
  { additionalProperties: false },
);
export type CampaignParticipant = Static<typeof CampaignParticipant>;
export const ParticipantPage = Type.Object(
  {
    items: Type.Array(CampaignParticipant),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
    enrolledCount: Type.Integer({
      description: 'Enrolled units among all those the caller may see (ignoring page and filters)',
    }),
    participantCount: Type.Integer({
      description: 'Participating units the caller may see (ignoring page and filters)',
    }),
  },
  { additionalProperties: false },
);
export type ParticipantPage = Static<typeof ParticipantPage>;

export const EnrollmentParams = Type.Object({ id: Id, enrollmentId: Id }, { additionalProperties: false });
export type EnrollmentParams = Static<typeof EnrollmentParams>;
