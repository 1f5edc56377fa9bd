/** GET /campaigns/:id/reminders — the reminders sent in a campaign with who read them (units: those sent to them). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReminderPage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { reminderKeys } from './keys.ts';

export function getReminders(
  campaignId: string,
  params: { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<ReminderPage> {
  return api.get(`/campaigns/${encodeURIComponent(campaignId)}/reminders`, { ...params }, signal);
}

export function remindersQueryOptions(campaignId: string, params: { page: number; pageSize: number }) {
  return queryOptions({
    queryKey: reminderKeys.list(campaignId, params),
    queryFn: ({ signal }) => getReminders(campaignId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReminders(campaignId: string, params: { page: number; pageSize: number }, enabled = true) {
  return useQuery({ ...remindersQueryOptions(campaignId, params), enabled });
}
