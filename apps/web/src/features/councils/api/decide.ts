/** The leader's approve / reject of a dossier under review outside a meeting (POST /dossiers/:id/approve|reject, with a note). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dossier, DossierDecisionBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';

export type DossierDecision = 'approve' | 'reject';

export function useDecideDossier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; action: DossierDecision; body: DossierDecisionBody }) =>
      api.post<Dossier>(`/dossiers/${d.id}/${d.action}`, d.body),
    onSettled: () => qc.invalidateQueries(),
  });
}
