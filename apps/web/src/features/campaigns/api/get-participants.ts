/** GET /campaigns/:id/enrollments — participating units with their enrolment (unit roles see their own units only). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ParticipantPage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys, type ParticipantListParams } from './keys.ts';

export function getParticipants(
  campaignId: string,
  params: ParticipantListParams,
  signal?: AbortSignal,
): Promise<ParticipantPage> {
  return api.get(`/campaigns/${encodeURIComponent(campaignId)}/enrollments`, { ...params }, signal);
}

export function participantsQueryOptions(campaignId: string, params: ParticipantListParams) {
  return queryOptions({
    queryKey: campaignKeys.participants(campaignId, params),
    queryFn: ({ signal }) => getParticipants(campaignId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useParticipants(campaignId: string, params: ParticipantListParams, enabled = true) {
  return useQuery({ ...participantsQueryOptions(campaignId, params), enabled });
}
