/** GET /public/campaigns/:id — a published campaign with its criteria, without sign-in. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicCampaign } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { publicKeys } from './keys.ts';

export function getPublicCampaign(id: string, signal?: AbortSignal): Promise<PublicCampaign> {
  return api.get(`/public/campaigns/${encodeURIComponent(id)}`, undefined, signal);
}

export function publicCampaignQueryOptions(id: string) {
  return queryOptions({ queryKey: publicKeys.campaign(id), queryFn: ({ signal }) => getPublicCampaign(id, signal) });
}

export function usePublicCampaign(id: string) {
  return useQuery(publicCampaignQueryOptions(id));
}

/** The plan as DOCX for anyone: a plain link works, no session is needed. */
export function publicPlanUrl(id: string): string {
  return `/api/v1/public/campaigns/${encodeURIComponent(id)}/plan.docx`;
}
