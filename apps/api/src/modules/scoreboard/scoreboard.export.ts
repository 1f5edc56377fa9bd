/**
 * The scoreboard as files: an XLSX in the printable layout of an official table (authority and
 * national motto heading, the title "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA", the campaign,
 * the place and date line, Vietnamese column headers, A4 landscape, header row repeated on each
 * printed page, "TẠM TÍNH" while provisional), and a CSV (UTF-8 with BOM so Excel reads the
 * diacritics, comma-separated, CRLF: what the import reads too).
 */
import type { Scoreboard, ScoreboardRow, ScoreboardSubmissionStatus } from '@thidua/contract';
import { a4Sheet, mergedLine, workbookBuffer, writeTable, type XlsxColumn } from '../../lib/xlsx.ts';

export { XLSX_MEDIA_TYPE } from '../../lib/xlsx.ts';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';
export const SCOREBOARD_TITLE = 'BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA';

export const STATUS_LABELS: Record<ScoreboardSubmissionStatus, string> = {
  not_started: 'Chưa tự đánh giá',
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ thẩm định',
  returned: 'Trả lại để bổ sung',
  accepted: 'Đã tiếp nhận',
};

type Column = XlsxColumn<ScoreboardRow>;

/** Scores centred, shown with up to two decimals. */
const numeric = { numFmt: '0.##', align: 'center' } as const;

function columnsOf(board: Scoreboard): Column[] {
  const cols: Column[] = [
    { header: 'STT', width: 6, value: (_r, i) => i + 1, ...numeric },
    { header: 'Xếp hạng', width: 9, value: (r) => r.rank, ...numeric },
  ];
  if (board.groupBy !== 'none')
    cols.push({
      header: board.groupBy === 'kind' ? 'Khối thi đua' : 'Cụm thi đua',
      width: 24,
      value: (r) => r.group?.name ?? '',
    });
  if (board.target === 'individual')
    cols.push({ header: 'Họ và tên', width: 26, value: (r) => r.person?.fullName ?? '' });
  cols.push(
    { header: 'Mã đơn vị', width: 14, value: (r) => r.unit.code },
    { header: 'Tên đơn vị', width: 36, value: (r) => r.unit.name },
    { header: 'Điểm chấm (có trọng số)', width: 13, value: (r) => r.weightedScore, ...numeric },
    { header: 'Số tiêu chí đạt', width: 10, value: (r) => r.criteriaMet, ...numeric },
    { header: 'Số tiêu chí đã chấm', width: 10, value: (r) => r.criteriaReviewed, ...numeric },
    { header: 'Tồn tại quá hạn chưa khắc phục', width: 13, value: (r) => r.penalties.openFindings, ...numeric },
    { header: 'Nộp muộn', width: 9, value: (r) => (r.penalties.late ? 'Có' : '') },
    { header: 'Điểm trừ', width: 9, value: (r) => r.penalties.points, ...numeric },
    { header: 'Tổng điểm', width: 10, value: (r) => r.total, ...numeric },
    { header: 'Xếp loại', width: 12, value: (r) => r.band ?? '' },
    { header: 'Trạng thái tự đánh giá', width: 20, value: (r) => STATUS_LABELS[r.submissionStatus] },
  );
  return cols;
}

/** "Thạch Hà, ngày 7 tháng 12 năm 2026" (the place line of an official document). */
export function dateLine(place: string | null, date: string): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const day = Number(d) < 10 ? `0${Number(d)}` : String(Number(d));
  const month = Number(m) < 3 ? `0${Number(m)}` : String(Number(m));
  return `${place ? `${place}, ` : ''}ngày ${day} tháng ${month} năm ${y}`;
}

const targetLabel = (board: Scoreboard) => (board.target === 'collective' ? 'Tập thể' : 'Cá nhân');

export function exportFileName(board: Scoreboard, ext: 'xlsx' | 'csv'): string {
  const year = board.asOf.slice(0, 4);
  return `Bảng xếp hạng thi đua ${year} - ${targetLabel(board)}${board.provisional ? ' (tạm tính)' : ''}.${ext}`;
}

export async function scoreboardXlsx(board: Scoreboard, today: string): Promise<Buffer> {
  const cols = columnsOf(board);
  const n = cols.length;
  const { wb, ws } = await a4Sheet(
    'Xếp hạng',
    cols.map((c) => c.width),
  );
  const half = Math.max(2, Math.floor(n / 2) - 1);
  const put = mergedLine.bind(null, ws);
  const authority = (board.campaign.authorityHeading ?? board.campaign.authorityName).toUpperCase();
  put(1, 1, half, authority, { bold: true });
  ws.getRow(1).height = 34;
  put(1, half + 1, n, 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, half + 1, n, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  put(3, half + 1, n, dateLine(board.campaign.place, today), { italic: true });
  put(5, 1, n, SCOREBOARD_TITLE, { bold: true, size: 14 });
  put(6, 1, n, board.campaign.title, { bold: true });
  ws.getRow(6).height = 32;
  const scope = [
    `Đối tượng: ${targetLabel(board)}`,
    board.groupBy === 'kind' ? 'xếp hạng theo khối' : board.groupBy === 'group' ? 'xếp hạng theo cụm' : null,
    `${board.criteriaTotal} tiêu chí, điểm tối đa (có trọng số): ${board.maxWeightedScore}`,
  ]
    .filter(Boolean)
    .join('; ');
  put(7, 1, n, scope, { italic: true });
  put(
    8,
    1,
    n,
    board.provisional
      ? 'KẾT QUẢ TẠM TÍNH — đợt thi đua chưa tổng kết, điểm có thể còn thay đổi'
      : 'Kết quả chính thức (đợt thi đua đã tổng kết)',
    { bold: board.provisional, color: { argb: board.provisional ? 'FFC00000' : 'FF000000' } },
  );

  writeTable(ws, 10, cols, board.rows);
  return workbookBuffer(wb);
}

/** A cell of the CSV: quoted when it must be, and text that a spreadsheet would run as a formula defused. */
function csvCell(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function scoreboardCsv(board: Scoreboard): Buffer {
  const cols = columnsOf(board);
  const lines = [cols.map((c) => csvCell(c.header)).join(',')];
  board.rows.forEach((r, i) => lines.push(cols.map((c) => csvCell(c.value(r, i))).join(',')));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}
