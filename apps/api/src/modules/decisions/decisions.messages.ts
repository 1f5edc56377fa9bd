/** Messages for the codes of public posting, objections and award decisions, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const decisionsMessages: MessageCatalog = {
  vi: {
    'posting.nothing_approved':
      'Chưa có hồ sơ nào được Hội đồng thông qua mà chưa có quyết định khen thưởng để niêm yết.',
    'posting.closed': 'Thời gian niêm yết công khai đã kết thúc ngày {endsOn}; không nhận thêm ý kiến.',
    'posting.authority_not_found': 'Không tìm thấy cơ quan có thẩm quyền khen thưởng.',
    'objection.dossier_not_posted': 'Hồ sơ được phản ánh không có trong danh sách niêm yết.',
    'decision.nothing_approved': 'Chưa có hồ sơ nào được thông qua mà chưa có quyết định khen thưởng.',
    'decision.dossier_not_eligible':
      'Hồ sơ này không thể đưa vào quyết định: phải là hồ sơ đã được thông qua của phong trào, tại cơ quan này, và chưa có trong quyết định khác.',
    'decision.not_draft': 'Quyết định đã ban hành nên không thể sửa.',
    'decision.not_issued': 'Chỉ đính kèm bản ký số khi quyết định đã được ban hành.',
    'decision.no_awardees': 'Quyết định chưa có đối tượng được khen thưởng.',
    'decision.posting_open':
      'Danh sách còn đang niêm yết công khai đến hết ngày {endsOn}. Chỉ ban hành trước thời hạn khi ghi rõ lý do.',
    'decision.no_posting':
      'Danh sách đề nghị khen thưởng chưa được niêm yết công khai. Chỉ ban hành khi ghi rõ lý do không niêm yết.',
    'decision.objections_open': 'Còn {count} ý kiến phản ánh chưa được trả lời; hãy trả lời trước khi ban hành.',
    'decision.before_council_meeting':
      'Ngày ký quyết định ({decidedOn}) trước ngày họp Hội đồng Thi đua - Khen thưởng xét các hồ sơ này ({date}). Quyết định phải được ký từ ngày {date} trở đi.',
    'decision.no_base_salary': 'Chưa có mức lương cơ sở áp dụng vào ngày {date}; không tính được tiền thưởng.',
    'decision.illegal_transition': 'Không thể {@action} quyết định đang ở trạng thái "{@status}".',
    'decision.action.issue': 'ban hành',
    'decision.status.draft': 'dự thảo',
    'decision.status.issued': 'đã ban hành',
  },
  en: {
    'posting.nothing_approved': 'No dossier approved by the council and not yet in a decision to post.',
    'posting.closed': 'The public posting period ended on {endsOn}; objections are no longer accepted.',
    'posting.authority_not_found': 'Awarding authority not found.',
    'objection.dossier_not_posted': 'The dossier objected to is not on the posted list.',
    'decision.nothing_approved': 'No approved dossier is waiting for a decision.',
    'decision.dossier_not_eligible':
      'This dossier cannot be in the decision: it must be an approved dossier of the campaign, at this authority, not in another decision.',
    'decision.not_draft': 'The decision has been issued and cannot be changed.',
    'decision.not_issued': 'A signed scan can be attached only to an issued decision.',
    'decision.no_awardees': 'The decision has no awardees.',
    'decision.posting_open':
      'The list is publicly posted until {endsOn}. Issue before then only with a recorded reason.',
    'decision.no_posting': 'The proposed list was never publicly posted. Issue only with a recorded reason.',
    'decision.objections_open': '{count} objection(s) are not answered yet; answer them before issuing.',
    'decision.before_council_meeting':
      'The decision date ({decidedOn}) is before the Emulation and Commendation Council meeting that approved these dossiers ({date}). Date it {date} or later.',
    'decision.no_base_salary': 'No base salary is in force on {date}; the bonuses cannot be computed.',
    'decision.illegal_transition': 'Cannot {@action} a decision that is "{@status}".',
    'decision.action.issue': 'issue',
    'decision.status.draft': 'draft',
    'decision.status.issued': 'issued',
  },
};
