/** Messages for the codes of the reception desk, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const receptionMessages: MessageCatalog = {
  vi: {
    'reception.incomplete':
      'Hồ sơ còn thiếu thành phần bắt buộc ({@missing}) nên chưa thể tiếp nhận; hãy trả lại để đơn vị bổ sung.',
    'reception.document_missing': 'Thiếu thành phần hồ sơ bắt buộc.',
    'reception.document.proposal_letter': 'tờ trình đề nghị',
    'reception.document.achievement_report': 'báo cáo thành tích',
    'reception.document.meeting_minutes': 'biên bản họp xét',
    'reception.document.initiative': 'sáng kiến được công nhận',
    'reception.checklist_closed':
      'Chỉ cập nhật danh mục kiểm tra khi hồ sơ đang chờ tiếp nhận hoặc đã tiếp nhận (hồ sơ đang ở trạng thái "{@status}").',
    'reception.reason_required': 'Cần nêu ít nhất một lý do trả lại hồ sơ.',
    'reception.not_received': 'Hồ sơ chưa được tiếp nhận nên chưa có giấy tiếp nhận.',
  },
  en: {
    'reception.incomplete':
      'The dossier lacks required documents ({@missing}) and cannot be received; return it for the unit to supplement.',
    'reception.document_missing': 'A required document is missing.',
    'reception.document.proposal_letter': 'proposal letter',
    'reception.document.achievement_report': 'achievement report',
    'reception.document.meeting_minutes': 'minutes of the consideration meeting',
    'reception.document.initiative': 'recognised initiative',
    'reception.checklist_closed':
      'The checklist changes only while the dossier waits at the desk or has been received (it is "{@status}").',
    'reception.reason_required': 'Give at least one reason for returning the dossier.',
    'reception.not_received': 'The dossier has not been received yet, so it has no receipt.',
  },
};
