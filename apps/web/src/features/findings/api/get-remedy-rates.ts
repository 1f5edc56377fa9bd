/** GET /campaigns/:id/findings/remedy-rates — "% of findings remedied" of each unit with findings. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FindingRemedyRateList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { findingKeys } from './keys.ts';

export function getRemedyRates(campaignId: string, signal?: AbortSignal): Promise<FindingRemedyRateList> {
  return api.get(`/campaigns/${encodeURIComponent(campaignId)}/findings/remedy-rates`, undefined, signal);
}

export function remedyRatesQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: findingKeys.rates(campaignId),
    queryFn: ({ signal }) => getRemedyRates(campaignId, signal),
  });
}

export function useRemedyRates(campaignId: string, enabled = true) {
  return useQuery({ ...remedyRatesQueryOptions(campaignId), enabled });
}
