/**
 * The downloadable import templates: the header row and one example row on the first sheet (the
 * one the import reads), and a "Hướng dẫn" sheet describing each column and the allowed values,
 * which the "Loại" and "Giới tính" columns also offer as drop-down lists.
 */
import ExcelJS from 'exceljs';
import { KIND_LABELS, PEOPLE_COLUMNS, UNIT_COLUMNS, type Column } from './columns.ts';

const GUIDE = 'Hướng dẫn';
/** Rows of the first sheet that get the drop-down lists. */
const LIST_ROWS = 2000;

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

async function build(
  sheetName: string,
  columns: readonly Column[],
  lists: Partial<Record<string, string[]>>,
  notes: string[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  const sheet = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.example])));

  const guide = wb.addWorksheet(GUIDE);
  guide.columns = [{ width: 24 }, { width: 12 }, { width: 90 }];
  guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi']).font = { bold: true };
  for (const c of columns) guide.addRow([c.header, c.required ? 'Có' : '', c.hint]);
  guide.addRow([]);
  for (const n of notes) guide.addRow([n]);

  for (const [key, values] of Object.entries(lists)) {
    if (!values) continue;
    const col = columns.findIndex((c) => c.key === key) + 1;
    guide.addRow([]);
    const title = guide.addRow([`Giá trị của cột "${columns[col - 1]!.header}"`]);
    title.font = { bold: true };
    const first = guide.rowCount + 1;
    for (const v of values) guide.addRow([v]);
    const last = guide.rowCount;
    // A range rather than an inline list: labels such as "UBND xã, thị trấn" contain commas.
    const letter = columnLetter(col);
    for (let r = 2; r <= LIST_ROWS; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'${GUIDE}'!$A$${first}:$A$${last}`],
        showErrorMessage: false,
      };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const COMMON_NOTES = [
  'Dòng 1 là dòng tiêu đề; mỗi dòng bên dưới là một bản ghi. Xoá dòng ví dụ trước khi nhập.',
  'Có thể nhập tệp .xlsx (trang tính đầu tiên) hoặc .csv (UTF-8). Các cột khác (ví dụ "STT") được bỏ qua.',
  'Ô để trống ở cột không bắt buộc: bản ghi đã có giữ nguyên giá trị cũ.',
  'Tệp có lỗi thì không dòng nào được ghi: hệ thống liệt kê từng lỗi theo số dòng để sửa rồi nhập lại.',
];

export function unitTemplate(): Promise<Buffer> {
  return build('Đơn vị', UNIT_COLUMNS, { kind: Object.values(KIND_LABELS) }, [
    ...COMMON_NOTES,
    'Đơn vị cấp trên phải có sẵn trong hệ thống hoặc nằm ở một dòng phía trên.',
  ]);
}

export function peopleTemplate(): Promise<Buffer> {
  return build('Cán bộ', PEOPLE_COLUMNS, { gender: ['Nam', 'Nữ', 'Khác'] }, [
    ...COMMON_NOTES,
    'Cán bộ đã có (cùng đơn vị, cùng họ tên và cùng email, hoặc cùng không có email) được cập nhật; người khác được thêm mới.',
  ]);
}
