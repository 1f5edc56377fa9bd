/** POST /awards/:id/revoke — the leader revokes an award with a reason (If-Match); it stays in the register, marked. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Award } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { awardKeys } from './keys.ts';

export function revokeAward({ award, reason }: { award: Award; reason: string }): Promise<Award> {
  return api.post(`/awards/${encodeURIComponent(award.id)}/revoke`, { reason }, { ifMatch: `"v${award.version}"` });
}

export function useRevokeAward() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeAward,
    onSettled: () => qc.invalidateQueries({ queryKey: awardKeys.all }),
  });
}
