/** GET /campaigns/:id/findings — one page of a campaign's findings with the counts over all of them (unit roles: their own). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FindingPage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { findingKeys, type FindingListParams } from './keys.ts';

export function getFindings(campaignId: string, params: FindingListParams, signal?: AbortSignal): Promise<FindingPage> {
  return api.get(`/campaigns/${encodeURIComponent(campaignId)}/findings`, { ...params }, signal);
}

export function findingsQueryOptions(campaignId: string, params: FindingListParams) {
  return queryOptions({
    queryKey: findingKeys.list(campaignId, params),
    queryFn: ({ signal }) => getFindings(campaignId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFindings(campaignId: string, params: FindingListParams) {
  return useQuery(findingsQueryOptions(campaignId, params));
}
