/** Messages for the codes of the council and its vote, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const councilsMessages: MessageCatalog = {
  vi: {
    'council.authority_not_found': 'Không tìm thấy cơ quan, đơn vị của hội đồng.',
    'council.dates_order': 'Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.',
    'council.person_not_found': 'Không tìm thấy cán bộ được chọn làm thành viên hội đồng.',
    'council.duplicate_member': 'Một người chỉ được có tên một lần trong danh sách thành viên hội đồng.',
    'council.one_chair': 'Hội đồng chỉ có một Chủ tịch hội đồng.',
    'council.one_secretary': 'Hội đồng chỉ có một Thư ký.',
    'council.meeting_in_progress':
      'Hội đồng đang có cuộc họp đang biểu quyết; không thể thay đổi thành viên cho đến khi cuộc họp kết thúc.',
    'council.campaign_not_found': 'Không tìm thấy đợt thi đua của cơ quan này để họp xét.',
    'council.person_not_member': 'Người được chọn không phải thành viên của hội đồng.',
    'council.meeting_not_planned':
      'Cuộc họp đã bắt đầu biểu quyết hoặc đã kết thúc; không thể thay đổi điểm danh hay danh sách đề nghị.',
    'council.dossier_not_eligible':
      'Hồ sơ không thể đưa ra cuộc họp: phải là hồ sơ của đợt thi đua này, tại cơ quan này, đã được tiếp nhận và chưa có trong cuộc họp khác.',
    'council.meeting_in_future':
      'Cuộc họp được ghi thời gian họp lúc {heldAt}, chưa đến giờ họp; chỉ mở biểu quyết khi cuộc họp đã diễn ra (sửa thời gian họp nếu ghi nhầm).',
    'council.no_proposals': 'Cuộc họp chưa có hồ sơ đề nghị nào để biểu quyết.',
    'council.no_members': 'Hội đồng chưa có thành viên biểu quyết nào.',
    'council.no_quorum':
      'Chưa đủ số thành viên dự họp để biểu quyết: có mặt {present}/{members} thành viên, cần ít nhất {required} thành viên (tỷ lệ {quorum}).',
    'council.voting_not_open': 'Cuộc họp chưa mở biểu quyết hoặc đã kết thúc.',
    'council.not_a_proposal': 'Hồ sơ này không có trong danh sách đề nghị của cuộc họp.',
    'council.not_voting_member': 'Người này không phải thành viên biểu quyết của hội đồng (Thư ký không biểu quyết).',
    'council.not_member': 'Bạn không phải thành viên biểu quyết của hội đồng này.',
    'council.absent_member':
      'Thành viên vắng mặt chỉ được biểu quyết bằng văn bản (đánh dấu "biểu quyết bằng văn bản").',
    'council.already_voted': 'Thành viên này đã biểu quyết đối với hồ sơ này.',
    'council.dossier_in_meeting':
      'Hồ sơ đang có trong danh sách đề nghị của một cuộc họp hội đồng chưa kết thúc; kết quả do hội đồng biểu quyết.',
    'council_meeting.illegal_transition': 'Không thể {@action} cuộc họp đang ở trạng thái "{@status}".',
    'council_meeting.action.open_voting': 'mở biểu quyết',
    'council_meeting.action.close': 'kết thúc và kiểm phiếu',
    'council_meeting.status.planned': 'chuẩn bị',
    'council_meeting.status.voting': 'đang biểu quyết',
    'council_meeting.status.closed': 'đã kết thúc',
  },
  en: {
    'council.authority_not_found': "The council's authority was not found.",
    'council.dates_order': 'The end of the term must come after its start.',
    'council.person_not_found': 'The person chosen as a council member was not found.',
    'council.duplicate_member': 'A person may appear only once in the list of council members.',
    'council.one_chair': 'A council has one chair.',
    'council.one_secretary': 'A council has one secretary.',
    'council.meeting_in_progress': 'A meeting of the council is voting; its members cannot change until it closes.',
    'council.campaign_not_found': "No campaign of this council's authority was found to consider.",
    'council.person_not_member': 'The person chosen is not a member of the council.',
    'council.meeting_not_planned':
      'The meeting is voting or closed; its attendance and list of proposals can no longer change.',
    'council.dossier_not_eligible':
      'The dossier cannot be put to the meeting: it must be of this campaign, at this authority, received, and on no other open meeting.',
    'council.meeting_in_future':
      'The meeting is recorded as held at {heldAt}, which has not come yet; voting opens only once the meeting has taken place.',
    'council.no_proposals': 'The meeting has no proposals to vote on.',
    'council.no_members': 'The council has no voting members.',
    'council.no_quorum':
      'No quorum: {present} of {members} voting members are present, at least {required} are needed ({quorum}).',
    'council.voting_not_open': 'Voting is not open at this meeting.',
    'council.not_a_proposal': "The dossier is not on the meeting's list of proposals.",
    'council.not_voting_member': 'This person is not a voting member of the council (the secretary does not vote).',
    'council.not_member': 'You are not a voting member of this council.',
    'council.absent_member': 'An absent member may only vote in writing (mark the vote "in writing").',
    'council.already_voted': 'This member has already voted on this dossier.',
    'council.dossier_in_meeting':
      'The dossier is on the list of a council meeting that has not closed; the council decides it by its vote.',
    'council_meeting.illegal_transition': 'Cannot {@action} a meeting that is "{@status}".',
    'council_meeting.action.open_voting': 'open voting at',
    'council_meeting.action.close': 'close and tally',
    'council_meeting.status.planned': 'planned',
    'council_meeting.status.voting': 'voting',
    'council_meeting.status.closed': 'closed',
  },
};
