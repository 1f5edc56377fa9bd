/** Messages for the codes of files, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const filesMessages: MessageCatalog = {
  vi: {
    'file.too_large': 'Tệp vượt quá dung lượng cho phép ({max}).',
    'file.type_not_allowed':
      'Loại tệp không được chấp nhận. Chỉ nhận tệp PDF, Word (DOCX), Excel (XLSX), ảnh PNG hoặc JPEG.',
    'file.missing': 'Chưa chọn tệp để tải lên.',
    'file.single_file_only': 'Mỗi lần chỉ tải lên một tệp.',
    'file.unknown_field': 'Trường không được phép trong biểu mẫu tải tệp: {field}.',
    'file.unit_not_found': 'Không tìm thấy đơn vị sở hữu tệp.',
    'file.unit_not_allowed': 'Bạn chỉ được tải tệp lên cho đơn vị của mình.',
    'file.unit_required': 'Bạn thuộc nhiều đơn vị: hãy chọn đơn vị sở hữu tệp.',
    'file.not_attachable': 'Có tệp không tồn tại hoặc không thuộc đơn vị này nên không thể đính kèm.',
    'file.attached': 'Tệp đang được đính kèm vào hồ sơ nên không thể xoá.',
    'file.not_uploader': 'Chỉ người đã tải tệp lên mới được xoá tệp.',
    'file.content_missing': 'Không đọc được nội dung tệp trên máy chủ lưu trữ. Vui lòng báo quản trị hệ thống.',
  },
  en: {
    'file.too_large': 'The file is larger than allowed ({max}).',
    'file.type_not_allowed':
      'This type of file is not accepted. Only PDF, Word (DOCX), Excel (XLSX), PNG or JPEG files.',
    'file.missing': 'No file was sent.',
    'file.single_file_only': 'Upload one file at a time.',
    'file.unknown_field': 'Field not allowed in the upload form: {field}.',
    'file.unit_not_found': "The file's owner unit was not found.",
    'file.unit_not_allowed': 'You can only upload files for your own unit.',
    'file.unit_required': 'You belong to several units: choose the unit that owns the file.',
    'file.not_attachable': 'Some files do not exist or do not belong to this unit, so they cannot be attached.',
    'file.attached': 'The file is attached to a record and cannot be deleted.',
    'file.not_uploader': 'Only the person who uploaded the file can delete it.',
    'file.content_missing': 'The file content could not be read from storage. Please tell the system administrator.',
  },
};
