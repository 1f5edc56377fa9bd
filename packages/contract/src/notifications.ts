/**
 * What the system tells each account in the app (the bell), and the e-mail outbox the administrator
 * reads. A notification belongs to one account: nobody else reads or marks it.
 */
import Type, { type Static } from 'typebox';
import { DateTime, Id, Page, StringEnum } from './common.ts';

export const NOTIFICATION_KINDS = ['reminder'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const Notification = Type.Object(
  {
    id: Id,
    kind: Type.String({ description: 'What the notification tells of: reminder (đôn đốc) …', examples: ['reminder'] }),
    title: Type.String({ examples: ['Đôn đốc tự đánh giá: Phong trào thi đua CCHC năm 2022'] }),
    body: Type.String(),
    link: Type.Union([Type.String(), Type.Null()], {
      description: 'A path in the web app, e.g. /tu-danh-gia/<submissionId>',
      examples: ['/cua-toi'],
    }),
    campaignId: Type.Union([Id, Type.Null()]),
    createdAt: DateTime,
    readAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Notification = Static<typeof Notification>;

export const NOTIFICATION_ORDERS = ['unread_first', 'newest'] as const;
export type NotificationOrder = (typeof NOTIFICATION_ORDERS)[number];

export const NotificationListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    order: Type.Optional(
      StringEnum(NOTIFICATION_ORDERS, {
        description: 'unread_first (default): unread ones first, each part newest first; newest: by date only',
      }),
    ),
    unread: Type.Optional(Type.Boolean({ description: 'true: only the unread ones' })),
  },
  { additionalProperties: false },
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;

export const NotificationPage = Type.Object(
  {
    items: Type.Array(Notification),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
    unreadCount: Type.Integer({ description: "How many of the caller's notifications are unread (the bell's count)" }),
  },
  { additionalProperties: false },
);
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationsReadAll = Type.Object(
  { marked: Type.Integer({ description: 'How many notifications were marked read' }), unreadCount: Type.Integer() },
  { additionalProperties: false },
);
export type NotificationsReadAll = Static<typeof NotificationsReadAll>;

export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'logged'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export const EmailStatus = StringEnum(EMAIL_STATUSES, {
  description:
    'pending: waiting to be sent (or retried after an error); sent: accepted by the SMTP server; failed: gave up after the last attempt; logged: no SMTP_URL configured, written to the log instead',
});

export const OutboxEmail = Type.Object(
  {
    id: Id,
    to: Type.String(),
    subject: Type.String(),
    text: Type.String(),
    status: EmailStatus,
    attempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    sentAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type OutboxEmail = Static<typeof OutboxEmail>;

export const OutboxListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    status: Type.Optional(EmailStatus),
  },
  { additionalProperties: false },
);
export type OutboxListQuery = Static<typeof OutboxListQuery>;

export const OutboxPage = Page(OutboxEmail);
export type OutboxPage = Static<typeof OutboxPage>;
