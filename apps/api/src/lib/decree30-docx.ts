/**
 * The layout of administrative documents under Decree 30/2020/NĐ-CP (Appendix I), shared by every
 * document the system drafts (the plan, dossier documents, receipts, minutes, decisions): A4;
 * margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuing body (upper case,
 * bold, a short rule under) beside the national motto; the number and the italic place-and-date
 * line; the bold centred document kind and subject; the body; the signature block beside
 * "Nơi nhận:"; page numbers centred at the top from page 2.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IParagraphOptions,
} from 'docx';

export const FONT = 'Times New Roman';
/** docx sizes are half-points. */
export const pt = (n: number) => n * 2;
export const BODY = pt(14);
export const SMALL = pt(13);

/** Usable width: A4 210 mm minus the 30 mm and 15 mm side margins. */
export const TEXT_WIDTH_MM = 210 - 30 - 15;
export const tw = (mm: number) => convertMillimetersToTwip(mm);

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size ?? BODY,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
  });
}

export function centred(text: string, style: RunStyle = {}, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    children: [run(text, style)],
    ...extra,
  });
}

/** A short centred rule under a heading: a bottom border on an indented empty paragraph. */
export function rule(indentMm: number): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 120 },
    indent: { left: tw(indentMm), right: tw(indentMm) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** A body paragraph: justified, first line indented 12.7 mm, 6 pt before, about 1.2 lines. */
export function body(children: TextRun[] | string, opts: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 120, after: 0, line: 288 },
    indent: opts.indent === false ? {} : { firstLine: tw(12.7) },
    children: typeof children === 'string' ? [run(children)] : children,
  });
}

export function heading(text: string): Paragraph {
  return body([run(text, { bold: true })]);
}

export function bullet(text: string): Paragraph {
  // Items authored as sub-items ("+ …") keep their mark; the others get the plan's "- ".
  return body(/^[+-]\s/.test(text) ? text : `- ${text}`);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "Thạch Hà, ngày 25 tháng 02 năm 2022": days under 10 and months 1 and 2 take a leading zero
 * (Decree 30); an unsigned plan leaves room for the date to be written by hand.
 */
export function placeAndDate(place: string | null, issuedOn: string | null, year: number): string {
  const where = place ? `${place}, ` : '';
  if (!issuedOn) return `${where}ngày      tháng      năm ${year}`;
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? pad2(m) : String(m);
  return `${where}ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** "Số: 12/KH-UBND-NV"; a number still blank ("/KH-UBND-NV") leaves room to write it in. */
export function numberLine(number: string): string {
  return number.startsWith('/') ? `Số:       ${number}` : `Số: ${number}`;
}

export function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({ width: { size: tw(widthMm), type: WidthType.DXA }, borders: NO_BORDERS, children });
}

export function twoColumns(left: Paragraph[], right: Paragraph[], leftMm: number): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: tw(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [tw(leftMm), tw(TEXT_WIDTH_MM - leftMm)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftMm), cell(right, TEXT_WIDTH_MM - leftMm)] })],
  });
}

/** The header block: the issuing body and the number on the left, the national motto and place-date on the right. */
export function documentHeader(opts: {
  authorityLines: string[];
  number: string;
  place: string | null;
  date: string | null;
  year: number;
}): Table {
  return twoColumns(
    [
      ...opts.authorityLines.map((l) => centred(l.toLocaleUpperCase('vi'), { bold: true, size: SMALL })),
      rule(22),
      centred(numberLine(opts.number), { size: SMALL }),
    ],
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: pt(12.5) }),
      centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: BODY }),
      rule(24),
      centred(placeAndDate(opts.place, opts.date, opts.year), { italics: true, size: BODY }),
    ],
    68,
  );
}

/** "Nơi nhận:" and its list beside the signing block (capacity lines such as "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", then the name). */
export function recipientsAndSignature(recipients: string[], signer: { capacityLines: string[]; name: string }): Table {
  const left = [
    new Paragraph({
      spacing: { before: 240, after: 0 },
      children: [run('Nơi nhận:', { bold: true, italics: true, size: pt(12) })],
    }),
    ...recipients.map(
      (r) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${r}`, { size: pt(11) })] }),
    ),
  ];
  const right = [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    ...signer.capacityLines.filter(Boolean).map((l) => centred(l.toLocaleUpperCase('vi'), { bold: true })),
    // Room for the signature and the seal.
    ...[1, 2, 3, 4].map(() => new Paragraph({ children: [] })),
    centred(signer.name, { bold: true }),
  ];
  return twoColumns(left, right, 85);
}

/** A bordered table (lists, appendices): a bold header row, then the rows; widths in mm. */
export function gridTable(headers: string[], rows: string[][], widthsMm: number[]): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: line, bottom: line, left: line, right: line };
  const cellOf = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: tw(widthsMm[i] ?? 20), type: WidthType.DXA },
      borders,
      children: [
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { bold, size: SMALL })],
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: tw(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(tw),
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cellOf(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cellOf(t, i, false)) })),
    ],
  });
}

/** An A4 document in the decree's margins, with page numbers from page 2. */
export async function packDocument(title: string, content: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'ThiĐua',
    title,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: tw(210), height: tw(297) },
            margin: { top: tw(20), bottom: tw(20), left: tw(30), right: tw(15), header: tw(10), footer: tw(10) },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SMALL })],
              }),
            ],
          }),
        },
        children: content,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
