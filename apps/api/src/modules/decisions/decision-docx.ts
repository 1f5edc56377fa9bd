/**
 * The award decision as DOCX in the Decree 30/2020 layout (lib/decree30-docx.ts; AWARDS.md "Award
 * decision"): number and date, "QUYẾT ĐỊNH" and its subject, the grantor's title line, the grounds
 * in italics, Điều 1–3, "Nơi nhận" beside the signing block, then the list of awardees as an
 * appendix. A draft prints a blank number and date, to be written in by hand.
 */
import type { Paragraph, Table } from 'docx';
import type { Decision } from '@thidua/contract';
import {
  body,
  centred,
  documentHeader,
  gridTable,
  packDocument,
  placeAndDate,
  recipientsAndSignature,
  rule,
  run,
} from '../../lib/decree30-docx.ts';

/** "702.000": VND with dots between thousands, as Vietnamese documents write it. */
export function vnd(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The forms awarded, without the recipient kind ("Giấy khen (cá nhân)" → "Giấy khen"), each once. */
export function awardFormsOf(names: readonly string[]): string {
  const forms = [...new Set(names.map((n) => n.replace(/\s*\([^)]*\)\s*$/u, '').trim()).filter(Boolean))];
  return forms.length ? forms.join(', ') : 'Giấy khen';
}

/**
 * Who the decision awards, as its subject and articles name them: "tập thể" / "cá nhân" for one,
 * "các tập thể" / "các cá nhân" for several of one kind, "các tập thể, cá nhân" for both (or none yet).
 */
export function awardeesPhrase(kinds: readonly ('unit' | 'person')[]): string {
  const units = kinds.filter((k) => k === 'unit').length;
  const people = kinds.length - units;
  if (units && !people) return units === 1 ? 'tập thể' : 'các tập thể';
  if (people && !units) return people === 1 ? 'cá nhân' : 'các cá nhân';
  return 'các tập thể, cá nhân';
}

/** The prefilled subject: "Về việc tặng Giấy khen cho các cá nhân có thành tích xuất sắc trong …". */
export function decisionSubject(
  awardTypeNames: readonly string[],
  kinds: readonly ('unit' | 'person')[],
  campaignTitle: string,
): string {
  return `Về việc tặng ${awardFormsOf(awardTypeNames)} cho ${awardeesPhrase(kinds)} có thành tích xuất sắc trong ${campaignTitle}`;
}

export interface DecisionDocInput {
  decision: Decision;
  /** The issuing body's lines of the header ("ỦY BAN NHÂN DÂN" / "HUYỆN THẠCH HÀ"). */
  authorityLines: string[];
  grantorTitle: string;
  issuerCode: string;
  place: string | null;
}

export async function buildDecisionDocx(input: DecisionDocInput): Promise<Buffer> {
  const { decision: d } = input;
  const year = Number((d.decidedOn ?? new Date().toISOString()).slice(0, 4));
  const number = d.number ?? `/QĐ-${input.issuerCode}`;
  const collectives = d.awardees.filter((a) => a.dossier.nomineeKind === 'unit').length;
  const individuals = d.awardees.length - collectives;
  const award = awardFormsOf(d.awardees.map((a) => a.dossier.awardTypeName));
  const whom = [collectives ? `${collectives} tập thể` : '', individuals ? `${individuals} cá nhân` : '']
    .filter(Boolean)
    .join(' và ');
  const phrase = awardeesPhrase(d.awardees.map((a) => a.dossier.nomineeKind));
  // "mỗi tập thể, cá nhân" when there are several; "tập thể" / "cá nhân" alone when there is one.
  const each = d.awardees.length > 1 ? `mỗi ${phrase.replace(/^các /u, '')}` : phrase;
  const grounds = d.grounds.map((g) => body([run(g, { italics: true })]));
  const total = d.total === null ? '…' : vnd(d.total);
  const deputy = d.signingCapacity === 'deputy';
  const dateText = placeAndDate(null, d.decidedOn, year);

  const content: (Paragraph | Table)[] = [
    documentHeader({ authorityLines: input.authorityLines, number, place: input.place, date: d.decidedOn, year }),
    centred('', {}, { spacing: { before: 240, after: 0 } }),
    centred('QUYẾT ĐỊNH', { bold: true }),
    centred(d.subject, { bold: true }),
    rule(60),
    centred(input.grantorTitle, { bold: true }, { spacing: { before: 120, after: 120 } }),
    ...grounds,
    centred('QUYẾT ĐỊNH:', { bold: true }, { spacing: { before: 240, after: 120 } }),
    body([
      run('Điều 1. ', { bold: true }),
      run(
        `Tặng ${award} cho ${whom || phrase} đã có thành tích xuất sắc trong ${d.campaignTitle} (có danh sách kèm theo).`,
      ),
    ]),
    body([
      run('Điều 2. ', { bold: true }),
      run(
        `Kèm theo ${award}, ${each} được thưởng theo mức quy định (chi tiết tại danh sách kèm theo); tổng số tiền thưởng là ${total} đồng, chi từ ${d.fundSource || 'quỹ thi đua, khen thưởng'}.`,
      ),
    ]),
    body([
      run('Điều 3. ', { bold: true }),
      run(
        `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${d.authorityName}, Thủ trưởng các cơ quan, đơn vị có liên quan và ${phrase} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
      ),
    ]),
    recipientsAndSignature(d.recipients, {
      capacityLines: deputy ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH'],
      name: d.signerName,
    }),
    centred('DANH SÁCH', { bold: true }, { pageBreakBefore: true }),
    centred(`${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} được tặng ${award}`, { bold: true }),
    centred(`(Kèm theo Quyết định số ${number} ${dateText} của Chủ tịch ${d.authorityName})`, { italics: true }),
    rule(60),
    gridTable(
      ['STT', 'Tên tập thể / Họ và tên', 'Đơn vị', 'Hình thức khen thưởng', 'Số tiền (đồng)'],
      [
        ...d.awardees.map((a, i) => [
          String(i + 1),
          a.dossier.nomineeName,
          a.dossier.nomineeKind === 'unit' ? '' : a.dossier.unitName,
          a.dossier.awardTypeName,
          a.amount === null ? '' : vnd(a.amount),
        ]),
        ['', 'Tổng cộng', '', '', d.total === null ? '' : vnd(d.total)],
      ],
      [12, 50, 40, 33, 30],
    ),
  ];
  return packDocument(`Quyết định ${number}: ${d.subject}`, content);
}
