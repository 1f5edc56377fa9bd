/**
 * The dossier API as the unit uses it: lists (GET /campaigns/:id/dossiers, GET /dossiers), one
 * dossier, create (idempotent), change (If-Match), delete, documents (PUT with an uploaded file,
 * POST …/draft, DELETE) and submit. Each write answers the dossier, which replaces the cached one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CampaignAwardTypes,
  CreateDossierBody,
  Dossier,
  DossierDocumentKind,
  DossierPage,
  DraftDossierDocumentBody,
  Person,
} from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { dossierKeys, type DossierListParams } from './keys.ts';

const enc = encodeURIComponent;

export function useDossierList(params: DossierListParams) {
  const { campaignId, ...query } = params;
  return useQuery({
    queryKey: dossierKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<DossierPage>(campaignId ? `/campaigns/${enc(campaignId)}/dossiers` : '/dossiers', query, signal),
    placeholderData: (prev) => prev,
  });
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: dossierKeys.one(id),
    queryFn: ({ signal }) => api.get<Dossier>(`/dossiers/${enc(id)}`, undefined, signal),
  });
}

export function useCampaignAwardTypes(campaignId: string) {
  return useQuery({
    queryKey: dossierKeys.awardTypes(campaignId),
    queryFn: ({ signal }) =>
      api.get<CampaignAwardTypes>(`/campaigns/${enc(campaignId)}/award-types`, undefined, signal),
    staleTime: 60_000,
  });
}

export function useUnitPeople(unitId: string | null) {
  return useQuery({
    queryKey: dossierKeys.people(unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: Person[]; total: number }>('/people', { unitId: unitId ?? '', page: 1, pageSize: 100 }, signal),
    enabled: Boolean(unitId),
    staleTime: 5 * 60_000,
  });
}

/** A write that answers the dossier: the cache takes the answer, and the lists are read again. */
function useDossierWrite<V>(fn: (v: V) => Promise<Dossier>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(dossierKeys.one(d.id), d);
      return qc.invalidateQueries({ queryKey: [...dossierKeys.all, 'list'] });
    },
  });
}

export function useCreateDossier(campaignId: string) {
  return useDossierWrite((v: { body: CreateDossierBody; idempotencyKey: string }) =>
    api.post<Dossier>(`/campaigns/${enc(campaignId)}/dossiers`, v.body, { idempotencyKey: v.idempotencyKey }),
  );
}

export function useUpdateDossier() {
  return useDossierWrite((v: { id: string; version: number; achievement: string }) =>
    api.patch<Dossier>(`/dossiers/${enc(v.id)}`, { achievement: v.achievement }, `"v${v.version}"`),
  );
}

export function usePutDocument() {
  return useDossierWrite((v: { id: string; kind: DossierDocumentKind; fileId: string }) =>
    api.put<Dossier>(`/dossiers/${enc(v.id)}/documents/${v.kind}`, { fileId: v.fileId }),
  );
}

export function useDraftDocument() {
  return useDossierWrite((v: { id: string; kind: DossierDocumentKind; body?: DraftDossierDocumentBody }) =>
    api.post<Dossier>(`/dossiers/${enc(v.id)}/documents/${v.kind}/draft`, v.body ?? {}),
  );
}

export function useRemoveDocument() {
  return useDossierWrite((v: { id: string; kind: DossierDocumentKind }) =>
    api.delete<Dossier>(`/dossiers/${enc(v.id)}/documents/${v.kind}`),
  );
}

export function useSubmitDossier() {
  return useDossierWrite((v: { id: string }) => api.post<Dossier>(`/dossiers/${enc(v.id)}/submit`, {}));
}

export function useDeleteDossier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: boolean }>(`/dossiers/${enc(id)}`),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: dossierKeys.one(id) });
      return qc.invalidateQueries({ queryKey: [...dossierKeys.all, 'list'] });
    },
  });
}
