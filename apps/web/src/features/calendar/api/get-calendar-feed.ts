/** GET /me/calendar-feed — whether the caller has a calendar URL, since when, last fetched. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CalendarFeedStatus } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { calendarFeedKeys } from './keys.ts';

export function getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeedStatus> {
  return api.get('/me/calendar-feed', undefined, signal);
}

export function calendarFeedQueryOptions() {
  return queryOptions({ queryKey: calendarFeedKeys.status(), queryFn: ({ signal }) => getCalendarFeed(signal) });
}

export function useCalendarFeed() {
  return useQuery(calendarFeedQueryOptions());
}
