/** Rows of the bell and the outbox → contract objects. */
import type { Notification, OutboxEmail } from '@thidua/contract';
import type { NotificationRow, OutboxRow } from './notifications.repository.ts';

export function toNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    campaignId: r.campaignId,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
}

export function toOutboxEmail(r: OutboxRow): OutboxEmail {
  return {
    id: r.id,
    to: r.to,
    subject: r.subject,
    text: r.text,
    status: r.status as OutboxEmail['status'],
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt ? r.sentAt.toISOString() : null,
  };
}
