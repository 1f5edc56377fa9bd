/** Query keys of the scoreboard; invalidate through these. */
import type { ScoreboardGroupBy, ScoreboardTarget } from '@thidua/contract';

export interface ScoreboardParams {
  target: ScoreboardTarget;
  groupBy: ScoreboardGroupBy;
  group?: string | undefined;
}

export const scoreboardKeys = {
  all: ['scoreboard'] as const,
  campaign: (campaignId: string) => [...scoreboardKeys.all, campaignId] as const,
  board: (campaignId: string, params: ScoreboardParams) => [...scoreboardKeys.campaign(campaignId), params] as const,
};
