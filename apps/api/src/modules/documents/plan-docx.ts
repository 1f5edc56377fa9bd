/**
 * The campaign plan as a DOCX in the layout of Decree 30/2020/NĐ-CP (Appendix I): A4; margins
 * top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the authority (upper case, bold, a
 * short rule under) beside the national motto; the number and the italic place-and-date line; the
 * bold centred document kind and subject; the body; the signature block beside "Nơi nhận:"; page
 * numbers centred at the top from page 2.
 */
import { Paragraph, type Table } from 'docx';
import type { Campaign, PublicCriterion, UnitKind } from '@thidua/contract';

import {
  body,
  bullet,
  centred,
  documentHeader,
  heading,
  packDocument,
  recipientsAndSignature,
  rule,
  run,
} from '../../lib/decree30-docx.ts';

export { numberLine, placeAndDate } from '../../lib/decree30-docx.ts';

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

export interface PlanInput {
  campaign: Campaign;
  criteria: PlanCriterion[];
  /** Names of the named participant units, for a plan whose participants text is empty. */
  participantUnitNames: string[];
}

export async function buildPlanDocx({ campaign: c, criteria, participantUnitNames }: PlanInput): Promise<Buffer> {
  const authorityLines = (c.authorityHeading ?? c.authorityName)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const header = documentHeader({
    authorityLines,
    number: c.number,
    place: c.place,
    date: c.issuedOn,
    year: c.year,
  });

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

  content.push(
    recipientsAndSignature(c.recipients, {
      capacityLines: [c.signer.onBehalfOf ?? '', c.signer.title],
      name: c.signer.name,
    }),
  );
  return packDocument(`Kế hoạch ${c.number}: ${c.title}`, content);
}
