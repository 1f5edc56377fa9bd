/**
 * The desk's actions on a dossier, each with the version it was read at (If-Match): receive
 * (POST /dossiers/:id/receive), the checklist (PATCH /dossiers/:id/checklist), and the return for
 * supplement (POST /dossiers/:id/return). Each answers the dossier as the desk sees it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReceptionChecklist, ReceptionDossier } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { receptionKeys } from './keys.ts';

const etag = (version: number) => `"v${version}"`;
const path = (id: string, action: string) => `/dossiers/${encodeURIComponent(id)}/${action}`;

export interface Versioned {
  id: string;
  version: number;
}

export function receiveDossier(d: Versioned & { checklist?: ReceptionChecklist }): Promise<ReceptionDossier> {
  return api.post(path(d.id, 'receive'), d.checklist ? { checklist: d.checklist } : {}, { ifMatch: etag(d.version) });
}

export function updateChecklist(d: Versioned & { checklist: ReceptionChecklist }): Promise<ReceptionDossier> {
  return api.patch(path(d.id, 'checklist'), { checklist: d.checklist }, etag(d.version));
}

export function returnDossier(d: Versioned & { reasons: string[]; note: string }): Promise<ReceptionDossier> {
  return api.post(path(d.id, 'return'), { reasons: d.reasons, note: d.note }, { ifMatch: etag(d.version) });
}

/** One mutation per action: the answer replaces the cached dossier, and the queue is read again. */
function useDeskMutation<V extends Versioned>(fn: (v: V) => Promise<ReceptionDossier>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => qc.setQueryData(receptionKeys.dossier(d.id), d),
    onSettled: (_d, _e, v) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: [...receptionKeys.all, 'queue'] }),
        qc.invalidateQueries({ queryKey: receptionKeys.dossier(v.id) }),
      ]),
  });
}

export const useReceiveDossier = () => useDeskMutation(receiveDossier);
export const useUpdateChecklist = () => useDeskMutation(updateChecklist);
export const useReturnDossier = () => useDeskMutation(returnDossier);
