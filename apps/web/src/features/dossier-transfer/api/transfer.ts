/**
 * Proposals upward: the forwarding chain (GET /dossiers/:id/forwarding), forwarding an approved
 * dossier (POST /dossiers/:id/forward, If-Match), the dossier package (GET /dossiers/:id/package.zip)
 * and the desk's import of a package (POST /reception/dossier-packages, multipart).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dossier, DossierForwarding, ForwardDossierResult, Unit } from '@thidua/contract';
import { api, newIdempotencyKey, request } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';

export const transferKeys = {
  all: ['dossier-transfer'] as const,
  forwarding: (id: string) => ['dossier-transfer', 'forwarding', id] as const,
  units: ['dossier-transfer', 'units'] as const,
};

const path = (id: string, tail: string) => `/dossiers/${encodeURIComponent(id)}/${tail}`;

export function useForwarding(id: string) {
  return useQuery({
    queryKey: transferKeys.forwarding(id),
    queryFn: ({ signal }) => api.get<DossierForwarding>(path(id, 'forwarding'), undefined, signal),
  });
}

export function useForwardDossier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: { id: string; version: number }) =>
      api.post<ForwardDossierResult>(path(d.id, 'forward'), {}, { ifMatch: `"v${d.version}"` }),
    // The dossier, its chain and the desk's queues all change: read them again.
    onSettled: () => qc.invalidateQueries(),
  });
}

export function downloadPackage(id: string): Promise<string> {
  return downloadFile(path(id, 'package.zip'), `ho-so-de-nghi-${id}.zip`);
}

export function useUnitsForImport(enabled: boolean) {
  return useQuery({
    queryKey: transferKeys.units,
    queryFn: ({ signal }) => api.get<{ items: Unit[] }>('/units/tree', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useImportPackage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: { file: File; campaignId: string; unitId: string }) => {
      const form = new FormData();
      form.append('campaignId', input.campaignId);
      form.append('unitId', input.unitId);
      form.append('file', input.file, input.file.name);
      return (
        await request<Dossier>('/reception/dossier-packages', {
          method: 'POST',
          body: form,
          idempotencyKey: newIdempotencyKey(),
        })
      ).data;
    },
    onSettled: () => qc.invalidateQueries(),
  });
}
