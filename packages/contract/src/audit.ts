import Type, { type Static } from 'typebox';
import { DateTime, Id, Page, PageQueryProps } from './common.ts';

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

export const AuditVerifyResult = Type.Object(
  {
    ok: Type.Boolean(),
    checked: Type.Integer(),
    firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]),
    firstBrokenId: Type.Union([Id, Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
