/** Reminder rows with their units and recipients → the contract's Reminder. */
import type { Reminder, ReminderRecipient, ReminderUnit } from '@thidua/contract';
import type { ReminderRow } from './reminders.repository.ts';

export function toReminder(
  r: ReminderRow & { sentByName: string | null },
  units: ReminderUnit[],
  recipients: { userId: string; fullName: string; unitId: string | null; readAt: Date | null }[],
): Reminder {
  const list: ReminderRecipient[] = recipients.map((x) => ({
    userId: x.userId,
    fullName: x.fullName,
    unitId: x.unitId,
    readAt: x.readAt ? x.readAt.toISOString() : null,
  }));
  return {
    id: r.id,
    campaignId: r.campaignId,
    kind: r.kind as Reminder['kind'],
    message: r.message,
    daysBefore: r.daysBefore,
    sentAt: r.sentAt.toISOString(),
    sentById: r.sentBy,
    sentByName: r.sentBy ? r.sentByName : null,
    units,
    recipients: list,
    recipientCount: list.length,
    readCount: list.filter((x) => x.readAt !== null).length,
  };
}
