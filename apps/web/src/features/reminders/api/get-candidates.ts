/** GET /campaigns/:id/reminders/candidates — the participating units the office may remind, and whether each has submitted. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReminderCandidateList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { reminderKeys } from './keys.ts';

export function getReminderCandidates(campaignId: string, signal?: AbortSignal): Promise<ReminderCandidateList> {
  return api.get(`/campaigns/${encodeURIComponent(campaignId)}/reminders/candidates`, undefined, signal);
}

export function reminderCandidatesQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: reminderKeys.candidates(campaignId),
    queryFn: ({ signal }) => getReminderCandidates(campaignId, signal),
  });
}

export function useReminderCandidates(campaignId: string, enabled: boolean) {
  return useQuery({ ...reminderCandidatesQueryOptions(campaignId), enabled });
}
