/** Messages for the codes of the findings register, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const findingsMessages: MessageCatalog = {
  vi: {
    'finding.campaign_not_active':
      'Chỉ ghi nhận và xử lý tồn tại, hạn chế khi đợt thi đua đang diễn ra hoặc vừa kết thúc (chưa tổng kết).',
    'finding.unit_not_participant': 'Đơn vị không thuộc đối tượng tham gia đợt thi đua này.',
    'finding.due_before_inspection': 'Hạn khắc phục không được trước ngày kiểm tra.',
    'finding.not_editable': 'Tồn tại, hạn chế đã được xác nhận khắc phục nên không thể sửa; hãy mở lại trước.',
    'finding.illegal_transition':
      'Không thể {@action} tồn tại, hạn chế đang ở trạng thái "{@status}" (chỉ được khi: {@allowed}).',
    'finding.action.remedy': 'báo cáo khắc phục',
    'finding.action.verify': 'xác nhận khắc phục',
    'finding.action.reopen': 'mở lại',
    'finding.status.open': 'chưa khắc phục',
    'finding.status.remedied': 'đã báo cáo khắc phục',
    'finding.status.verified': 'đã xác nhận khắc phục',
    'finding.other_unit': 'Chỉ đơn vị có tồn tại, hạn chế mới được báo cáo khắc phục.',
    'finding.remedy_text_required': 'Cần mô tả kết quả khắc phục.',
    'finding.reason_required': 'Cần nêu lý do mở lại.',
  },
  en: {
    'finding.campaign_not_active':
      'Findings are recorded and handled only while the campaign is open or closed (not yet finalized).',
    'finding.unit_not_participant': 'The unit does not take part in this campaign.',
    'finding.due_before_inspection': 'The due date cannot be before the inspection date.',
    'finding.not_editable': 'The finding has been verified and cannot be changed; reopen it first.',
    'finding.illegal_transition': 'Cannot {@action} a finding that is "{@status}" (only when: {@allowed}).',
    'finding.action.remedy': 'record the remedy of',
    'finding.action.verify': 'verify',
    'finding.action.reopen': 'reopen',
    'finding.status.open': 'open',
    'finding.status.remedied': 'remedied',
    'finding.status.verified': 'verified',
    'finding.other_unit': 'Only the unit the finding concerns may record its remedy.',
    'finding.remedy_text_required': 'Describe the remedy.',
    'finding.reason_required': 'Give the reason for reopening.',
  },
};
