/** GET /notifications — the caller's own notifications, unread first, with the unread count (the bell polls it every minute). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationPage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

/** How often the bell asks for new notifications. */
export const BELL_POLL_MS = 60_000;
const BELL_PAGE_SIZE = 10;

export function getNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return api.get('/notifications', { order: 'unread_first', pageSize: BELL_PAGE_SIZE }, signal);
}

export function bellQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.bell(),
    queryFn: ({ signal }) => getNotifications(signal),
    refetchInterval: BELL_POLL_MS,
  });
}

export function useBellNotifications() {
  return useQuery(bellQueryOptions());
}
