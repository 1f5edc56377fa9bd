/** POST /jobs/:id/retry — a failed job runs again at the next tick, its attempts counted afresh. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Job } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { jobKeys } from './keys.ts';

export function retryJob(id: string): Promise<Job> {
  return api.post(`/jobs/${encodeURIComponent(id)}/retry`);
}

export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: retryJob,
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
