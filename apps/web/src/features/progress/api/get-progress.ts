/** GET /campaigns/:id/progress — counts, per-criterion figures and one page of unit lines (unit roles: their own). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CampaignProgress } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { progressKeys, type ProgressParams } from './keys.ts';

export function getProgress(
  campaignId: string,
  params: ProgressParams,
  signal?: AbortSignal,
): Promise<CampaignProgress> {
  return api.get(`/campaigns/${encodeURIComponent(campaignId)}/progress`, { ...params }, signal);
}

export function progressQueryOptions(campaignId: string, params: ProgressParams) {
  return queryOptions({
    queryKey: progressKeys.dashboard(campaignId, params),
    queryFn: ({ signal }) => getProgress(campaignId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProgress(campaignId: string, params: ProgressParams) {
  return useQuery(progressQueryOptions(campaignId, params));
}
