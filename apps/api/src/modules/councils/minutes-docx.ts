/**
 * The minutes of a council meeting (biên bản họp xét khen thưởng) in the Decree 30 layout
 * (lib/decree30-docx.ts): time, place, chair, secretary, members present and absent (and who voted in
 * writing), the method, the quorum, per proposal the votes for / against / abstaining with the
 * percentage of ALL voting members and the result; the secretary's and the chair's signatures.
 * Before the meeting closes it is a draft: no number yet, and the tally so far.
 */
import type { CouncilMeeting } from '@thidua/contract';
import type { AuthorityAwardSettings } from '../award-types/index.ts';
import {
  body,
  centred,
  documentHeader,
  gridTable,
  heading,
  packDocument,
  run,
  twoColumns,
} from '../../lib/decree30-docx.ts';
import { Paragraph } from 'docx';
import { todayInVietnam } from '../campaigns/index.ts';

const ROLE_LABEL: Record<string, string> = {
  chair: 'Chủ tịch Hội đồng',
  vice_chair: 'Phó Chủ tịch Hội đồng',
  member: 'Ủy viên',
  secretary: 'Thư ký',
};
const METHOD_LABEL: Record<string, string> = { show_of_hands: 'giơ tay', secret_ballot: 'bỏ phiếu kín' };

/** 57.14 → "57,14%". */
export const percentText = (p: number) => `${p.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;

function ratioLabel(r: number): string {
  if (Math.abs(r - 2 / 3) < 0.0001) return '2/3';
  if (Math.abs(r - 1 / 2) < 0.0001) return '50%';
  return percentText(Math.round(r * 10000) / 100);
}

/** Hours and minutes and the date of an instant, in Vietnam time. */
function vietnamTime(iso: string) {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: todayInVietnam(new Date(iso)),
    text: `${pad(d.getUTCHours())} giờ ${pad(d.getUTCMinutes())} phút, ngày ${pad(d.getUTCDate())} tháng ${pad(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`,
  };
}

export async function minutesDocx(
  m: CouncilMeeting,
  settings: AuthorityAwardSettings,
  authorityName: string,
): Promise<{ content: Buffer; filename: string }> {
  const when = vietnamTime(m.heldAt);
  const voting = m.members.filter((x) => x.votes);
  const presentList = m.members.filter((x) => x.present === true);
  const absentList = voting.filter((x) => x.present !== true);
  const wroteIn = new Set(m.votes.filter((v) => v.inWriting && v.personId).map((v) => v.personId));
  const member = (x: (typeof m.members)[number]) =>
    `${x.fullName}${x.position ? `, ${x.position}` : ''}${x.unitName ? ` (${x.unitName})` : ''} - ${ROLE_LABEL[x.role] ?? x.role}`;
  const r = m.rules;
  const number = m.minutesNumber ?? `/BB-${settings.issuerCode}`;
  const rows = m.proposals.map((p, i) => [
    String(i + 1),
    `${p.dossier.nomineeName} - ${p.dossier.awardTypeName}`,
    String(p.votesFor),
    String(p.votesAgainst),
    String(p.votesAbstain),
    `${p.votesFor}/${r.votingMembers} (${percentText(p.percentFor)})`,
    p.result ? (p.result === 'passed' ? 'Đạt' : 'Không đạt') : p.passes ? 'Đạt (tạm tính)' : 'Chưa đạt (tạm tính)',
  ]);
  const content = [
    documentHeader({
      authorityLines: [authorityName, 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG'],
      number,
      place: settings.place || null,
      date: when.date,
      year: Number(when.date.slice(0, 4)),
    }),
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    centred('BIÊN BẢN', { bold: true }),
    centred(`Họp xét khen thưởng ${m.campaignTitle}`, { bold: true }),
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
    body([run('Thời gian: ', { bold: true }), run(`${when.text}.`)]),
    body([run('Địa điểm: ', { bold: true }), run(`${m.place || '…'}.`)]),
    body([run('Chủ trì: ', { bold: true }), run(`${m.chairName ?? '…'}.`)]),
    body([run('Thư ký: ', { bold: true }), run(`${m.secretaryName ?? '…'}.`)]),
    body([run('Hình thức biểu quyết: ', { bold: true }), run(`${METHOD_LABEL[m.method] ?? m.method}.`)]),
    heading(`Thành viên có mặt: ${r.presentMembers}/${r.votingMembers} thành viên biểu quyết`),
    ...presentList.map((x) => body(`- ${member(x)}`)),
    heading(`Thành viên vắng mặt: ${absentList.length}`),
    ...(absentList.length
      ? absentList.map((x) =>
          body(
            `- ${member(x)}${x.note ? `: ${x.note}` : ''}${wroteIn.has(x.personId) ? ' (biểu quyết bằng văn bản)' : ''}`,
          ),
        )
      : [body('- Không.')]),
    body(
      `Số thành viên có mặt ${r.presentMembers}/${r.votingMembers}, ${r.quorumMet ? 'đạt' : 'chưa đạt'} tỷ lệ tối thiểu ${ratioLabel(r.quorum)} số thành viên Hội đồng theo quy định; cuộc họp ${r.quorumMet ? 'đủ' : 'không đủ'} điều kiện tiến hành.`,
    ),
    body(
      `Hồ sơ được đề nghị khi có số phiếu đồng ý ${r.thresholdStrict ? 'trên' : 'từ'} ${ratioLabel(r.threshold)} tổng số thành viên Hội đồng (${r.votingMembers} thành viên), không tính theo số thành viên có mặt.`,
    ),
    heading('KẾT QUẢ BIỂU QUYẾT'),
    ...m.proposals.map((p, i) =>
      body(
        `${i + 1}. ${p.dossier.nomineeName} - ${p.dossier.awardTypeName}: đồng ý ${p.votesFor}/${r.votingMembers} (${percentText(p.percentFor)}), không đồng ý ${p.votesAgainst}, không biểu quyết ${p.votesAbstain}. Kết quả: ${p.result ? (p.result === 'passed' ? 'Đạt' : 'Không đạt') : p.passes ? 'Đạt (tạm tính)' : 'Chưa đạt (tạm tính)'}.`,
      ),
    ),
    new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
    gridTable(
      ['STT', 'Đề nghị', 'Đồng ý', 'Không đồng ý', 'Không biểu quyết', 'Tỷ lệ đồng ý / tổng số thành viên', 'Kết quả'],
      rows,
      [10, 55, 16, 18, 18, 28, 20],
    ),
    body(`Biên bản được lập thành 02 bản, có giá trị như nhau, thông qua trước các thành viên dự họp.`),
    twoColumns(
      [
        new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
        centred('THƯ KÝ', { bold: true }),
        ...[1, 2, 3, 4].map(() => new Paragraph({ children: [] })),
        centred(m.secretaryName ?? '', { bold: true }),
      ],
      [
        new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
        centred('CHỦ TRÌ', { bold: true }),
        ...[1, 2, 3, 4].map(() => new Paragraph({ children: [] })),
        centred(m.chairName ?? '', { bold: true }),
      ],
      82,
    ),
  ];
  const buffer = await packDocument(`Biên bản họp Hội đồng Thi đua - Khen thưởng ${number}`, content);
  return {
    content: buffer,
    filename: `bien-ban-hop-hoi-dong-${m.minutesNumber ? m.minutesNumber.replace(/\//g, '-') : 'du-thao'}.docx`,
  };
}
