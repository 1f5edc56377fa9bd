/** GET /campaigns/:id/scoreboard — the ranking (provisional until finalized); and its XLSX / CSV downloads. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Scoreboard } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { scoreboardKeys, type ScoreboardParams } from './keys.ts';

const path = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/scoreboard`;

export function getScoreboard(campaignId: string, params: ScoreboardParams, signal?: AbortSignal): Promise<Scoreboard> {
  return api.get(path(campaignId), { ...params }, signal);
}

export function scoreboardQueryOptions(campaignId: string, params: ScoreboardParams) {
  return queryOptions({
    queryKey: scoreboardKeys.board(campaignId, params),
    queryFn: ({ signal }) => getScoreboard(campaignId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useScoreboard(campaignId: string, params: ScoreboardParams) {
  return useQuery(scoreboardQueryOptions(campaignId, params));
}

/** Downloads the board as XLSX or CSV (the session's token is needed, so not a plain link). */
export function downloadScoreboard(campaignId: string, params: ScoreboardParams, format: 'xlsx' | 'csv') {
  const qs = new URLSearchParams({ target: params.target, groupBy: params.groupBy });
  if (params.group) qs.set('group', params.group);
  return downloadFile(`${path(campaignId)}.${format}?${qs.toString()}`, `xep-hang.${format}`);
}
