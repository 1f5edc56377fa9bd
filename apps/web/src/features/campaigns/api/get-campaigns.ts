/** GET /campaigns — one page of campaigns (drafts only for those who author or lead), searchable without diacritics. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CampaignPage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys, type CampaignListParams } from './keys.ts';

export function getCampaigns(params: CampaignListParams, signal?: AbortSignal): Promise<CampaignPage> {
  return api.get('/campaigns', { ...params }, signal);
}

export function campaignsQueryOptions(params: CampaignListParams) {
  return queryOptions({
    queryKey: campaignKeys.list(params),
    queryFn: ({ signal }) => getCampaigns(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCampaigns(params: CampaignListParams) {
  return useQuery(campaignsQueryOptions(params));
}
