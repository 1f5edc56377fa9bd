/**
 * Reads an uploaded sheet — XLSX (first worksheet) or CSV (UTF-8, with or without BOM, comma or
 * semicolon) — into a header row and data rows of trimmed text, numbered as the user sees them in
 * the spreadsheet (header = row 1). The type is decided by the bytes, not by the file name, so a
 * renamed executable, image or HTML page is refused (415).
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../lib/errors.ts';

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** Row number in the spreadsheet (header = 1). */
  row: number;
  cells: string[];
}

export interface Sheet {
  format: SheetFormat;
  headers: string[];
  rows: SheetRow[];
}

export { XLSX_MIME } from './columns.ts';
/** Rows beyond this are refused as a whole: an authority has hundreds, not hundreds of thousands. */
export const MAX_DATA_ROWS = 10_000;
/** A 5 MB XLSX may expand to far more in memory; refuse archives that claim more than this. */
const MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024;

const unsupported = () => new DomainError(415, 'import.unsupported_type');
const unreadable = () => new DomainError(400, 'import.unreadable');

/**
 * Sum of the uncompressed sizes in a ZIP's central directory, or null when it cannot be read
 * (no end record, ZIP64). Checked before exceljs inflates anything: a guard against zip bombs.
 */
function zipUncompressedSize(buf: Buffer): number | null {
  const minEocd = 22;
  if (buf.length < minEocd) return null;
  const stop = Math.max(0, buf.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = buf.length - minEocd; i >= stop; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff) return null;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return null;
    total += size;
    offset += 46 + buf.readUInt16LE(offset + 28) + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
  }
  return total;
}

/** Text of a cell as the user typed it: rich text joined, hyperlinks by their text, formulas by result, dates as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) return cellText((value as { text?: ExcelJS.CellValue }).text ?? '');
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? '');
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return '';
}

async function readXlsx(buf: Buffer): Promise<Sheet> {
  const size = zipUncompressedSize(buf);
  if (size === null) throw unreadable();
  if (size > MAX_XLSX_UNCOMPRESSED) throw new DomainError(413, 'import.too_large_unpacked');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable();
  let headers: string[] | null = null;
  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based and sparse.
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
    if (rowNumber === 1) headers = cells;
    else if (rows.length >= MAX_DATA_ROWS) tooMany = true;
    else rows.push({ row: rowNumber, cells });
  });
  if (tooMany) throw new DomainError(400, 'import.too_many_rows', { max: MAX_DATA_ROWS });
  return { format: 'xlsx', headers: headers ?? [], rows };
}

function readCsv(buf: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    // Most often a CSV saved in a legacy code page (Windows-1258, TCVN3): ask for UTF-8.
    throw new DomainError(400, 'import.not_utf8');
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Excel in some locales saves with semicolons; the header line tells which one this file uses.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw unreadable();
  }
  if (records.length - 1 > MAX_DATA_ROWS) throw new DomainError(400, 'import.too_many_rows', { max: MAX_DATA_ROWS });
  // A spreadsheet program shows one row per record (a quoted cell may span lines), so rows are counted by record.
  const [header = [], ...data] = records;
  return {
    format: 'csv',
    headers: header.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })),
  };
}

/** Text that a CSV may hold: no NUL or other control characters besides tab and line breaks. */
function looksLikeText(buf: Buffer): boolean {
  const n = Math.min(buf.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
    if (b === 0x7f) return false;
  }
  return true;
}

/** Markup (HTML, XML, SVG) is not a CSV, whatever it is called. */
function looksLikeMarkup(buf: Buffer): boolean {
  const head = buf
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<');
}

export async function readSheet(buf: Buffer, fileName: string): Promise<Sheet> {
  if (buf.length === 0) throw new DomainError(400, 'import.no_file');
  const detected = await fileTypeFromBuffer(buf);
  if (detected) {
    if (detected.ext === 'xlsx') return readXlsx(buf);
    // Any other recognised binary (PDF, DOCX, images, executables, archives …) is not a sheet.
    throw unsupported();
  }
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx') || name.endsWith('.xls')) {
    // Called a workbook but not one by its bytes: old .xls (BIFF) or a renamed file.
    throw unsupported();
  }
  if (!looksLikeText(buf) || looksLikeMarkup(buf)) throw unsupported();
  return readCsv(buf);
}
