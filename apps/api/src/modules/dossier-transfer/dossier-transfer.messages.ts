/** Messages for the codes of proposals upward and dossier packages, Vietnamese first. */
import type { MessageCatalog } from '../../lib/messages.ts';

export const dossierTransferMessages: MessageCatalog = {
  vi: {
    'dossier.forward_not_needed':
      'Cấp này có thẩm quyền tặng "{awardType}" ({reference}); không cần chuyển hồ sơ lên cấp trên.',
    'dossier.no_higher_authority':
      'Không có cơ quan cấp trên nào trong hệ thống có thẩm quyền tặng "{awardType}" ({reference}).',
    'dossier_package.not_multipart': 'Hãy gửi gói hồ sơ bằng biểu mẫu tải lên (multipart/form-data).',
    'dossier_package.file_missing': 'Hãy chọn tệp gói hồ sơ (ZIP).',
    'dossier_package.unknown_field': 'Trường "{field}" không được nhận.',
    'dossier_package.too_large': 'Gói hồ sơ vượt quá {max}.',
    'dossier_package.unreadable': 'Tệp không phải là gói hồ sơ ZIP đọc được.',
    'dossier_package.too_many_entries': 'Gói hồ sơ có quá nhiều tệp (tối đa {max}).',
    'dossier_package.entry_too_large': 'Tệp "{name}" trong gói khi giải nén vượt quá {max}.',
    'dossier_package.too_large_unpacked': 'Gói hồ sơ khi giải nén vượt quá {max}.',
    'dossier_package.manifest_missing': 'Gói hồ sơ thiếu tệp manifest.json.',
    'dossier_package.manifest_invalid': 'Tệp manifest.json của gói hồ sơ không đúng định dạng.',
    'dossier_package.document_missing': 'Gói hồ sơ thiếu tệp "{name}" được kê trong manifest.json.',
    'dossier_package.checksum_mismatch':
      'Tệp "{name}" trong gói không khớp với manifest.json (kích thước hoặc mã SHA-256): tệp có thể đã bị thay đổi.',
    'dossier_package.unknown_award_type': 'Không có hình thức khen thưởng mã "{code}" trong danh mục của hệ thống này.',
    'dossier_package.campaign_not_found': 'Không tìm thấy đợt thi đua của cơ quan tiếp nhận.',
    'dossier_package.unit_not_found': 'Không tìm thấy đơn vị để lưu hồ sơ.',
    'dossier_package.already_filed': 'Đối tượng này đã có hồ sơ trong đợt thi đua đã chọn.',
  },
  en: {
    'dossier.forward_not_needed':
      'This authority may grant "{awardType}" ({reference}); the dossier need not go to a higher authority.',
    'dossier.no_higher_authority': 'No higher authority in this installation may grant "{awardType}" ({reference}).',
    'dossier_package.not_multipart': 'Send the package as a multipart/form-data upload.',
    'dossier_package.file_missing': 'Choose the dossier package (ZIP).',
    'dossier_package.unknown_field': 'The field "{field}" is not accepted.',
    'dossier_package.too_large': 'The dossier package is larger than {max}.',
    'dossier_package.unreadable': 'The file is not a readable ZIP dossier package.',
    'dossier_package.too_many_entries': 'The package holds too many files (at most {max}).',
    'dossier_package.entry_too_large': 'The file "{name}" in the package inflates to more than {max}.',
    'dossier_package.too_large_unpacked': 'The package inflates to more than {max}.',
    'dossier_package.manifest_missing': 'The package has no manifest.json.',
    'dossier_package.manifest_invalid': "The package's manifest.json is not valid.",
    'dossier_package.document_missing': 'The package lacks the file "{name}" listed in manifest.json.',
    'dossier_package.checksum_mismatch':
      'The file "{name}" does not match manifest.json (size or SHA-256): it may have been altered.',
    'dossier_package.unknown_award_type': 'No award type with the code "{code}" in this installation\'s catalogue.',
    'dossier_package.campaign_not_found': "The receiving authority's campaign was not found.",
    'dossier_package.unit_not_found': 'The unit to file the dossier under was not found.',
    'dossier_package.already_filed': 'This nominee already has a dossier in the chosen campaign.',
  },
};
