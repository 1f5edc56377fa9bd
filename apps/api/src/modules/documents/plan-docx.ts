/**
 * The campaign plan as a DOCX in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4; margins
 * top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the authority (upper case, bold, a
 * short rule under) beside the national motto; the number and the italic place-and-date line; the
 * bold centred document kind and subject; the body; the signature block beside "Nơi nhận:"; page
 * numbers centred at the top from page 2.
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
import type { Campaign, PublicCriterion, UnitKind } from '@thidua/contract';

const FONT = 'Times New Roman';
/** docx sizes are half-points. */
const pt = (n: number) => n * 2;
const BODY = pt(14);
const SMALL = pt(13);

/** Usable width: A4 210 mm minus the 30 mm and 15 mm side margins. */
const TEXT_WIDTH_MM = 210 - 30 - 15;
const tw = (mm: number) => convertMillimetersToTwip(mm);

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size ?? BODY,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
  });
}

function centred(text: string, style: RunStyle = {}, extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    children: [run(text, style)],
    ...extra,
  });
}

/** A short centred rule under a heading: a bottom border on an indented empty paragraph. */
function rule(indentMm: number): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 120 },
    indent: { left: tw(indentMm), right: tw(indentMm) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

/** A body paragraph: justified, first line indented 12.7 mm, 6 pt before, about 1.2 lines. */
function body(children: TextRun[] | string, opts: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 120, after: 0, line: 288 },
    indent: opts.indent === false ? {} : { firstLine: tw(12.7) },
    children: typeof children === 'string' ? [run(children)] : children,
  });
}

function heading(text: string): Paragraph {
  return body([run(text, { bold: true })]);
}

function bullet(text: string): Paragraph {
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

const KIND_PARTICIPANTS: Record<UnitKind, string> = {
  authority: 'Cơ quan ban hành kế hoạch',
  office: 'Các phòng, ban chuyên môn',
  public_service: 'Các đơn vị sự nghiệp',
  commune: 'UBND các xã, phường, thị trấn',
  party_mass: 'Các cơ quan Đảng, MTTQ, đoàn thể',
  other: 'Các cơ quan, đơn vị khác',
};

function participantLines(c: Campaign, unitNames: string[]): string[] {
  if (c.participantsText.length) return c.participantsText;
  const lines = c.participants.kinds.map((k) => `${KIND_PARTICIPANTS[k]};`);
  if (unitNames.length) lines.push(`${unitNames.join(', ')};`);
  if (c.participants.individualsTakePart) lines.push('Cán bộ, công chức, viên chức và người lao động.');
  return lines;
}

type PlanCriterion = Pick<PublicCriterion, 'code' | 'target' | 'group' | 'title'>;

/** One criterion as a list item: "1.2.a.8. Trên 30 % …;", the last of its list ending with a full stop. */
const criterionLine = (c: PlanCriterion, i: number, list: PlanCriterion[]) =>
  body(`${c.code}. ${c.title.replace(/[.;]\s*$/, '')}${i === list.length - 1 ? '.' : ';'}`);

function criteriaSection(list: PlanCriterion[]): Paragraph[] {
  const out: Paragraph[] = [heading('1. Tiêu chuẩn thi đua')];
  const general = list.filter((c) => c.group === 'general');
  const distinct = [...new Map(general.map((c) => [`${c.code}\u0000${c.title}`, c])).values()];
  if (distinct.length === 1) {
    const g = distinct[0]!;
    out.push(body([run(`${g.code}. Tiêu chuẩn chung: `, { bold: true }), run(`${g.title.replace(/[.;]\s*$/, '')}.`)]));
  } else if (distinct.length > 1) {
    out.push(heading('1.1. Tiêu chuẩn chung'));
    for (const g of distinct)
      out.push(
        body(`${g.code}. ${g.title.replace(/[.;]\s*$/, '')} (${g.target === 'collective' ? 'tập thể' : 'cá nhân'});`),
      );
  }
  const specific = list.filter((c) => c.group === 'specific');
  if (specific.length) {
    out.push(heading(`${general.length ? '1.2' : '1.1'}. Tiêu chuẩn cụ thể`));
    const collective = specific.filter((c) => c.target === 'collective');
    const individual = specific.filter((c) => c.target === 'individual');
    if (collective.length)
      out.push(body([run('a) Đối với tập thể', { italics: true })]), ...collective.map(criterionLine));
    if (individual.length)
      out.push(
        body([run(`${collective.length ? 'b' : 'a'}) Đối với cá nhân:`, { italics: true })]),
        ...individual.map(criterionLine),
      );
  }
  return out;
}

function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({ width: { size: tw(widthMm), type: WidthType.DXA }, borders: NO_BORDERS, children });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftMm: number): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: tw(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [tw(leftMm), tw(TEXT_WIDTH_MM - leftMm)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftMm), cell(right, TEXT_WIDTH_MM - leftMm)] })],
  });
}

export interface PlanInput {
  campaign: Campaign;
  criteria: PlanCriterion[];
  /** Names of the named participant units, for a plan whose participants text is empty. */
  participantUnitNames: string[];
}

export async function buildPlanDocx({ campaign: c, criteria, participantUnitNames }: PlanInput): Promise<Buffer> {
  const authorityLines = (c.authorityHeading ?? c.authorityName)
    .split('\n')
    .map((l) => l.trim().toLocaleUpperCase('vi'))
    .filter(Boolean);
  const header = twoColumns(
    [
      ...authorityLines.map((l) => centred(l, { bold: true, size: SMALL })),
      rule(22),
      centred(numberLine(c.number), { size: SMALL }),
    ],
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: pt(12.5) }),
      centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: BODY }),
      rule(24),
      centred(placeAndDate(c.place, c.issuedOn, c.year), { italics: true, size: BODY }),
    ],
    68,
  );

  const content: (Paragraph | Table)[] = [
    header,
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centred('KẾ HOẠCH', { bold: true }),
    centred(c.title, { bold: true }),
    rule(60),
  ];
  if (c.legalBasis) content.push(body(c.legalBasis));

  content.push(heading('I. MỤC ĐÍCH, YÊU CẦU'));
  content.push(heading('1. Mục đích'), ...c.purposes.map(bullet));
  content.push(heading('2. Yêu cầu'), ...c.requirements.map(bullet));

  content.push(heading('II. ĐỐI TƯỢNG VÀ NỘI DUNG'));
  content.push(heading('1. Đối tượng'), ...participantLines(c, participantUnitNames).map(bullet));
  content.push(heading('2. Nội dung thi đua'));
  if (c.contents.collective.length)
    content.push(body([run('a. Đối với tập thể:', { italics: true })]), ...c.contents.collective.map(bullet));
  if (c.contents.individual.length) {
    content.push(
      body([
        run(`${c.contents.collective.length ? 'b' : 'a'}. Đối với cán bộ, công chức, viên chức, người lao động:`, {
          italics: true,
        }),
      ]),
      ...c.contents.individual.map(bullet),
    );
  }

  content.push(heading('III. TIÊU CHUẨN THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG'));
  content.push(...criteriaSection(criteria));
  content.push(heading('2. Khen thưởng'), ...c.awardProvisions.map(bullet));

  content.push(heading('IV. TỔ CHỨC THỰC HIỆN'));
  c.implementation.forEach((line, i) => content.push(body(`${i + 1}. ${line}`)));
  if (c.closing) content.push(body(c.closing));

  const recipients = [
    new Paragraph({
      spacing: { before: 240, after: 0 },
      children: [run('Nơi nhận:', { bold: true, italics: true, size: pt(12) })],
    }),
    ...c.recipients.map(
      (r) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${r}`, { size: pt(11) })] }),
    ),
  ];
  const signature = [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    ...(c.signer.onBehalfOf ? [centred(c.signer.onBehalfOf.toLocaleUpperCase('vi'), { bold: true })] : []),
    ...(c.signer.title ? [centred(c.signer.title.toLocaleUpperCase('vi'), { bold: true })] : []),
    // Room for the signature and the seal.
    ...[1, 2, 3, 4].map(() => new Paragraph({ children: [] })),
    centred(c.signer.name, { bold: true }),
  ];
  content.push(twoColumns(recipients, signature, 85));

  const doc = new Document({
    creator: 'ThiĐua',
    title: `Kế hoạch ${c.number}: ${c.title}`,
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
