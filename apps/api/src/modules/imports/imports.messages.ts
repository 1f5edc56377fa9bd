/** Messages of the import module's codes (file-level problems and per-row problems). */
import type { MessageCatalog } from '../../lib/messages.ts';

export const importsMessages: MessageCatalog = {
  vi: {
    'import.unsupported_type':
      'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (UTF-8). Tệp Excel cũ (.xls) hãy mở ra rồi lưu lại dưới dạng .xlsx.',
    'import.not_multipart': 'Hãy gửi tệp bằng biểu mẫu tải lên (multipart/form-data).',
    'import.not_utf8':
      'Tệp CSV không ở bảng mã UTF-8. Trong Excel hãy chọn "Lưu thành" → "CSV UTF-8", hoặc dùng tệp .xlsx.',
    'import.too_large_unpacked':
      'Tệp Excel khi giải nén vượt quá {max}. Hãy lưu lại một tệp mới chỉ gồm trang dữ liệu cần nhập, không kèm hình ảnh.',
    'import.part_too_large':
      'Phần "{part}" của tệp Excel khi giải nén vượt quá {max}. Hãy lưu lại một tệp mới chỉ gồm trang dữ liệu cần nhập.',
    'import.too_many_entries': 'Tệp Excel có quá nhiều thành phần (tối đa {max}). Hãy dùng tệp theo mẫu.',
    'import.too_many_rows': 'Tệp có quá nhiều dòng: mỗi lần nhập tối đa {max} dòng dữ liệu. Hãy chia thành nhiều tệp.',
    'import.too_many_columns': 'Dòng {row} có dữ liệu ở quá nhiều cột: tối đa {max} cột.',
    'import.cell_too_long': 'Dòng {row} có ô dài quá {max} ký tự (giới hạn một ô của Excel).',
    'import.too_much_text': 'Tệp chứa quá nhiều chữ (tối đa {max} ký tự trong toàn bộ các ô).',
    'import.too_slow':
      'Không đọc xong tệp trong {seconds} giây nên đã dừng. Hãy lưu lại một tệp mới chỉ gồm dữ liệu cần nhập, hoặc chia thành nhiều tệp nhỏ.',
    'import.example_row':
      'Đây là dòng ví dụ của tệp mẫu, hãy xoá dòng này rồi nhập lại (dòng ví dụ không bao giờ được ghi vào hệ thống).',
    'import.rows_invalid': 'Tệp có {count} lỗi nên chưa ghi dữ liệu nào. Hãy sửa các dòng được liệt kê rồi nhập lại.',
    'import.empty': 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.',
    'import.missing_column': 'Thiếu cột bắt buộc "{column}" ở dòng tiêu đề (dòng 1).',
    'import.duplicate_column': 'Cột "{column}" xuất hiện hai lần ở dòng tiêu đề.',
    'import.required': 'Chưa nhập {column}.',
    'import.too_long': '{column} dài quá {max} ký tự.',
    'import.bad_email': 'Email "{value}" không đúng định dạng.',
    'import.bad_code':
      'Mã đơn vị "{value}" chỉ được gồm chữ cái không dấu, chữ số và các ký tự . _ - (tối đa 32 ký tự).',
    'import.bad_kind': 'Loại đơn vị "{value}" không hợp lệ. Hãy ghi một trong: {allowed}.',
    'import.bad_gender': 'Giới tính "{value}" không hợp lệ. Hãy ghi Nam, Nữ hoặc Khác.',
    'import.not_integer': '{column} phải là số nguyên (đang ghi: "{value}").',
    'import.out_of_range': '{column} phải từ {min} đến {max} (đang ghi: {value}).',
    'import.invalid_value': '{column} không hợp lệ (đang ghi: "{value}").',
    'import.duplicate_code': 'Mã đơn vị "{code}" bị trùng với dòng {other}.',
    'import.parent_not_found':
      'Không tìm thấy đơn vị cấp trên có mã "{code}" trong tệp (ở các dòng phía trên) hoặc trong hệ thống.',
    'import.parent_later':
      'Đơn vị cấp trên "{code}" nằm ở dòng {other}, phía dưới dòng này. Hãy xếp đơn vị cấp trên lên trước.',
    'import.parent_self': 'Đơn vị không thể là cấp trên của chính nó.',
    'import.parent_cycle': 'Đặt "{code}" làm cấp trên sẽ tạo vòng lặp: đơn vị đó đang nằm dưới đơn vị này.',
    'import.unit_not_found': 'Không tìm thấy đơn vị có mã "{code}" trong hệ thống.',
    'import.duplicate_person': 'Cán bộ này (cùng đơn vị, họ tên và email) đã có ở dòng {other}.',
    'import.person_ambiguous':
      'Đơn vị đang có {count} cán bộ cùng họ tên "{name}" và cùng email nên không biết cập nhật người nào. Hãy ghi email để phân biệt.',
  },
  en: {
    'import.unsupported_type':
      'Only Excel (.xlsx) and CSV (UTF-8) files are accepted. Open an old .xls file and save it as .xlsx.',
    'import.not_multipart': 'Send the file as a multipart/form-data upload.',
    'import.not_utf8': 'The CSV file is not UTF-8. In Excel choose "Save as" → "CSV UTF-8", or use an .xlsx file.',
    'import.too_large_unpacked':
      'The Excel file unpacks to more than {max}. Save a new file holding only the sheet to import, without images.',
    'import.part_too_large':
      'Part "{part}" of the Excel file unpacks to more than {max}. Save a new file holding only the sheet to import.',
    'import.too_many_entries': 'The Excel file has too many parts (at most {max}). Use the template.',
    'import.too_many_rows':
      'The file has too many rows: at most {max} data rows per import. Split it into several files.',
    'import.too_many_columns': 'Row {row} has values in too many columns: at most {max}.',
    'import.cell_too_long': 'Row {row} has a cell longer than {max} characters (the Excel limit for one cell).',
    'import.too_much_text': 'The file holds too much text (at most {max} characters in all cells).',
    'import.too_slow':
      'The file could not be read within {seconds} seconds, so reading stopped. Save a new file holding only the data to import, or split it.',
    'import.example_row':
      "This is the template's example row: delete it and import again (the example row is never written).",
    'import.rows_invalid':
      'The file has {count} problems, so nothing was written. Fix the listed rows and import again.',
    'import.empty': 'The file has no data rows below the header row.',
    'import.missing_column': 'Required column "{column}" is missing from the header row (row 1).',
    'import.duplicate_column': 'Column "{column}" appears twice in the header row.',
    'import.required': '{column} is empty.',
    'import.too_long': '{column} is longer than {max} characters.',
    'import.bad_email': 'Email "{value}" is not a valid address.',
    'import.bad_code':
      'Unit code "{value}" may only contain unaccented letters, digits and . _ - (at most 32 characters).',
    'import.bad_kind': 'Unit kind "{value}" is not valid. Use one of: {allowed}.',
    'import.bad_gender': 'Gender "{value}" is not valid. Use Nam, Nữ or Khác.',
    'import.not_integer': '{column} must be a whole number (got "{value}").',
    'import.out_of_range': '{column} must be between {min} and {max} (got {value}).',
    'import.invalid_value': '{column} is not valid (got "{value}").',
    'import.duplicate_code': 'Unit code "{code}" duplicates row {other}.',
    'import.parent_not_found': 'No parent unit with code "{code}" in the rows above or in the system.',
    'import.parent_later': 'Parent unit "{code}" is on row {other}, below this one. Put parent units first.',
    'import.parent_self': 'A unit cannot be its own parent.',
    'import.parent_cycle': 'Placing the unit under "{code}" would make a loop: that unit is below this one.',
    'import.unit_not_found': 'No unit with code "{code}" in the system.',
    'import.duplicate_person': 'This person (same unit, name and email) is already on row {other}.',
    'import.person_ambiguous':
      'The unit has {count} people named "{name}" with the same email, so it is unclear which to update. Add an email to tell them apart.',
  },
};
