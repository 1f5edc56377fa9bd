/** Messages for the codes of the initiatives register, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const initiativesMessages: MessageCatalog = {
  vi: {
    'initiative.unit_not_found': 'Không tìm thấy đơn vị.',
    'initiative.unit_required': 'Hãy chọn đơn vị có sáng kiến.',
    'initiative.other_unit': 'Bạn chỉ được đăng ký sáng kiến cho đơn vị của mình.',
    'initiative.author_not_in_unit': 'Tác giả phải là cán bộ, công chức, viên chức của đơn vị có sáng kiến.',
    'initiative.author_self_required': 'Bạn phải là một trong các tác giả của sáng kiến mình đăng ký.',
    'initiative.campaign_not_found': 'Không tìm thấy đợt thi đua.',
    'initiative.not_author': 'Chỉ đơn vị, tác giả hoặc cơ quan thường trực mới được sửa sáng kiến này.',
    'initiative.not_editable': 'Sáng kiến đã được công nhận nên không thể sửa.',
    'initiative.illegal_transition': 'Không thể {@action} sáng kiến đang ở trạng thái "{@status}".',
    'initiative.action.recognise': 'công nhận',
    'initiative.status.registered': 'đã đăng ký',
    'initiative.status.recognised': 'đã được công nhận',
  },
  en: {
    'initiative.unit_not_found': 'Unit not found.',
    'initiative.unit_required': 'Choose the unit the initiative belongs to.',
    'initiative.other_unit': 'You may record initiatives only for your own unit.',
    'initiative.author_not_in_unit': "Authors must be staff members of the initiative's unit.",
    'initiative.author_self_required': 'You must be one of the authors of an initiative you record.',
    'initiative.campaign_not_found': 'Campaign not found.',
    'initiative.not_author': 'Only the unit, the authors or the standing office may change this initiative.',
    'initiative.not_editable': 'The initiative has been recognised and cannot be changed.',
    'initiative.illegal_transition': 'Cannot {@action} an initiative that is "{@status}".',
    'initiative.action.recognise': 'recognise',
    'initiative.status.registered': 'registered',
    'initiative.status.recognised': 'recognised',
  },
};
