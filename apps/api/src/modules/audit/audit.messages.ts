/** Messages for the audit chain's breaks, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const auditMessages: MessageCatalog = {
  vi: {
    'audit.missing_event': 'Thiếu sự kiện ngay trước sự kiện số {seq}: đã có bản ghi nhật ký bị xoá.',
    'audit.prev_hash_mismatch':
      'Mã băm liên kết của sự kiện số {seq} không khớp với sự kiện trước: chuỗi nhật ký đã bị chèn hoặc thay đổi.',
    'audit.content_mismatch': 'Nội dung sự kiện số {seq} không khớp với mã băm của nó: bản ghi đã bị sửa.',
  },
  en: {
    'audit.missing_event': 'An event is missing before event {seq}: an audit record has been deleted.',
    'audit.prev_hash_mismatch':
      "Event {seq}'s link does not match the previous event's hash: the chain has been altered.",
    'audit.content_mismatch': 'The content of event {seq} does not match its hash: the record has been edited.',
  },
};
