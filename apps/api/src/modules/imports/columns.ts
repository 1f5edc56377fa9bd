/**
 * The columns of the two import sheets, how a header is recognised (Vietnamese with or without
 * diacritics, or the English key), and how a cell's text becomes a value. Shared by the import
 * and by the downloadable templates, so both always agree.
 */
import type { UnitKind } from '@thidua/contract';
import { searchKey } from '../../lib/search.ts';

export interface Column<K extends string = string> {
  key: K;
  /** The header as written in the template (Vietnamese). */
  header: string;
  /** Other accepted headers; the English key is always accepted. */
  aliases: string[];
  /** The column must be in the header row. */
  required?: boolean;
  example: string | number;
  hint: string;
  width: number;
}

/**
 * The unit code of the templates' example row. An import refuses any row with it (import.example_row),
 * so an example left in the sheet never creates or overwrites a unit, whatever units exist.
 */
export const EXAMPLE_UNIT_CODE = 'VI-DU';

export const UNIT_COLUMNS = [
  {
    key: 'code',
    header: 'Mã đơn vị',
    aliases: ['Mã'],
    required: true,
    example: EXAMPLE_UNIT_CODE,
    hint: `Bắt buộc, không trùng. Chữ cái không dấu, chữ số và . _ - (tối đa 32 ký tự). Đơn vị đã có mã này sẽ được cập nhật (bản kiểm tra liệt kê từng thay đổi). Mã ${EXAMPLE_UNIT_CODE} là của dòng ví dụ: dòng có mã này không bao giờ được nhập.`,
    width: 16,
  },
  {
    key: 'name',
    header: 'Tên đơn vị',
    aliases: ['Tên'],
    required: true,
    example: 'Phòng Ví dụ (xoá dòng này)',
    hint: 'Bắt buộc.',
    width: 42,
  },
  {
    key: 'kind',
    header: 'Loại',
    aliases: ['Loại đơn vị'],
    example: 'Phòng chuyên môn',
    hint: 'Bắt buộc với đơn vị mới. Chọn trong danh sách bên dưới.',
    width: 22,
  },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    aliases: ['Mã cấp trên', 'parent_code', 'parent'],
    example: 'UBND-TH',
    hint: 'Để trống nếu là đơn vị gốc. Là mã của một đơn vị đã có trong hệ thống hoặc ở một dòng phía trên.',
    width: 20,
  },
  {
    key: 'displayOrder',
    header: 'Thứ tự',
    aliases: ['Thứ tự hiển thị', 'order', 'display_order'],
    example: 20,
    hint: 'Số nguyên từ 0: thứ tự hiển thị trong cùng cấp.',
    width: 10,
  },
  {
    key: 'address',
    header: 'Địa chỉ',
    aliases: [],
    example: 'Số 1 đường Ví Dụ, thị trấn Thạch Hà',
    hint: 'Không bắt buộc.',
    width: 40,
  },
  {
    key: 'phone',
    header: 'Điện thoại',
    aliases: ['Số điện thoại', 'SĐT'],
    example: '0239 3845 123',
    hint: 'Không bắt buộc.',
    width: 16,
  },
  {
    key: 'email',
    header: 'Email',
    aliases: ['E-mail', 'Thư điện tử'],
    example: 'vidu@thachha.gov.vn',
    hint: 'Không bắt buộc.',
    width: 28,
  },
] as const satisfies readonly Column[];

export const PEOPLE_COLUMNS = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    aliases: ['Họ tên', 'full_name', 'name'],
    required: true,
    example: 'Nguyễn Thị Hoa',
    hint: 'Bắt buộc.',
    width: 28,
  },
  {
    key: 'unitCode',
    header: 'Mã đơn vị',
    aliases: ['unit_code', 'unit'],
    required: true,
    example: EXAMPLE_UNIT_CODE,
    hint: `Bắt buộc: mã của một đơn vị đã có trong hệ thống. Mã ${EXAMPLE_UNIT_CODE} là của dòng ví dụ: dòng có mã này không bao giờ được nhập.`,
    width: 16,
  },
  {
    key: 'position',
    header: 'Chức vụ',
    aliases: ['Chức danh', 'Chức vụ, chức danh'],
    example: 'Chuyên viên',
    hint: 'Không bắt buộc.',
    width: 26,
  },
  {
    key: 'email',
    header: 'Email',
    aliases: ['E-mail', 'Thư điện tử'],
    example: 'hoa.nv@thachha.gov.vn',
    hint: 'Không bắt buộc. Người đã có (cùng đơn vị, họ tên và email) sẽ được cập nhật.',
    width: 28,
  },
  {
    key: 'phone',
    header: 'Điện thoại',
    aliases: ['Số điện thoại', 'SĐT'],
    example: '0912 345 678',
    hint: 'Không bắt buộc.',
    width: 16,
  },
  { key: 'gender', header: 'Giới tính', aliases: [], example: 'Nữ', hint: 'Nam, Nữ hoặc Khác.', width: 10 },
  {
    key: 'birthYear',
    header: 'Năm sinh',
    aliases: ['birth_year'],
    example: 1985,
    hint: 'Số có 4 chữ số, ví dụ 1985.',
    width: 10,
  },
] as const satisfies readonly Column[];

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]['key'];
export type PeopleColumnKey = (typeof PEOPLE_COLUMNS)[number]['key'];

/** Headers compare without diacritics, case, spaces or punctuation: "Mã đơn vị" = "ma don vi" = "MaDonVi". */
export function headerKey(text: string): string {
  return searchKey(text).replace(/[^a-z0-9]/g, '');
}

/** The label of each kind, as the template offers it. */
export const KIND_LABELS: Record<UnitKind, string> = {
  authority: 'Cơ quan chủ quản',
  office: 'Phòng chuyên môn',
  public_service: 'Đơn vị sự nghiệp',
  commune: 'UBND xã, thị trấn',
  party_mass: 'Đoàn thể',
  other: 'Khác',
};

/** Names people actually write in their sheets, beside the labels and the code values. */
const KIND_ALIASES: Record<UnitKind, string[]> = {
  authority: ['UBND huyện', 'UBND cấp huyện', 'Cơ quan cấp trên', 'Cơ quan ban hành'],
  office: ['Cơ quan chuyên môn', 'Phòng ban', 'Phòng, ban chuyên môn', 'Phòng'],
  public_service: ['Đơn vị sự nghiệp công lập', 'Sự nghiệp'],
  commune: [
    'UBND xã',
    'UBND thị trấn',
    'Xã',
    'Thị trấn',
    'Xã, thị trấn',
    'Cấp xã',
    'UBND xã, phường, thị trấn',
    'Xã, phường, thị trấn',
  ],
  party_mass: [
    'Đoàn thể chính trị - xã hội',
    'Tổ chức chính trị - xã hội',
    'Mặt trận, đoàn thể',
    'Mặt trận và các đoàn thể',
    'Hội, đoàn thể',
  ],
  other: [],
};

const kindByKey = new Map<string, UnitKind>();
for (const kind of Object.keys(KIND_LABELS) as UnitKind[]) {
  for (const text of [kind, KIND_LABELS[kind], ...KIND_ALIASES[kind]]) kindByKey.set(headerKey(text), kind);
}

export function parseKind(text: string): UnitKind | null {
  return kindByKey.get(headerKey(text)) ?? null;
}

/** The label of each gender, as the template offers it. */
export const GENDER_LABELS = { male: 'Nam', female: 'Nữ', other: 'Khác' } as const;

export function parseGender(text: string): 'male' | 'female' | 'other' | null {
  const k = headerKey(text);
  if (['nam', 'male', 'm'].includes(k)) return 'male';
  if (['nu', 'female', 'f'].includes(k)) return 'female';
  if (['khac', 'other'].includes(k)) return 'other';
  return null;
}

/** A whole number as typed or as a spreadsheet stores it ("20", "20.0"); null otherwise. */
export function parseInteger(text: string): number | null {
  const m = /^([+-]?\d{1,9})(?:[.,]0+)?$/.exec(text.replace(/\s/g, ''));
  return m ? Number(m[1]) : null;
}

/** A year, also when the cell holds a whole date of birth (2024-05-01, 01/05/1985). */
export function parseYear(text: string): number | null {
  const iso = /^(\d{4})-\d{1,2}-\d{1,2}$/.exec(text);
  if (iso) return Number(iso[1]);
  const vn = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/.exec(text);
  if (vn) return Number(vn[1]);
  return parseInteger(text);
}

/** Whitespace collapsed and Unicode composed, so "Nguyễn  Văn Nam" typed two ways is one name. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export interface HeaderMap<K extends string> {
  /** Column index of each recognised key. */
  index: Partial<Record<K, number>>;
  /** The header text the file uses for each key (what the user will recognise in a message). */
  label: Record<K, string>;
  ignored: string[];
  missing: Column<K>[];
  duplicated: string[];
}

export function mapHeaders<K extends string>(columns: readonly Column<K>[], headers: string[]): HeaderMap<K> {
  const byKey = new Map<string, Column<K>>();
  for (const c of columns) for (const text of [c.header, c.key, ...c.aliases]) byKey.set(headerKey(text), c);
  const index: Partial<Record<K, number>> = {};
  const label = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<K, string>;
  const ignored: string[] = [];
  const duplicated: string[] = [];
  headers.forEach((h, i) => {
    if (!h) return;
    const col = byKey.get(headerKey(h));
    if (!col) ignored.push(h);
    else if (index[col.key] !== undefined) duplicated.push(h);
    else {
      index[col.key] = i;
      label[col.key] = h;
    }
  });
  const missing = columns.filter((c) => c.required && index[c.key] === undefined);
  return { index, label, ignored, missing, duplicated };
}

/** The cells of one row by key; a key whose column is absent reads as blank. */
export function cellsOf<K extends string>(map: HeaderMap<K>, cells: string[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(map.label) as K[]) {
    const i = map.index[key];
    out[key] = i === undefined ? '' : (cells[i] ?? '').trim();
  }
  return out;
}

/** The media type of an XLSX workbook (the templates are sent with it). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
