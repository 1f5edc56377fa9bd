/** POST /initiatives/:id/recognise — the standing office records the authority's recognition (then it is frozen). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Initiative, RecogniseInitiativeBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { initiativeKeys } from './keys.ts';

export function recogniseInitiative({ id, body }: { id: string; body: RecogniseInitiativeBody }): Promise<Initiative> {
  return api.post(`/initiatives/${encodeURIComponent(id)}/recognise`, body);
}

export function useRecogniseInitiative() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: recogniseInitiative,
    onSettled: () => qc.invalidateQueries({ queryKey: initiativeKeys.lists() }),
  });
}
