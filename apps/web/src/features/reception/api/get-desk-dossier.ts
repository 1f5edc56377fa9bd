/** GET /reception/dossiers/:id — one dossier as the desk sees it (another authority's: 404). */
import { useQuery } from '@tanstack/react-query';
import type { ReceptionDossier } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { receptionKeys } from './keys.ts';

export function getDeskDossier(id: string, signal?: AbortSignal): Promise<ReceptionDossier> {
  return api.get(`/reception/dossiers/${encodeURIComponent(id)}`, undefined, signal);
}

export function useDeskDossier(id: string) {
  return useQuery({ queryKey: receptionKeys.dossier(id), queryFn: ({ signal }) => getDeskDossier(id, signal) });
}
