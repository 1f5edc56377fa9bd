/**
 * Shared makings of the award tests: a closed campaign in which XA-THACHHAI's self-assessment was
 * accepted (the ground of a dossier), and dossiers put straight into a state for the tests of the
 * steps after it (reception, council, decisions), which are not about how the dossier got there.
 */
import { eq } from 'drizzle-orm';
import type { DossierStatus } from '@thidua/contract';
import { campaignAwardTypes, campaigns, dossiers } from '../../src/db/schema/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { addDays, todayInVietnam } from '../../src/modules/campaigns/dates.ts';
import { move } from '../campaigns/support.ts';
import { reviewAllCriteria } from '../factories.ts';
import { DEMO, type TestApp } from '../helpers.ts';
import { personOf, submittedForReview } from '../submissions/support.ts';

/** The award types of the shipped catalogue the tests use (ids of migration 0005). */
export const AWARD = {
  giayKhenIndividual: 'awt_giay_khen_individual',
  giayKhenCollective: 'awt_giay_khen_collective',
  bangKhenIndividual: 'awt_bang_khen_individual',
  bangKhenCollective: 'awt_bang_khen_collective',
  laoDongTienTien: 'awt_lao_dong_tien_tien',
  chienSiCoSo: 'awt_chien_si_thi_dua_co_so',
} as const;

export interface AwardCampaign {
  campaignId: string;
  /** XA-THACHHAI's accepted collective self-assessment. */
  submissionId: string;
  unitId: string;
  /** A person of XA-THACHHAI (the demo staff member's unit), for individual dossiers. */
  personId: string;
  authorityUnitId: string;
}

/**
 * A campaign of Thạch Hà (UBND-TH, which grants as a commune) leading to Giấy khen for collectives
 * and individuals, in which XA-THACHHAI's self-assessment was reviewed and accepted, then closed,
 * with its dossier deadline `dossierDeadlineInDays` from today (30 by default; negative = passed).
 * `close: false` leaves it open.
 */
export async function closedCampaignWithAcceptedUnit(
  t: TestApp,
  opts: { close?: boolean; dossierDeadlineInDays?: number } = {},
): Promise<AwardCampaign> {
  const s = await submittedForReview(t);
  const { etag } = await reviewAllCriteria(t, s.id);
  const accepted = await t.api
    .post(`/api/v1/submissions/${s.id}/accept`)
    .set('authorization', await t.auth(DEMO.secretariat))
    .set('if-match', etag)
    .send({});
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${accepted.text}`);
  const db = t.database.db;
  await db.insert(campaignAwardTypes).values([
    { campaignId: s.campaignId, awardTypeId: AWARD.giayKhenCollective, position: 0 },
    { campaignId: s.campaignId, awardTypeId: AWARD.giayKhenIndividual, position: 1 },
  ]);
  if (opts.close !== false) await move(t, s.campaignId, 'close');
  await db
    .update(campaigns)
    .set({ dossierDeadline: addDays(todayInVietnam(), opts.dossierDeadlineInDays ?? 30) })
    .where(eq(campaigns.id, s.campaignId));
  return {
    campaignId: s.campaignId,
    submissionId: s.id,
    unitId: await t.unitId('XA-THACHHAI'),
    personId: await personOf(t, 'XA-THACHHAI'),
    authorityUnitId: await t.unitId('UBND-TH'),
  };
}

/**
 * A dossier written straight into the database in `status` (no documents): for tests of what comes
 * after preparation. A person dossier when `personId` is given, else XA-THACHHAI's collective one.
 */
export async function insertDossier(
  t: TestApp,
  c: AwardCampaign,
  opts: { status: DossierStatus; personId?: string; awardTypeId?: string; receiptNumber?: string } = {
    status: 'draft',
  },
): Promise<{ id: string }> {
  const id = newId('ds');
  const submitted = !['draft'].includes(opts.status);
  const received = ['received', 'in_review', 'approved', 'rejected', 'awarded', 'forwarded'].includes(opts.status);
  await t.database.db.insert(dossiers).values({
    id,
    campaignId: c.campaignId,
    authorityUnitId: c.authorityUnitId,
    nomineeKind: opts.personId ? 'person' : 'unit',
    unitId: c.unitId,
    personId: opts.personId ?? null,
    awardTypeId: opts.awardTypeId ?? (opts.personId ? AWARD.giayKhenIndividual : AWARD.giayKhenCollective),
    submissionId: opts.personId ? null : c.submissionId,
    achievement: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2022.',
    status: opts.status,
    submittedAt: submitted ? new Date() : null,
    receivedAt: received ? new Date() : null,
    receiptNumber: received ? (opts.receiptNumber ?? `${Math.floor(Math.random() * 900) + 100}/TN-UBND`) : null,
  });
  return { id };
}
