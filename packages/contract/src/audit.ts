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

/**
 * Why the audit chain does not hold: an event is missing before it, its link to the previous hash
 * does not match, its content does not match its own (keyed) hash, it carries an unkeyed hash where
 * the chain is keyed, it is not the head a checkpoint anchored, events a checkpoint counted are gone
 * (a deleted tail), or a checkpoint file was not signed with the audit key.
 */
export const AUDIT_BREAKS = [
  'audit.missing_event',
  'audit.prev_hash_mismatch',
  'audit.content_mismatch',
  'audit.unkeyed_event',
  'audit.checkpoint_mismatch',
  'audit.tail_missing',
  'audit.checkpoint_invalid',
] as const;
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
    checkpoint: Type.Union(
      [Type.Object({ seq: Type.Integer(), at: DateTime }, { additionalProperties: false }), Type.Null()],
      {
        description:
          'The newest checkpoint (kept outside the database, signed) the chain was compared against; null when there is none yet',
      },
    ),
  },
  { additionalProperties: false },
);
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
