/**
 * The award register as an XLSX (the same writer, exceljs, as the scoreboard's export): a title,
 * the filters' scope, Vietnamese column headers, amounts as numbers (formatted with thousands
 * separators, so that a sum works), revoked awards marked with their reason. A4 landscape, the
 * header row repeated on each printed page.
 */
import type { Award } from '@thidua/contract';
import { a4Sheet, mergedLine, workbookBuffer, writeTable, type XlsxColumn } from '../../lib/xlsx.ts';

export { XLSX_MEDIA_TYPE } from '../../lib/xlsx.ts';
export const REGISTER_TITLE = 'SỔ THEO DÕI KHEN THƯỞNG';

/** "2026-12-07" → "07/12/2026". */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Numbers right-aligned with their format. */
const money = { numFmt: '#,##0', align: 'right' } as const;

export const REGISTER_COLUMNS: XlsxColumn<Award>[] = [
  { header: 'STT', width: 6, value: (_a, i) => i + 1, numFmt: '0', align: 'right' },
  { header: 'Cá nhân, tập thể được khen thưởng', width: 30, value: (a) => a.recipientName },
  { header: 'Đối tượng', width: 10, value: (a) => (a.recipientKind === 'person' ? 'Cá nhân' : 'Tập thể') },
  { header: 'Đơn vị', width: 26, value: (a) => a.unitName },
  { header: 'Hình thức khen thưởng', width: 30, value: (a) => a.awardTypeName },
  { header: 'Số quyết định', width: 14, value: (a) => a.decisionNumber },
  { header: 'Ngày quyết định', width: 12, value: (a) => vnDate(a.decidedOn) },
  { header: 'Cơ quan ban hành', width: 24, value: (a) => a.issuerName },
  { header: 'Người ký', width: 20, value: (a) => a.signerName ?? '' },
  { header: 'Đợt thi đua', width: 30, value: (a) => a.campaignTitle },
  { header: 'Hệ số', width: 7, value: (a) => a.coefficient, numFmt: '0.0##', align: 'right' },
  { header: 'Mức lương cơ sở (đồng)', width: 14, value: (a) => a.baseSalary, ...money },
  { header: 'Số tiền thưởng (đồng)', width: 14, value: (a) => a.amount, ...money },
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
  const cols = REGISTER_COLUMNS;
  const n = cols.length;
  const { wb, ws } = await a4Sheet(
    'Sổ khen thưởng',
    cols.map((c) => c.width),
  );
  mergedLine(ws, 1, 1, n, REGISTER_TITLE, { bold: true, size: 14 });
  mergedLine(ws, 2, 1, n, scope, { italic: true });
  mergedLine(ws, 3, 1, n, `Ngày xuất: ${vnDate(today)}; ${rows.length} khen thưởng`, { italic: true });
  // A revoked award is struck through, but for its number and the revocation note.
  writeTable(ws, 5, cols, rows, (a, j) => ({ strike: Boolean(a.revoked) && j > 0 && j < n - 1 }));
  return workbookBuffer(wb);
}
