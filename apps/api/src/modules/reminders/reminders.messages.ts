/** Messages for the codes of the reminders (đôn đốc), Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const remindersMessages: MessageCatalog = {
  vi: {
    'reminder.campaign_not_open': 'Chỉ đôn đốc được khi đợt thi đua đang diễn ra.',
    'reminder.unit_not_participant': 'Đơn vị không thuộc đối tượng tham gia đợt thi đua này.',
    'reminder.message_required': 'Cần nhập nội dung đôn đốc.',
  },
  en: {
    'reminder.campaign_not_open': 'Reminders are sent only while the campaign is open.',
    'reminder.unit_not_participant': 'The unit does not take part in this campaign.',
    'reminder.message_required': 'Write the message of the reminder.',
  },
};
