/**
 * The house layout of an exported table (exceljs): an A4 landscape sheet fitted to the page width
 * with "Trang x/y" in the footer, Times New Roman, title lines merged across the table, a shaded
 * header row repeated on each printed page and frozen on screen, thin borders, numbers kept as
 * numbers with a display format. The award register and the scoreboard both write through it.
 */
import type { Font, Workbook, Worksheet } from 'exceljs';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const XLSX_FONT = { name: 'Times New Roman', size: 12 } as const;

export interface XlsxColumn<T> {
  header: string;
  width: number;
  value: (item: T, i: number) => string | number;
  /** Excel number format ("#,##0", "0.##"); the cell keeps the number. */
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
}

/** A workbook with one A4 landscape sheet whose columns have these widths (exceljs loaded on first use, not at start-up). */
export async function a4Sheet(sheetName: string, widths: readonly number[]): Promise<{ wb: Workbook; ws: Worksheet }> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
  ws.columns = widths.map((width) => ({ width }));
  return { wb, ws };
}

/** A centred line of text over columns `from`–`to` of `row` (titles, scope, motto). */
export function mergedLine(
  ws: Worksheet,
  row: number,
  from: number,
  to: number,
  text: string,
  style: Partial<Font> = {},
): void {
  ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = text;
  cell.font = { ...XLSX_FONT, ...style };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/**
 * The table from `headerRow` down: shaded bold headers, one row per item, borders, the header row
 * repeated on printed pages and frozen. `fontOf` adds to a body cell's font (e.g. strike a revoked row).
 */
export function writeTable<T>(
  ws: Worksheet,
  headerRow: number,
  cols: readonly XlsxColumn<T>[],
  items: readonly T[],
  fontOf?: (item: T, col: number) => Partial<Font>,
): void {
  const header = ws.getRow(headerRow);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...XLSX_FONT, bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  header.height = 45;
  items.forEach((item, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    cols.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.value = c.value(item, i);
      cell.font = { ...XLSX_FONT, size: 11, ...fontOf?.(item, j) };
      cell.alignment = { horizontal: c.align ?? 'left', vertical: 'middle', wrapText: true };
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  });
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  for (let r = headerRow; r <= headerRow + items.length; r++)
    for (let c = 1; c <= cols.length; c++) ws.getCell(r, c).border = border;
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
}

export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
