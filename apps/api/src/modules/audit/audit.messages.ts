/** Messages for the audit chain's breaks, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const auditMessages: MessageCatalog = {
  vi: {
    'audit.missing_event': 'Thiếu sự kiện ngay trước sự kiện số {seq}: đã có bản ghi nhật ký bị xoá.',
    'audit.prev_hash_mismatch':
      'Mã băm liên kết của sự kiện số {seq} không khớp với sự kiện trước: chuỗi nhật ký đã bị chèn hoặc thay đổi.',
    'audit.content_mismatch': 'Nội dung sự kiện số {seq} không khớp với mã băm của nó: bản ghi đã bị sửa.',
    'audit.unkeyed_event':
      'Sự kiện số {seq} mang mã băm không có khoá trong khi chuỗi nhật ký đã dùng mã băm có khoá từ trước: chuỗi đã bị tính lại từ sự kiện này.',
    'audit.checkpoint_mismatch':
      'Sự kiện số {seq} khác với mốc kiểm tra lưu ngoài cơ sở dữ liệu lúc {at}: chuỗi nhật ký đã bị tính lại trong khoảng từ sự kiện số {from} đến số {seq}.',
    'audit.tail_missing':
      'Nhật ký chỉ còn {checked} sự kiện, nhưng mốc kiểm tra lúc {at} đã ghi nhận {count}: các sự kiện từ số {seq} trở đi đã bị xoá.',
    'audit.checkpoint_invalid':
      'Tệp mốc kiểm tra {file} không mang chữ ký hợp lệ của khoá nhật ký: tệp đã bị sửa hoặc không do hệ thống ghi.',
  },
  en: {
    'audit.missing_event': 'An event is missing before event {seq}: an audit record has been deleted.',
    'audit.prev_hash_mismatch':
      "Event {seq}'s link does not match the previous event's hash: the chain has been altered.",
    'audit.content_mismatch': 'The content of event {seq} does not match its hash: the record has been edited.',
    'audit.unkeyed_event':
      'Event {seq} carries an unkeyed hash where the chain was already keyed: the chain has been recomputed from this event on.',
    'audit.checkpoint_mismatch':
      'Event {seq} differs from the checkpoint kept outside the database at {at}: the chain has been recomputed between event {from} and event {seq}.',
    'audit.tail_missing':
      'The log holds {checked} events, but the checkpoint of {at} counted {count}: the events from {seq} on have been deleted.',
    'audit.checkpoint_invalid':
      'The checkpoint file {file} is not signed with the audit key: it has been altered or was not written by this application.',
  },
};
