/** GET /public/campaigns/:id/scoreboard — a finalized campaign's ranking, without sign-in (404 before). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Scoreboard } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { publicKeys } from './keys.ts';

export function getPublicScoreboard(id: string, signal?: AbortSignal): Promise<Scoreboard> {
  return api.get(`/public/campaigns/${encodeURIComponent(id)}/scoreboard`, undefined, signal);
}

export function publicScoreboardQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...publicKeys.campaign(id), 'scoreboard'] as const,
    queryFn: ({ signal }) => getPublicScoreboard(id, signal),
  });
}

/** Asked only for a finalized campaign: before that the API answers 404 by design. */
export function usePublicScoreboard(id: string, enabled: boolean) {
  return useQuery({ ...publicScoreboardQueryOptions(id), enabled });
}
