/** GET /public/campaigns — open, closed and finalized campaigns, without sign-in. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, PublicCampaignSummary } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { publicKeys, type PublicCampaignListParams } from './keys.ts';

export function getPublicCampaigns(
  params: PublicCampaignListParams,
  signal?: AbortSignal,
): Promise<PageOf<PublicCampaignSummary>> {
  return api.get('/public/campaigns', { ...params }, signal);
}

export function publicCampaignsQueryOptions(params: PublicCampaignListParams) {
  return queryOptions({
    queryKey: publicKeys.campaigns(params),
    queryFn: ({ signal }) => getPublicCampaigns(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePublicCampaigns(params: PublicCampaignListParams) {
  return useQuery(publicCampaignsQueryOptions(params));
}
