import Type, { type Static } from 'typebox';
import { DateTime, Id, Page, PageQueryProps, StringEnum } from './common.ts';

export const AuditEvent = Type.Object(
  {
    id: Id,
    seq: Type.Integer(),
    at: DateTime,
    actorId: Type.Union([Id, Type.Null()]),
    actorEmail: Type.Union([Type.String(), Type.Null()]),
    actorRole: Type.Union([Type.String(), Type.Null()]),
    actorUnitId: Type.Union([Id, Type.Null()]),
    action: Type.String({ examples: ['unit.update'] }),
    objectType: Type.String({ examples: ['unit'] }),
    objectId: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown(),
    after: Type.Unknown(),
    requestId: Type.Union([Type.String(), Type.Null()]),
    hash: Type.String(),
    prevHash: Type.String(),
  },
  { additionalProperties: false },
);
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditListQuery = Type.Object(
  {
    ...PageQueryProps,
    actorId: Type.Optional(Id),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    objectType: Type.Optional(Type.String({ maxLength: 100 })),
    objectId: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuery>;
export const AuditPage = Page(AuditEvent);

/** Why a link of the audit chain is broken: an event is missing before it, its link to the previous hash does not match, or its content does not match its own hash. */
export const AUDIT_BREAKS = ['audit.missing_event', 'audit.prev_hash_mismatch', 'audit.content_mismatch'] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

export const AuditVerifyResult = Type.Object(
  {
    ok: Type.Boolean(),
    checked: Type.Integer(),
    firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]),
    firstBrokenId: Type.Union([Id, Type.Null()]),
    reasonCode: Type.Union([StringEnum(AUDIT_BREAKS), Type.Null()], {
      description: 'Stable code of the first break; null when the chain holds',
    }),
    reason: Type.Union([Type.String(), Type.Null()], {
      description: "The first break explained in the request's language (Accept-Language)",
    }),
  },
  { additionalProperties: false },
);
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
