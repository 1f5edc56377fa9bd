/**
 * The demo's campaign: the 2022 reform plan of Thạch Hà (the bundled template), open, with a few
 * enrolled units. Its dates are moved around today (it started two weeks ago and runs about eleven
 * weeks, as the original did) so that the demo can be used end to end: enrolment, self-assessment
 * before the deadline, and so on. The title's date range follows; the plan text is the original.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { units } from '../db/schema/index.ts';
import type { Ctx } from '../lib/context.ts';
import {
  applyTransition,
  createCampaignTx,
  findCampaignRow,
  addDays,
  todayInVietnam,
  enrolTx,
  insertCriteria,
} from '../modules/campaigns/index.ts';

export const DEMO_CAMPAIGN_TEMPLATE = 'bundled-cchc-2022';

/** Units enrolled in the demo, with their commitments. Others (e.g. Phòng Tư pháp) have not enrolled yet. */
export const DEMO_ENROLMENTS: { code: string; commitment: string }[] = [
  {
    code: 'XA-THACHHAI',
    commitment:
      'UBND xã Thạch Hải đăng ký tham gia đợt thi đua cao điểm thực hiện CCHC, cam kết thực hiện đầy đủ các tiêu chuẩn thi đua đối với tập thể và vận động 100% cán bộ, công chức tham gia.',
  },
  {
    code: 'XA-THACHHA',
    commitment:
      'UBND thị trấn Thạch Hà đăng ký thi đua, phấn đấu 100% thủ tục hành chính được tiếp nhận và trả kết quả qua bộ phận một cửa.',
  },
  {
    code: 'XA-DINHBAN',
    commitment: 'UBND xã Đỉnh Bàn đăng ký thi đua, phấn đấu có ít nhất 01 giải pháp mới về CCHC được công nhận.',
  },
  {
    code: 'TTHCC',
    commitment:
      'Trung tâm Hành chính công huyện đăng ký thi đua, giải quyết thủ tục hành chính kịp thời, đúng và trước hạn.',
  },
  {
    code: 'TCKH',
    commitment:
      'Phòng Tài chính - Kế hoạch đăng ký thi đua, triển khai thanh toán trực tuyến đối với thủ tục hành chính có nghĩa vụ tài chính.',
  },
];

const unitIdOf = async (tx: Tx, code: string) =>
  (await tx.select({ id: units.id }).from(units).where(eq(units.code, code)))[0]!.id;

export async function loadDemoCampaign(tx: Tx, today = todayInVietnam()): Promise<string> {
  const ctx: Ctx = { actor: null, requestId: 'bootstrap' };
  const startsOn = addDays(today, -14);
  const campaign = await createCampaignTx(tx, ctx, {
    templateId: DEMO_CAMPAIGN_TEMPLATE,
    authorityUnitId: await unitIdOf(tx, 'UBND-TH'),
    number: '/KH-UBND-NV',
    startsOn,
    endsOn: addDays(startsOn, 79),
  });
  await applyTransition(tx, ctx, (await findCampaignRow(tx, campaign.id))!, 'open', today);
  const open = (await findCampaignRow(tx, campaign.id))!;
  for (const e of DEMO_ENROLMENTS)
    await enrolTx(tx, ctx, open, await unitIdOf(tx, e.code), { commitment: e.commitment });
  return campaign.id;
}

/**
 * The second authority's own campaign (a ward since the 2025 reform): open, its participants the
 * ward's own offices, so that the separation of the two authorities can be seen in the demo.
 */
export async function loadSecondAuthorityCampaign(tx: Tx, participantCodes: string[], today = todayInVietnam()) {
  const ctx: Ctx = { actor: null, requestId: 'bootstrap' };
  const startsOn = addDays(today, -7);
  const campaign = await createCampaignTx(tx, ctx, {
    number: '/KH-UBND',
    title: 'Kế hoạch phát động phong trào thi đua chuyển đổi số năm ' + startsOn.slice(0, 4),
    authorityUnitId: await unitIdOf(tx, 'UBND-TS'),
    authorityHeading: 'UBND PHƯỜNG THÀNH SEN',
    place: 'Thành Sen',
    startsOn,
    endsOn: addDays(startsOn, 90),
    participants: {
      kinds: [],
      unitIds: await Promise.all(participantCodes.map((c) => unitIdOf(tx, c))),
      individualsTakePart: false,
    },
  });
  await insertCriteria(tx, campaign.id, [
    {
      code: '1',
      target: 'collective',
      group: 'specific',
      title: 'Trên 80 % hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến',
      kind: 'ratio',
      comparator: 'gt',
      threshold: 80,
      evidenceRequired: true,
    },
    {
      code: '2',
      target: 'collective',
      group: 'specific',
      title: 'Có ít nhất 01 sáng kiến chuyển đổi số được công nhận',
      kind: 'count',
      comparator: 'gte',
      threshold: 1,
    },
  ]);
  await applyTransition(tx, ctx, (await findCampaignRow(tx, campaign.id))!, 'open', today);
  return campaign.id;
}
