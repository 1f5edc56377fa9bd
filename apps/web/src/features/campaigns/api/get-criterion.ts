/** GET /campaigns/:id/criteria/:criterionId — one criterion with the ETag its PATCH needs. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Criterion } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface CriterionWithEtag {
  criterion: Criterion;
  etag: string;
}

export async function getCriterion(
  campaignId: string,
  criterionId: string,
  signal?: AbortSignal,
): Promise<CriterionWithEtag> {
  const res = await request<Criterion>(
    `/campaigns/${encodeURIComponent(campaignId)}/criteria/${encodeURIComponent(criterionId)}`,
    { signal },
  );
  return { criterion: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function criterionQueryOptions(campaignId: string, criterionId: string) {
  return queryOptions({
    queryKey: campaignKeys.criterion(campaignId, criterionId),
    queryFn: ({ signal }) => getCriterion(campaignId, criterionId, signal),
    staleTime: 0,
  });
}

export function useCriterion(campaignId: string, criterionId: string | null) {
  return useQuery({ ...criterionQueryOptions(campaignId, criterionId ?? ''), enabled: Boolean(criterionId) });
}
