/** GET /campaigns/:id — one campaign with the ETag a PATCH must send back. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Campaign } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface CampaignWithEtag {
  campaign: Campaign;
  etag: string;
}

export async function getCampaign(id: string, signal?: AbortSignal): Promise<CampaignWithEtag> {
  const res = await request<Campaign>(`/campaigns/${encodeURIComponent(id)}`, { signal });
  return { campaign: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function campaignQueryOptions(id: string) {
  return queryOptions({ queryKey: campaignKeys.detail(id), queryFn: ({ signal }) => getCampaign(id, signal) });
}

export function useCampaign(id: string) {
  return useQuery(campaignQueryOptions(id));
}
