/**
 * The three documents the system drafts for a dossier, as DOCX in the Decree 30 layout
 * (lib/decree30-docx.ts), to be printed, signed and uploaded back: the proposal letter (tờ trình,
 * form 01), the achievement report (form 02 collective / 03 individual, pre-filled from the accepted
 * self-assessment) and the minutes of the consideration meeting (blank lines where not given).
 * Pure: the service gathers the data.
 */
import type { Dossier, DraftDossierDocumentBody } from '@thidua/contract';
import {
  body,
  bullet,
  centred,
  documentHeader,
  gridTable,
  heading,
  packDocument,
  recipientsAndSignature,
  twoColumns,
  TEXT_WIDTH_MM,
} from '../../lib/decree30-docx.ts';

export interface DraftCampaign {
  number: string;
  title: string;
  issuedOn: string | null;
  authorityName: string;
}

export interface DraftCriterion {
  code: string;
  title: string;
  answer: string;
  verdict: 'met' | 'not_met' | null;
  score: number | null;
  maxScore: number;
}

export interface DraftInput {
  dossier: Dossier;
  campaign: DraftCampaign;
  /** The issuing body's lines above the number (the authority, then the unit). */
  unitLines: string[];
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THẠCH HÀ": the grantor the letter is addressed to. */
  grantorTitle: string;
  place: string;
  year: number;
  /** The accepted self-assessment, when there is one. */
  assessment: { criteria: DraftCriterion[]; evidence: string[] } | null;
  /** The award type's form: individual reports are form 03, collective ones form 02. */
  individual: boolean;
}

const BLANK = '…………………………………';

function vnDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** "08 giờ 30, ngày 07/12/2026" in Vietnam time. */
function vnDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${local.slice(11, 13)} giờ ${local.slice(14, 16)}, ngày ${vnDate(local)}`;
}

function sentenceCase(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

function grounds(c: DraftCampaign): string {
  const date = c.issuedOn ? ` ngày ${vnDate(c.issuedOn)}` : '';
  return `Căn cứ Kế hoạch số ${c.number}${date} của ${c.authorityName} về ${sentenceCase(c.title)};`;
}

function nomineeList(d: Dossier) {
  return gridTable(
    ['STT', 'Tên tập thể, cá nhân', 'Hình thức khen thưởng', 'Thành tích'],
    [['1', d.nomineeName, d.awardTypeName, d.achievement]],
    [12, 45, 45, TEXT_WIDTH_MM - 102],
  );
}

/** The nominee's unit heading a draft: its name lines and the motto; number (or its pattern) and date left to fill in by hand. */
function unitHeader(input: DraftInput, number = '') {
  return documentHeader({
    authorityLines: input.unitLines,
    number,
    place: input.place || null,
    date: null,
    year: input.year,
  });
}

/** Tờ trình (form 01): number left blank for the unit, addressed to the grantor, the grounds and the list. */
export async function proposalLetterDocx(input: DraftInput): Promise<Buffer> {
  const { dossier: d, campaign } = input;
  return packDocument(`Tờ trình đề nghị tặng ${d.awardTypeName}`, [
    unitHeader(input, '…/TTr-…'),
    centred('TỜ TRÌNH', { bold: true }, { spacing: { before: 360, after: 0 } }),
    centred(`Về việc đề nghị tặng ${d.awardTypeName}`, { bold: true }),
    centred(`Kính gửi: ${input.grantorTitle}`, {}, { spacing: { before: 240, after: 120 } }),
    body('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;'),
    body(
      'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;',
    ),
    body(grounds(campaign)),
    body(
      `Căn cứ kết quả phong trào và biên bản họp xét, ${d.unitName} kính đề nghị ${input.grantorTitle} xem xét, tặng ${d.awardTypeName} cho ${d.nomineeKind === 'person' ? 'cá nhân' : 'tập thể'} có thành tích sau:`,
    ),
    nomineeList(d),
    body(`(Có báo cáo thành tích và biên bản họp xét kèm theo.)`),
    body(`Kính trình ${input.grantorTitle} xem xét, quyết định./.`),
    recipientsAndSignature(['Như trên;', 'Lưu: VT.'], { capacityLines: ['THỦ TRƯỞNG ĐƠN VỊ'], name: '' }),
  ]);
}

/** Báo cáo thành tích (form 02 for a collective, 03 for an individual), pre-filled from the accepted self-assessment. */
export async function achievementReportDocx(input: DraftInput): Promise<Buffer> {
  const { dossier: d, campaign, assessment } = input;
  const form = input.individual ? 'Mẫu số 03' : 'Mẫu số 02';
  const content = [
    centred(form, { italics: true }),
    unitHeader(input),
    centred('BÁO CÁO THÀNH TÍCH', { bold: true }, { spacing: { before: 360, after: 0 } }),
    centred(`Đề nghị tặng ${d.awardTypeName}`, { bold: true }),
    centred(`Trong ${sentenceCase(campaign.title)}`, { italics: true }),
    heading('I. THÔNG TIN CHUNG'),
    body(input.individual ? `Họ và tên: ${d.nomineeName}` : `Tên tập thể: ${d.nomineeName}`),
    body(input.individual ? `Đơn vị công tác: ${d.unitName}` : `Trực thuộc: ${d.authorityName}`),
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    body(d.achievement),
  ];
  if (assessment) {
    const total = assessment.criteria.reduce((s, c) => s + (c.score ?? 0), 0);
    const max = assessment.criteria.reduce((s, c) => s + c.maxScore, 0);
    content.push(
      body('Kết quả tự đánh giá theo tiêu chí của phong trào và kết quả thẩm định:'),
      gridTable(
        ['Mã', 'Tiêu chí', 'Kết quả tự đánh giá', 'Thẩm định', 'Điểm'],
        assessment.criteria.map((c) => [
          c.code,
          c.title,
          c.answer,
          c.verdict === 'met' ? 'Đạt' : c.verdict === 'not_met' ? 'Không đạt' : '',
          c.score === null ? '' : `${fmt(c.score)}/${fmt(c.maxScore)}`,
        ]),
        [18, 55, 40, 20, TEXT_WIDTH_MM - 133],
      ),
      body([], {}),
      body(`Tổng điểm: ${fmt(total)}/${fmt(max)}`),
      heading('III. DANH MỤC MINH CHỨNG'),
      ...(assessment.evidence.length
        ? assessment.evidence.map((e) => bullet(e))
        : [body('(Không có tệp minh chứng.)')]),
    );
  } else {
    content.push(body('(Chưa có bản tự đánh giá được chấp nhận trong phong trào.)'));
  }
  content.push(
    recipientsAndSignature([], {
      capacityLines: [input.individual ? 'NGƯỜI BÁO CÁO THÀNH TÍCH' : 'THỦ TRƯỞNG ĐƠN VỊ'],
      name: input.individual ? d.nomineeName : '',
    }),
  );
  return packDocument(`Báo cáo thành tích - ${d.nomineeName}`, content);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace('.', ',');
}

/** Biên bản họp xét: what was given is printed, the rest left as lines to fill in by hand. */
export async function meetingMinutesDocx(input: DraftInput, m: DraftDossierDocumentBody): Promise<Buffer> {
  const { dossier: d } = input;
  const names = (xs: string[] | undefined) =>
    xs?.length ? xs.map((x) => bullet(x)) : [body(`- ${BLANK}`), body(`- ${BLANK}`)];
  const total = m.attendees?.length;
  return packDocument(`Biên bản họp xét - ${d.nomineeName}`, [
    unitHeader(input),
    centred('BIÊN BẢN', { bold: true }, { spacing: { before: 360, after: 0 } }),
    centred('Họp xét đề nghị khen thưởng', { bold: true }),
    body(`Thời gian: ${m.heldAt ? vnDateTime(m.heldAt) : BLANK}`),
    body(`Địa điểm: ${m.place?.trim() || BLANK}`),
    body(`Chủ trì: ${m.chair?.trim() || BLANK}`),
    body(`Thư ký: ${m.secretary?.trim() || BLANK}`),
    heading(`Thành phần tham dự${total ? ` (${total} người)` : ''}:`),
    ...names(m.attendees),
    heading('Vắng mặt:'),
    ...(m.absent?.length
      ? m.absent.map((x) => bullet(x))
      : m.attendees?.length
        ? [body('Không có.')]
        : [body(`- ${BLANK}`)]),
    heading('Nội dung:'),
    body(`Cuộc họp xem xét, đề nghị tặng ${d.awardTypeName} cho ${d.nomineeName} với thành tích:`),
    nomineeList(d),
    heading('Kết quả biểu quyết:'),
    body(`Số người đồng ý: ${m.votesFor ?? '……'}${total ? `/${total}` : ''}`),
    body(`Số người không đồng ý: ${m.votesAgainst ?? '……'}${total ? `/${total}` : ''}`),
    body('Cuộc họp kết thúc vào hồi …… giờ …… cùng ngày; biên bản đã được thông qua trước cuộc họp./.'),
    twoColumns(
      [
        centred('THƯ KÝ', { bold: true }),
        ...[1, 2, 3, 4].map(() => centred('')),
        centred(m.secretary?.trim() ?? '', { bold: true }),
      ],
      [
        centred('CHỦ TRÌ', { bold: true }),
        ...[1, 2, 3, 4].map(() => centred('')),
        centred(m.chair?.trim() ?? '', { bold: true }),
      ],
      TEXT_WIDTH_MM / 2,
    ),
  ]);
}
