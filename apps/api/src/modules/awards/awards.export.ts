/**
 * The award register as an XLSX (the same writer, exceljs, as the scoreboard's export): a title,
 * the filters' scope, Vietnamese column headers, amounts as numbers (formatted with thousands
 * separators, so that a sum works), revoked awards marked with their reason. A4 landscape, the
 * header row repeated on each printed page.
 */
import type { Award } from '@thidua/contract';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const REGISTER_TITLE = 'SỔ THEO DÕI KHEN THƯỞNG';

/** "2026-12-07" → "07/12/2026". */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

interface Column {
  header: string;
  width: number;
  value: (a: Award, i: number) => string | number;
  format?: string;
}

export const REGISTER_COLUMNS: Column[] = [
  { header: 'STT', width: 6, value: (_a, i) => i + 1, format: '0' },
  { header: 'Cá nhân, tập thể được khen thưởng', width: 30, value: (a) => a.recipientName },
  { header: 'Đối tượng', width: 10, value: (a) => (a.recipientKind === 'person' ? 'Cá nhân' : 'Tập thể') },
  { header: 'Đơn vị', width: 26, value: (a) => a.unitName },
  { header: 'Hình thức khen thưởng', width: 30, value: (a) => a.awardTypeName },
  { header: 'Số quyết định', width: 14, value: (a) => a.decisionNumber },
  { header: 'Ngày quyết định', width: 12, value: (a) => vnDate(a.decidedOn) },
  { header: 'Cơ quan ban hành', width: 24, value: (a) => a.issuerName },
  { header: 'Người ký', width: 20, value: (a) => a.signerName ?? '' },
  { header: 'Đợt thi đua', width: 30, value: (a) => a.campaignTitle },
  { header: 'Hệ số', width: 7, value: (a) => a.coefficient, format: '0.0##' },
  { header: 'Mức lương cơ sở (đồng)', width: 14, value: (a) => a.baseSalary, format: '#,##0' },
  { header: 'Số tiền thưởng (đồng)', width: 14, value: (a) => a.amount, format: '#,##0' },
  {
    header: 'Thu hồi',
    width: 30,
    value: (a) => (a.revoked ? `Đã thu hồi ngày ${vnDate(a.revoked.at)}: ${a.revoked.reason}` : ''),
  },
];

export function exportFileName(today: string): string {
  return `So khen thuong ${today}.xlsx`;
}

export async function registerXlsx(rows: readonly Award[], scope: string, today: string): Promise<Buffer> {
  // Loaded on the first export, not at start-up.
  const { default: ExcelJS } = await import('exceljs');
  const cols = REGISTER_COLUMNS;
  const n = cols.length;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ThiĐua';
  const ws = wb.addWorksheet('Sổ khen thưởng', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
  ws.columns = cols.map((c) => ({ width: c.width }));
  const font = { name: 'Times New Roman', size: 12 };
  const put = (row: number, text: string, style: Record<string, unknown> = {}) => {
    ws.mergeCells(row, 1, row, n);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { ...font, ...style };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, REGISTER_TITLE, { bold: true, size: 14 });
  put(2, scope, { italic: true });
  put(3, `Ngày xuất: ${vnDate(today)}; ${rows.length} khen thưởng`, { italic: true });

  const headerRow = 5;
  const header = ws.getRow(headerRow);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...font, bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  header.height = 45;
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  rows.forEach((a, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    cols.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.value = c.value(a, i);
      cell.font = { ...font, size: 11, strike: Boolean(a.revoked) && j > 0 && j < n - 1 };
      cell.alignment = { horizontal: c.format ? 'right' : 'left', vertical: 'middle', wrapText: true };
      if (c.format) cell.numFmt = c.format;
    });
  });
  for (let r = headerRow; r <= headerRow + rows.length; r++)
    for (let c = 1; c <= n; c++) ws.getCell(r, c).border = border;
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
