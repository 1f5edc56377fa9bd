/** DELETE /me/calendar-feed — the calendar URL stops working. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { calendarFeedKeys } from './keys.ts';

export function revokeCalendarFeed(): Promise<{ ok: boolean }> {
  return api.delete('/me/calendar-feed');
}

export function useRevokeCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSettled: () => qc.invalidateQueries({ queryKey: calendarFeedKeys.all }),
  });
}
