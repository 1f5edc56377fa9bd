/** POST /me/calendar-feed — a new secret calendar URL (shown once); an earlier one stops working. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeedCreated } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { calendarFeedKeys } from './keys.ts';

export function createCalendarFeed(): Promise<CalendarFeedCreated> {
  return api.post('/me/calendar-feed');
}

export function useCreateCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSettled: () => qc.invalidateQueries({ queryKey: calendarFeedKeys.all }),
  });
}
