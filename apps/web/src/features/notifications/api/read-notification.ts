/** POST /notifications/:id/read and /notifications/read-all — mark the caller's notifications read. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationsReadAll } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

export function readNotification(id: string): Promise<Notification> {
  return api.post(`/notifications/${encodeURIComponent(id)}/read`);
}

export function readAllNotifications(): Promise<NotificationsReadAll> {
  return api.post('/notifications/read-all');
}

export function useReadNotification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: readNotification,
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useReadAllNotifications() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: readAllNotifications,
    onSettled: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
