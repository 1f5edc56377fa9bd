/** GET /campaigns/:id/submissions — a campaign's self-assessments with their progress (drafts only inside their unit). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SubmissionPage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { submissionKeys, type SubmissionListParams } from './keys.ts';

export function getSubmissions(
  campaignId: string,
  params: SubmissionListParams,
  signal?: AbortSignal,
): Promise<SubmissionPage> {
  return api.get(`/campaigns/${encodeURIComponent(campaignId)}/submissions`, { ...params }, signal);
}

export function submissionsQueryOptions(campaignId: string, params: SubmissionListParams) {
  return queryOptions({
    queryKey: submissionKeys.list(campaignId, params),
    queryFn: ({ signal }) => getSubmissions(campaignId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSubmissions(campaignId: string, params: SubmissionListParams, enabled = true) {
  return useQuery({ ...submissionsQueryOptions(campaignId, params), enabled });
}
