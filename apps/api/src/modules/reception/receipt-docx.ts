/**
 * The receipt of a dossier (giấy tiếp nhận hồ sơ và hẹn trả kết quả) in the Decree 30 layout: the
 * authority and its desk beside the national motto, the receipt number and date, the unit and the
 * nominee, the award proposed, the documents received, the date the result is due, and the
 * receiver's signature.
 */
import { RECEPTION_DEFAULT_PROCESSING_WORKING_DAYS, type Dossier, type DossierDocumentKind } from '@thidua/contract';
import {
  body,
  centred,
  documentHeader,
  gridTable,
  heading,
  packDocument,
  pt,
  recipientsAndSignature,
  run,
} from '../../lib/decree30-docx.ts';
import { endOfWorkingDays, nextWorkingDay } from '../../lib/working-days.ts';

export const DOCUMENT_LABELS: Record<DossierDocumentKind, string> = {
  proposal_letter: 'Tờ trình đề nghị khen thưởng (Mẫu số 01)',
  achievement_report: 'Báo cáo thành tích',
  meeting_minutes: 'Biên bản họp xét khen thưởng',
  initiative: 'Sáng kiến được công nhận',
};

const VN_OFFSET_MS = 7 * 3_600_000;

/** "dd/mm/yyyy" of a YYYY-MM-DD date. */
export function dmy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** The moment in Vietnam: its date and "HH giờ MM phút". */
function vnMoment(iso: string): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: `${local.slice(11, 13)} giờ ${local.slice(14, 16)} phút` };
}

/** The date the result is due: the working days counted from the first working day after the receipt. */
export function dueDate(
  receivedOn: string,
  holidays: ReadonlySet<string>,
  days = RECEPTION_DEFAULT_PROCESSING_WORKING_DAYS,
) {
  const next = new Date(Date.parse(`${receivedOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return endOfWorkingDays(nextWorkingDay(next, holidays), days, holidays);
}

export async function receiptDocx(input: {
  dossier: Dossier;
  place: string;
  receiverName: string;
  holidays: ReadonlySet<string>;
}): Promise<{ content: Buffer; filename: string }> {
  const d = input.dossier;
  const received = vnMoment(d.receivedAt!);
  const year = Number(received.date.slice(0, 4));
  const due = dueDate(received.date, input.holidays);
  const documents = d.documents.map((doc, i) => [
    String(i + 1),
    `${DOCUMENT_LABELS[doc.kind]} (${doc.file.name})`,
    doc.source === 'uploaded' ? 'Bản điện tử đã ký' : 'Bản do hệ thống soạn thảo',
    '01',
  ]);
  const line = (label: string, value: string) => body([run(`${label}: `), run(value, { bold: true })]);
  const content = [
    documentHeader({
      authorityLines: [d.authorityName, 'Bộ phận Tiếp nhận và Trả kết quả'],
      number: d.receiptNumber!,
      place: input.place || null,
      date: received.date,
      year,
    }),
    centred('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { bold: true }, { spacing: { before: 360, after: 0 } }),
    centred('Hồ sơ đề nghị khen thưởng', { bold: true }, { spacing: { before: 0, after: 240 } }),
    body(
      `Bộ phận Tiếp nhận và Trả kết quả ${d.authorityName} đã tiếp nhận hồ sơ đề nghị khen thưởng, số tiếp nhận ${d.receiptNumber}, vào lúc ${received.time} ngày ${dmy(received.date)}, của:`,
    ),
    line('Đơn vị nộp hồ sơ', d.unitName),
    line(d.nomineeKind === 'person' ? 'Cá nhân được đề nghị' : 'Tập thể được đề nghị', d.nomineeName),
    line('Hình thức khen thưởng đề nghị', d.awardTypeName),
    line('Đợt thi đua', d.campaignTitle),
    heading('Thành phần hồ sơ gồm:'),
    gridTable(['STT', 'Tên giấy tờ', 'Hình thức', 'Số lượng'], documents, [12, 95, 38, 20]),
    body([
      run('Thời gian giải quyết: '),
      run(`${RECEPTION_DEFAULT_PROCESSING_WORKING_DAYS} ngày làm việc`, { bold: true }),
      run('; ngày hẹn trả kết quả: '),
      run(dmy(due), { bold: true }),
      run('.'),
    ]),
    body([
      run(
        'Hồ sơ được Hội đồng Thi đua - Khen thưởng xem xét; kết quả được thông báo trên hệ thống ThiĐua. Khi cần bổ sung, bộ phận tiếp nhận thông báo lý do cho đơn vị.',
        { italics: true, size: pt(13) },
      ),
    ]),
    recipientsAndSignature([`${d.unitName};`, 'Lưu: Bộ phận TN&TKQ.'], {
      capacityLines: ['NGƯỜI TIẾP NHẬN'],
      name: input.receiverName,
    }),
  ];
  return {
    content: await packDocument(`Giấy tiếp nhận hồ sơ ${d.receiptNumber}`, content),
    filename: `giay-tiep-nhan-${d.receiptNumber!.replace(/[^0-9A-Za-z]+/g, '-')}.docx`,
  };
}
