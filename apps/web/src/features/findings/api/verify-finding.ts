/** POST /findings/:id/verify — the standing office confirms the remedy (counts toward "% remedied"). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Finding } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { findingKeys } from './keys.ts';

export function verifyFinding(id: string): Promise<Finding> {
  return api.post(`/findings/${encodeURIComponent(id)}/verify`);
}

export function useVerifyFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: verifyFinding,
    onSettled: (f) =>
      f
        ? qc.invalidateQueries({ queryKey: findingKeys.campaign(f.campaignId) })
        : qc.invalidateQueries({ queryKey: findingKeys.all }),
  });
}
