/** POST /findings/:id/remedy — the unit reports what it did, with at least one evidence file. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Finding, RemedyFindingBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { findingKeys } from './keys.ts';

export function remedyFinding({ id, body }: { id: string; body: RemedyFindingBody }): Promise<Finding> {
  return api.post(`/findings/${encodeURIComponent(id)}/remedy`, body);
}

export function useRemedyFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: remedyFinding,
    onSettled: (f) =>
      f
        ? qc.invalidateQueries({ queryKey: findingKeys.campaign(f.campaignId) })
        : qc.invalidateQueries({ queryKey: findingKeys.all }),
  });
}
