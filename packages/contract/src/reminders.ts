/**
 * Reminders (đôn đốc): the standing office urges units of a campaign that have not submitted their
 * self-assessment, by hand with a message, or the system does so N days before the deadline
 * (campaigns.reminderDaysBefore). Each is delivered as a notification and an e-mail to the unit's
 * officers and heads, and recorded: who sent it, when, to which units, and who has read it.
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id, Page, StringEnum } from './common.ts';

export const REMINDER_KINDS = ['scheduled', 'manual'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const SendReminderBody = Type.Object(
  {
    unitIds: Type.Array(Id, {
      minItems: 1,
      maxItems: 1000,
      uniqueItems: true,
      description: 'Participating units of the campaign, within the caller’s reach',
    }),
    message: Type.String({
      minLength: 1,
      maxLength: 2000,
      examples: ['Đề nghị đơn vị hoàn thành và gửi bản tự đánh giá trước hạn.'],
    }),
  },
  { additionalProperties: false },
);
export type SendReminderBody = Static<typeof SendReminderBody>;

export const ReminderUnit = Type.Object(
  { unitId: Id, unitCode: Type.String(), unitName: Type.String() },
  { additionalProperties: false },
);
export type ReminderUnit = Static<typeof ReminderUnit>;

export const ReminderRecipient = Type.Object(
  {
    userId: Id,
    fullName: Type.String(),
    unitId: Type.Union([Id, Type.Null()]),
    readAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ReminderRecipient = Static<typeof ReminderRecipient>;

export const Reminder = Type.Object(
  {
    id: Id,
    campaignId: Id,
    kind: StringEnum(REMINDER_KINDS, {
      description: 'scheduled: sent by the system N days before the deadline; manual: sent by the office',
    }),
    message: Type.String(),
    daysBefore: Type.Union([Type.Integer(), Type.Null()]),
    sentAt: DateTime,
    sentById: Type.Union([Id, Type.Null()], { description: 'null: the system' }),
    sentByName: Type.Union([Type.String(), Type.Null()]),
    units: Type.Array(ReminderUnit),
    recipients: Type.Array(ReminderRecipient, { description: 'One per account notified, with when it was read' }),
    recipientCount: Type.Integer(),
    readCount: Type.Integer(),
  },
  { additionalProperties: false },
);
export type Reminder = Static<typeof Reminder>;

export const ReminderListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ReminderListQuery = Static<typeof ReminderListQuery>;

export const ReminderPage = Page(Reminder);
export type ReminderPage = Static<typeof ReminderPage>;

/** A participating unit the office may remind, with its own deadline and whether it has submitted. */
export const ReminderCandidate = Type.Object(
  {
    unitId: Id,
    unitCode: Type.String(),
    unitName: Type.String(),
    deadline: Type.String({
      format: 'date',
      description: "The unit's self-assessment deadline (its extension if any)",
    }),
    submitted: Type.Boolean({ description: 'Submitted or accepted; false: not started, drafting or returned' }),
    lastRemindedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ReminderCandidate = Static<typeof ReminderCandidate>;

export const ReminderCandidateList = Type.Object(
  { items: Type.Array(ReminderCandidate) },
  { additionalProperties: false },
);
export type ReminderCandidateList = Static<typeof ReminderCandidateList>;
