/**
 * The scoreboard of a campaign: who may read it (the authority's roles holding 'scoreboard.read';
 * anyone once the campaign is finalized, through the public route), which rules apply, and what
 * each row means.
 *
 * What counts: the reviewers' scores (criterion_reviews) × the criteria's weights. While the
 * campaign is not finalized the board is provisional and counts the current review scores whatever
 * the self-assessment's status (the status is shown beside them); once finalized, only accepted
 * self-assessments score. Penalties: each inspection finding still open past its due date (on the
 * day the campaign was finalized, or today), and a first submit after the deadline (the unit's
 * extension included).
 */
import type { Scoreboard, ScoreboardQuery, ScoringRules } from '@thidua/contract';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { campaignReach, reachesUnit } from '../../lib/access.ts';
import { DomainError, Invalid, NotFound } from '../../lib/errors.ts';
import { findCampaignRow, findVisibleCampaignRow, todayInVietnam, type CampaignRow } from '../campaigns/index.ts';
import { toScoreboardRow } from './scoreboard.mapper.ts';
import { KIND_GROUP_NAMES, authorityNameOf, criteriaTotals, scoreboardRows } from './scoreboard.repository.ts';

/** The campaign whose board the caller may read: 404 when it may not see it, or not within reach. */
async function readableCampaign(db: Executor, actor: Actor | null, campaignId: string): Promise<CampaignRow> {
  if (!actor) {
    // The public: only a finalized campaign's board, and nothing said about the others.
    const row = await findCampaignRow(db, campaignId);
    if (!row || row.status !== 'finalized') throw new DomainError(404, 'scoreboard.not_published');
    return row;
  }
  const row = await findVisibleCampaignRow(db, actor, campaignId);
  if (!reachesUnit(campaignReach(actor, 'scoreboard.read'), row.authorityUnitId)) throw NotFound('campaign');
  return row;
}

/** The board of a campaign for a target, optionally ranked within groups. */
export async function getScoreboard(
  db: Executor,
  actor: Actor | null,
  campaignId: string,
  query: ScoreboardQuery,
  today = todayInVietnam(),
): Promise<Scoreboard> {
  const campaign = await readableCampaign(db, actor, campaignId);
  const target = query.target ?? 'collective';
  const groupBy = query.groupBy ?? 'none';
  const group = query.group ?? null;
  if (group !== null) {
    const known =
      groupBy === 'kind'
        ? Object.keys(KIND_GROUP_NAMES).includes(group)
        : groupBy === 'group' && campaign.unitGroups.some((g) => g.code === group);
    if (!known) throw Invalid([{ field: '/group', code: 'scoreboard.unknown_group' }], 'scoreboard.unknown_group');
  }
  const rules: ScoringRules = campaign.scoring;
  const final = campaign.status === 'finalized' || campaign.status === 'archived';
  const asOf = final && campaign.finalizedAt ? todayInVietnam(campaign.finalizedAt) : today;
  const pointsOf = (kind: string) => rules.penalties.filter((r) => r.kind === kind).reduce((s, r) => s + r.points, 0);

  const [rows, totals, authorityName] = await Promise.all([
    scoreboardRows(db, {
      campaign,
      target,
      groupBy,
      group,
      asOf,
      acceptedOnly: final,
      openFindingPoints: pointsOf('open_finding'),
      latePoints: pointsOf('late_submission'),
      tieBreak: rules.tieBreak,
    }),
    criteriaTotals(db, campaign.id, target),
    authorityNameOf(db, campaign.authorityUnitId),
  ]);
  const groupName = (code: string | null, name: string | null) =>
    groupBy === 'kind' && code ? (KIND_GROUP_NAMES[code] ?? code) : name;
  const board = rows.map((r) =>
    toScoreboardRow(r, { criteriaTotal: totals.count, bands: rules.bands, groupName, grouped: groupBy !== 'none' }),
  );
  const counts = new Map<string, { code: string; name: string; count: number }>();
  if (groupBy !== 'none')
    for (const r of board) {
      if (!r.group) continue;
      const g = counts.get(r.group.code) ?? { ...r.group, count: 0 };
      g.count++;
      counts.set(g.code, g);
    }
  return {
    campaign: {
      id: campaign.id,
      number: campaign.number,
      title: campaign.title,
      status: campaign.status,
      authorityName,
      authorityHeading: campaign.authorityHeading,
      place: campaign.place,
      finalizedAt: campaign.finalizedAt?.toISOString() ?? null,
    },
    target,
    groupBy,
    group,
    provisional: !final,
    rules,
    criteriaTotal: totals.count,
    maxWeightedScore: totals.maxWeighted,
    asOf,
    groups: [...counts.values()],
    rows: board,
  };
}
