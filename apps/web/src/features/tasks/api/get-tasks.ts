/** GET /me/tasks — what waits for the signed-in account (the home page's to-do list). */
import { useQuery } from '@tanstack/react-query';
import type { TaskList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';

export const taskKeys = { mine: ['me', 'tasks'] as const };

export function useMyTasks() {
  return useQuery({
    queryKey: taskKeys.mine,
    queryFn: ({ signal }) => api.get<TaskList>('/me/tasks', undefined, signal),
    // Other people's actions add to it (a submission to review, a dossier at the desk).
    refetchInterval: 60_000,
  });
}
