/**
 * The progress dashboard (tiến độ) of a campaign: the morning screen of the standing office and the
 * leadership. Who sees which lines is the permission table's answer for 'dashboard.read': the office,
 * leaders and other authority roles the campaign's participating units within their authority; a
 * unit's officer or head only their own unit's line, and counts over that line alone. The campaign
 * itself must be visible to the caller (404 otherwise, like every record hanging off it).
 *
 * A draft shows only as the status "drafting" with its last activity: that a unit has begun is what
 * the office urges on (đôn đốc). Its answers never leave the unit: per-criterion figures read only
 * the versions frozen at submit, and a draft's id is given to its own unit only.
 */
import type { CampaignProgress, ProgressQuery } from '@thidua/contract';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { assertCan, can, reachOf, scopeOf } from '../../lib/access.ts';
import { pageParams } from '../../lib/http.ts';
import { findVisibleCampaignRow, todayInVietnam } from '../campaigns/index.ts';
import { progressOfSubmissions } from '../submissions/index.ts';
import { toCriterionProgress, toProgressCounts, toUnitProgress } from './progress.mapper.ts';
import { criterionProgress, progressCounts, unitProgressPage, type ProgressScope } from './progress.repository.ts';

export async function getCampaignProgress(
  db: Executor,
  actor: Actor,
  campaignId: string,
  query: ProgressQuery,
  today = todayInVietnam(),
): Promise<CampaignProgress> {
  const campaign = await findVisibleCampaignRow(db, actor, campaignId);
  assertCan(actor, 'dashboard.read');
  const reach = reachOf(actor, 'dashboard.read');
  const scope: ProgressScope = { campaign, reach, today };
  const { page, pageSize, offset } = pageParams(query);
  const [counts, criteria, unitPage] = await Promise.all([
    progressCounts(db, scope),
    criterionProgress(db, scope),
    unitProgressPage(db, scope, { status: query.status, q: query.q }, { limit: pageSize, offset }),
  ]);
  // How far each self-assessment on the page is, drafts included: a count, never an answer.
  const answered = await progressOfSubmissions(
    db,
    campaign,
    unitPage.rows.flatMap((r) => (r.submission_id ? [r.submission_id] : [])),
  );
  return {
    campaignId: campaign.id,
    campaignStatus: campaign.status as CampaignProgress['campaignStatus'],
    today,
    submissionDeadline: campaign.submissionDeadline,
    ownUnitsOnly: scopeOf(actor, 'dashboard.read') === 'own_unit',
    counts: toProgressCounts(counts),
    criteria: criteria.map((c) => toCriterionProgress(c, counts.participants)),
    units: {
      items: unitPage.rows.map((r) =>
        toUnitProgress(r, can(actor, 'submission.write', { unitId: r.unit_id, personId: null }), {
          criteria: criteria.length,
          answered: r.submission_id ? (answered.get(r.submission_id)?.answered ?? 0) : 0,
        }),
      ),
      page,
      pageSize,
      total: unitPage.total,
    },
  };
}
