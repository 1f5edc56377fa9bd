/**
 * Error messages by code, Vietnamese first. `{name}` placeholders are filled from the error's params.
 * A code missing here falls back to a generic message, so add a line with every new code.
 */
type Catalog = Record<string, string>;

const vi: Catalog = {
  'validation.failed': 'Dữ liệu gửi lên không hợp lệ.',
  'validation.unknown_field': 'Trường không được phép: {field}.',
  'request.malformed_json': 'Nội dung JSON không đọc được.',
  'request.unsupported_media_type': 'Kiểu nội dung không được hỗ trợ.',
  'request.too_large': 'Nội dung gửi lên quá lớn.',
  'request.route_not_found': 'Không có đường dẫn này.',
  'request.malformed_multipart':
    'Nội dung tải lên (multipart/form-data) không đọc được: thiếu ranh giới hoặc bị cắt ngang.',
  'request.aborted': 'Yêu cầu đã bị huỷ trước khi gửi xong.',
  'request.uri_too_long': 'Đường dẫn quá dài.',
  'request.bad_url': 'Đường dẫn không hợp lệ.',
  'request.malformed': 'Yêu cầu không đọc được.',
  not_found: 'Không tìm thấy dữ liệu yêu cầu.',
  'auth.unauthorized': 'Bạn cần đăng nhập.',
  'auth.token_invalid': 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
  'auth.invalid_credentials': 'Email hoặc mật khẩu không đúng.',
  'auth.too_many_attempts': 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
  'auth.refresh_invalid': 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  'auth.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'review.own_unit': 'Bạn không được thẩm định, xác nhận hồ sơ của chính đơn vị mình.',
  'auth.wrong_password': 'Mật khẩu hiện tại không đúng.',
  'password.too_short': 'Mật khẩu phải có ít nhất 8 ký tự.',
  'password.too_common': 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
  'user.email_taken': 'Email này đã được dùng cho một tài khoản khác.',
  'user.person_not_found': 'Không tìm thấy cán bộ này.',
  'user.person_taken': 'Cán bộ này đã gắn với một tài khoản khác.',
  'user.unit_required': 'Vai trò {role} cần gắn với một đơn vị.',
  'user.cannot_disable_self': 'Bạn không thể tự khoá tài khoản của mình.',
  'unit.code_taken': 'Mã đơn vị "{code}" đã tồn tại.',
  'unit.parent_cycle': 'Không thể đặt một đơn vị làm cấp trên của chính nó hoặc của đơn vị cấp trên nó.',
  'unit.parent_not_found': 'Không tìm thấy đơn vị cấp trên.',
  'unit.in_use': 'Đơn vị đang được sử dụng nên không thể xoá; hãy lưu trữ thay vì xoá.',
  'unit.has_children': 'Đơn vị còn đơn vị trực thuộc.',
  'person.unit_not_found': 'Không tìm thấy đơn vị của cán bộ.',
  'person.in_use': 'Cán bộ đã có dữ liệu liên quan nên không thể xoá; hãy lưu trữ thay vì xoá.',
  'import.unreadable': 'Không đọc được tệp. Hãy dùng tệp XLSX hoặc CSV (UTF-8) theo mẫu.',
  'import.no_file': 'Chưa chọn tệp để nhập.',
  'precondition.required': 'Thiếu tiêu đề If-Match: hãy gửi ETag của bản ghi đang sửa.',
  'precondition.failed': 'Bản ghi đã bị người khác thay đổi. Hãy tải lại rồi sửa tiếp.',
  'idempotency.key_reused': 'Khoá Idempotency-Key này đã được dùng cho một yêu cầu khác.',
  'idempotency.in_progress': 'Yêu cầu với khoá Idempotency-Key này đang được xử lý.',
  'reference.in_use': 'Dữ liệu đang được tham chiếu ở nơi khác nên không thể xoá; hãy lưu trữ thay vì xoá.',
  'conflict.duplicate': 'Dữ liệu bị trùng với một bản ghi đã có.',
  'service.unavailable': 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau.',
  'internal.error': 'Đã có lỗi xảy ra ở máy chủ. Vui lòng thử lại sau.',
  'rate.limited': 'Quá nhiều yêu cầu. Vui lòng thử lại sau {seconds} giây.',
  // Field errors (errors[].message), by the schema keyword that failed.
  unknown_field: 'Trường này không được phép gửi lên.',
  nul_character: 'Không được chứa ký tự NUL.',
  'field.required': 'Trường này là bắt buộc.',
  'field.type': 'Sai kiểu dữ liệu: cần {type}.',
  'field.minLength': 'Cần ít nhất {limit} ký tự.',
  'field.maxLength': 'Tối đa {limit} ký tự.',
  'field.minimum': 'Giá trị nhỏ nhất là {limit}.',
  'field.maximum': 'Giá trị lớn nhất là {limit}.',
  'field.exclusiveMinimum': 'Giá trị phải lớn hơn {limit}.',
  'field.exclusiveMaximum': 'Giá trị phải nhỏ hơn {limit}.',
  'field.minItems': 'Cần ít nhất {limit} mục.',
  'field.maxItems': 'Tối đa {limit} mục.',
  'field.uniqueItems': 'Danh sách có mục trùng nhau.',
  'field.format': 'Không đúng định dạng {format}.',
  'field.pattern': 'Có ký tự không được phép.',
  'field.enum': 'Giá trị phải là một trong: {allowed}.',
  'field.const': 'Giá trị không hợp lệ.',
  'field.anyOf': 'Giá trị không hợp lệ.',
  'type.string': 'chuỗi ký tự',
  'type.integer': 'số nguyên',
  'type.number': 'số',
  'type.boolean': 'đúng/sai (true/false)',
  'type.array': 'danh sách',
  'type.object': 'đối tượng',
  'type.null': 'null',
};

const en: Catalog = {
  'validation.failed': 'The request data is not valid.',
  'validation.unknown_field': 'Field not allowed: {field}.',
  'request.malformed_json': 'The JSON body could not be parsed.',
  'request.unsupported_media_type': 'Unsupported content type.',
  'request.too_large': 'The request body is too large.',
  'request.route_not_found': 'No such route.',
  'request.malformed_multipart': 'The multipart/form-data body could not be read: no boundary, or cut short.',
  'request.aborted': 'The request was cancelled before it was fully sent.',
  'request.uri_too_long': 'The path is too long.',
  'request.bad_url': 'The path is not valid.',
  'request.malformed': 'The request could not be read.',
  not_found: 'The requested resource was not found.',
  'auth.unauthorized': 'You need to sign in.',
  'auth.token_invalid': 'Your session is invalid or has expired. Please sign in again.',
  'auth.invalid_credentials': 'Wrong email or password.',
  'auth.too_many_attempts': 'Too many failed sign-ins. Try again in {seconds} seconds.',
  'auth.refresh_invalid': 'Your session has expired. Please sign in again.',
  'auth.forbidden': 'You are not allowed to do this.',
  'review.own_unit': 'You may not review or verify records of your own unit.',
  'auth.wrong_password': 'The current password is wrong.',
  'password.too_short': 'The password must have at least 8 characters.',
  'password.too_common': 'This password is too common. Choose another.',
  'user.email_taken': 'This email is already used by another account.',
  'user.person_not_found': 'This staff member was not found.',
  'user.person_taken': 'This staff member is already linked to another account.',
  'user.unit_required': 'The role {role} must be tied to a unit.',
  'user.cannot_disable_self': 'You cannot disable your own account.',
  'unit.code_taken': 'Unit code "{code}" already exists.',
  'unit.parent_cycle': 'A unit cannot be placed under itself or one of its descendants.',
  'unit.parent_not_found': 'Parent unit not found.',
  'unit.in_use': 'The unit is referenced and cannot be deleted; archive it instead.',
  'unit.has_children': 'The unit still has child units.',
  'person.unit_not_found': "The person's unit was not found.",
  'person.in_use': 'The person is referenced and cannot be deleted; archive them instead.',
  'import.unreadable': 'The file could not be read. Use an XLSX or UTF-8 CSV file following the template.',
  'import.no_file': 'No file was sent.',
  'precondition.required': 'If-Match header required: send the ETag of the record you are editing.',
  'precondition.failed': 'The record was changed by someone else. Reload and try again.',
  'idempotency.key_reused': 'This Idempotency-Key was already used for a different request.',
  'idempotency.in_progress': 'A request with this Idempotency-Key is still being processed.',
  'reference.in_use': 'The record is referenced elsewhere and cannot be deleted; archive it instead.',
  'conflict.duplicate': 'The data duplicates an existing record.',
  'service.unavailable': 'The database is unavailable. Please try again shortly.',
  'internal.error': 'Something went wrong on the server. Please try again later.',
  'rate.limited': 'Too many requests. Try again in {seconds} seconds.',
  unknown_field: 'This field is not allowed.',
  nul_character: 'Must not contain a NUL character.',
  'field.required': 'This field is required.',
  'field.type': 'Wrong type: expected {type}.',
  'field.minLength': 'Must have at least {limit} characters.',
  'field.maxLength': 'Must have at most {limit} characters.',
  'field.minimum': 'Must be at least {limit}.',
  'field.maximum': 'Must be at most {limit}.',
  'field.exclusiveMinimum': 'Must be greater than {limit}.',
  'field.exclusiveMaximum': 'Must be less than {limit}.',
  'field.minItems': 'Must have at least {limit} items.',
  'field.maxItems': 'Must have at most {limit} items.',
  'field.uniqueItems': 'Items must not repeat.',
  'field.format': 'Not a valid {format}.',
  'field.pattern': 'Contains characters that are not allowed.',
  'field.enum': 'Must be one of: {allowed}.',
  'field.const': 'Invalid value.',
  'field.anyOf': 'Invalid value.',
  'type.string': 'text',
  'type.integer': 'an integer',
  'type.number': 'a number',
  'type.boolean': 'true or false',
  'type.array': 'a list',
  'type.object': 'an object',
  'type.null': 'null',
};

const catalogs: Record<'vi' | 'en', Catalog> = { vi, en };

/** A module's messages for its own codes, Vietnamese first: plain data its index.ts exports. */
export interface MessageCatalog {
  vi: Catalog;
  en: Catalog;
}

/** Adds a module's messages (modules/index.ts `prepareModules` registers every module's, once per app). */
export function registerMessages(messages: MessageCatalog): void {
  Object.assign(vi, messages.vi);
  Object.assign(en, messages.en);
}

export function pickLanguage(acceptLanguage: string | undefined): 'vi' | 'en' {
  if (!acceptLanguage) return 'vi';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}

export function hasMessage(lang: 'vi' | 'en', code: string): boolean {
  return code in catalogs[lang];
}

/**
 * `{name}` is filled with the param as given; `{@name}` with the catalogue's text of the key the param
 * holds (or of each of several comma-separated keys), so a service passes `campaign.status.open` and
 * the reader gets the label in their language.
 */
export function message(lang: 'vi' | 'en', code: string, params: Record<string, string | number> = {}): string {
  const text =
    catalogs[lang][code] ?? (lang === 'vi' ? 'Yêu cầu không thực hiện được.' : 'The request could not be completed.');
  return text.replace(/\{(@?)(\w+)\}/g, (_, label: string, k: string) => {
    const value = String(params[k] ?? '');
    if (!label) return value;
    return value
      .split(',')
      .filter(Boolean)
      .map((key) => catalogs[lang][key.trim()] ?? key.trim())
      .join(', ');
  });
}

export function title(lang: 'vi' | 'en', status: number): string {
  const t: Record<number, [string, string]> = {
    400: ['Yêu cầu không hợp lệ', 'Bad Request'],
    401: ['Chưa đăng nhập', 'Unauthorized'],
    403: ['Không có quyền', 'Forbidden'],
    404: ['Không tìm thấy', 'Not Found'],
    409: ['Xung đột trạng thái', 'Conflict'],
    412: ['Dữ liệu đã thay đổi', 'Precondition Failed'],
    413: ['Quá lớn', 'Content Too Large'],
    414: ['Đường dẫn quá dài', 'URI Too Long'],
    415: ['Kiểu không được hỗ trợ', 'Unsupported Media Type'],
    422: ['Không xử lý được', 'Unprocessable Content'],
    428: ['Thiếu điều kiện', 'Precondition Required'],
    429: ['Quá nhiều yêu cầu', 'Too Many Requests'],
    500: ['Lỗi máy chủ', 'Internal Server Error'],
    503: ['Dịch vụ tạm ngưng', 'Service Unavailable'],
  };
  const pair = t[status] ?? ['Lỗi', 'Error'];
  return lang === 'vi' ? pair[0] : pair[1];
}
