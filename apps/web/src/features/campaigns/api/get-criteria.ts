/** GET /campaigns/:id/criteria — every criterion of a campaign, in order. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CriterionList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export function getCriteria(campaignId: string, signal?: AbortSignal): Promise<CriterionList> {
  return api.get(`/campaigns/${encodeURIComponent(campaignId)}/criteria`, undefined, signal);
}

export function criteriaQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: campaignKeys.criteria(campaignId),
    queryFn: ({ signal }) => getCriteria(campaignId, signal),
  });
}

export function useCriteria(campaignId: string) {
  return useQuery(criteriaQueryOptions(campaignId));
}
