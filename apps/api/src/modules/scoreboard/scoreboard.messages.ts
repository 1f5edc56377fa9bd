/** Messages for the codes of the scoreboard, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const scoreboardMessages: MessageCatalog = {
  vi: {
    'scoreboard.not_published':
      'Kết quả xếp hạng chỉ được công khai sau khi đợt thi đua đã tổng kết (hoặc không có đợt thi đua này).',
    'scoreboard.unknown_group': 'Không có khối hoặc cụm thi đua này trong đợt thi đua.',
  },
  en: {
    'scoreboard.not_published':
      'The ranking is published only once the campaign has been finalized (or there is no such campaign).',
    'scoreboard.unknown_group': 'The campaign has no such unit kind or group.',
  },
};
