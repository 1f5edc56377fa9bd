/** POST /findings/:id/reopen — the standing office sends a remedy back, with the reason. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Finding } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { findingKeys } from './keys.ts';

export function reopenFinding({ id, reason }: { id: string; reason: string }): Promise<Finding> {
  return api.post(`/findings/${encodeURIComponent(id)}/reopen`, { reason });
}

export function useReopenFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: reopenFinding,
    onSettled: (f) =>
      f
        ? qc.invalidateQueries({ queryKey: findingKeys.campaign(f.campaignId) })
        : qc.invalidateQueries({ queryKey: findingKeys.all }),
  });
}
