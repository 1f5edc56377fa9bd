/** Messages for the codes of the award register, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const awardsMessages: MessageCatalog = {
  vi: {
    'award.already_revoked': 'Khen thưởng này đã bị thu hồi trước đó.',
    'award.reason_required': 'Hãy nêu lý do thu hồi khen thưởng.',
    'award.results_not_published': 'Đợt thi đua chưa tổng kết nên kết quả khen thưởng chưa được công bố.',
  },
  en: {
    'award.already_revoked': 'This award has already been revoked.',
    'award.reason_required': 'State why the award is revoked.',
    'award.results_not_published': 'The campaign is not finalized, so its awards are not published yet.',
  },
};
