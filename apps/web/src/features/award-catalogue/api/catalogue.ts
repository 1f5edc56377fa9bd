/**
 * The award catalogue's requests: award types, the authority matrix, base salaries, public holidays,
 * award settings per authority, blockers and a campaign's award types. Updates send the record's
 * ETag (built from its version, as the API issues it); creates an Idempotency-Key.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AwardBlocker,
  AwardBlockerList,
  AwardSettings,
  AwardType,
  AwardTypeList,
  BaseSalary,
  BaseSalaryList,
  CampaignAwardTypes,
  CreateAwardBlockerBody,
  CreateAwardTypeBody,
  CreateBaseSalaryBody,
  CreateGrantPowerBody,
  GrantPower,
  PublicHoliday,
  PublicHolidayList,
  PutAwardSettingsBody,
  PutCampaignAwardTypesBody,
  UpdateAwardTypeBody,
  UpdateBaseSalaryBody,
  UpdateGrantPowerBody,
} from '@thidua/contract';
import { api, request } from '../../../lib/api-client.ts';

export const etagOf = (version: number) => `"v${version}"`;

export const catalogueKeys = {
  all: ['award-catalogue'] as const,
  types: () => [...catalogueKeys.all, 'types'] as const,
  salaries: () => [...catalogueKeys.all, 'salaries'] as const,
  holidays: (year: number) => [...catalogueKeys.all, 'holidays', year] as const,
  settings: (unitId: string) => [...catalogueKeys.all, 'settings', unitId] as const,
  blockers: () => [...catalogueKeys.all, 'blockers'] as const,
  people: (unitId: string) => [...catalogueKeys.all, 'people', unitId] as const,
  campaign: (campaignId: string) => [...catalogueKeys.all, 'campaign', campaignId] as const,
};

// ── award types and grant powers ──

export function useAwardTypes() {
  return useQuery(
    queryOptions({
      queryKey: catalogueKeys.types(),
      queryFn: ({ signal }) => api.get<AwardTypeList>('/award-types', { includeArchived: true }, signal),
    }),
  );
}

function useInvalidating<A, R>(fn: (args: A) => Promise<R>, keys: readonly (readonly unknown[])[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

export function useCreateAwardType() {
  return useInvalidating(
    ({ body, idempotencyKey }: { body: CreateAwardTypeBody; idempotencyKey: string }) =>
      api.post<AwardType>('/award-types', body, { idempotencyKey }),
    [catalogueKeys.types()],
  );
}

export function useUpdateAwardType() {
  return useInvalidating(
    ({ id, version, body }: { id: string; version: number; body: UpdateAwardTypeBody }) =>
      api.patch<AwardType>(`/award-types/${encodeURIComponent(id)}`, body, etagOf(version)),
    [catalogueKeys.types()],
  );
}

export function useCreateGrantPower() {
  return useInvalidating(
    ({ body, idempotencyKey }: { body: CreateGrantPowerBody; idempotencyKey: string }) =>
      api.post<GrantPower>('/grant-powers', body, { idempotencyKey }),
    [catalogueKeys.types()],
  );
}

export function useUpdateGrantPower() {
  return useInvalidating(
    ({ id, version, body }: { id: string; version: number; body: UpdateGrantPowerBody }) =>
      api.patch<GrantPower>(`/grant-powers/${encodeURIComponent(id)}`, body, etagOf(version)),
    [catalogueKeys.types()],
  );
}

export function useDeleteGrantPower() {
  return useInvalidating(
    (id: string) => api.delete<{ ok: boolean }>(`/grant-powers/${encodeURIComponent(id)}`),
    [catalogueKeys.types()],
  );
}

// ── base salaries ──

export function useBaseSalaries() {
  return useQuery({
    queryKey: catalogueKeys.salaries(),
    queryFn: ({ signal }) => api.get<BaseSalaryList>('/base-salaries', undefined, signal),
  });
}

export function useCreateBaseSalary() {
  return useInvalidating(
    ({ body, idempotencyKey }: { body: CreateBaseSalaryBody; idempotencyKey: string }) =>
      api.post<BaseSalary>('/base-salaries', body, { idempotencyKey }),
    [catalogueKeys.salaries()],
  );
}

export function useUpdateBaseSalary() {
  return useInvalidating(
    ({ id, version, body }: { id: string; version: number; body: UpdateBaseSalaryBody }) =>
      api.patch<BaseSalary>(`/base-salaries/${encodeURIComponent(id)}`, body, etagOf(version)),
    [catalogueKeys.salaries()],
  );
}

export function useDeleteBaseSalary() {
  return useInvalidating(
    (id: string) => api.delete<{ ok: boolean }>(`/base-salaries/${encodeURIComponent(id)}`),
    [catalogueKeys.salaries()],
  );
}

// ── public holidays ──

export function useHolidays(year: number) {
  return useQuery({
    queryKey: catalogueKeys.holidays(year),
    queryFn: ({ signal }) => api.get<PublicHolidayList>('/public-holidays', { year }, signal),
  });
}

export function usePutHoliday() {
  return useInvalidating(
    ({ date, name }: { date: string; name: string }) => api.put<PublicHoliday>(`/public-holidays/${date}`, { name }),
    [[...catalogueKeys.all, 'holidays']],
  );
}

export function useDeleteHoliday() {
  return useInvalidating(
    (date: string) => api.delete<{ ok: boolean }>(`/public-holidays/${date}`),
    [[...catalogueKeys.all, 'holidays']],
  );
}

// ── award settings ──

export function useAwardSettings(unitId: string | null) {
  return useQuery({
    queryKey: catalogueKeys.settings(unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<AwardSettings>(`/authorities/${encodeURIComponent(unitId!)}/award-settings`, undefined, signal),
    enabled: Boolean(unitId),
  });
}

export function usePutAwardSettings() {
  return useInvalidating(
    async ({ unitId, version, body }: { unitId: string; version: number; body: PutAwardSettingsBody }) =>
      (
        await request<AwardSettings>(`/authorities/${encodeURIComponent(unitId)}/award-settings`, {
          method: 'PUT',
          body,
          ifMatch: etagOf(version),
        })
      ).data,
    [[...catalogueKeys.all, 'settings']],
  );
}

// ── blockers ──

export interface BlockerFilter {
  open?: boolean | undefined;
  unitId?: string | undefined;
}

export function useBlockers(filter: BlockerFilter) {
  return useQuery({
    queryKey: [...catalogueKeys.blockers(), filter],
    queryFn: ({ signal }) => api.get<AwardBlockerList>('/award-blockers', { ...filter }, signal),
  });
}

export function useCreateBlocker() {
  return useInvalidating(
    ({ body, idempotencyKey }: { body: CreateAwardBlockerBody; idempotencyKey: string }) =>
      api.post<AwardBlocker>('/award-blockers', body, { idempotencyKey }),
    [catalogueKeys.blockers()],
  );
}

export function useLiftBlocker() {
  return useInvalidating(
    ({ id, reason }: { id: string; reason: string }) =>
      api.post<AwardBlocker>(`/award-blockers/${encodeURIComponent(id)}/lift`, { reason }),
    [catalogueKeys.blockers()],
  );
}

/** A unit's staff, to choose the person a blocker is on. */
export function useUnitStaff(unitId: string | null) {
  return useQuery({
    queryKey: catalogueKeys.people(unitId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; fullName: string; position: string | null }[] }>(
        '/people',
        { unitId, page: 1, pageSize: 100 },
        signal,
      ),
    enabled: Boolean(unitId),
    staleTime: 5 * 60_000,
  });
}

// ── a campaign's award types ──

export function useCampaignAwardTypes(campaignId: string) {
  return useQuery({
    queryKey: catalogueKeys.campaign(campaignId),
    queryFn: ({ signal }) =>
      api.get<CampaignAwardTypes>(`/campaigns/${encodeURIComponent(campaignId)}/award-types`, undefined, signal),
  });
}

export function usePutCampaignAwardTypes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({
      campaignId,
      version,
      body,
    }: {
      campaignId: string;
      version: number;
      body: PutCampaignAwardTypesBody;
    }) =>
      (
        await request<CampaignAwardTypes>(`/campaigns/${encodeURIComponent(campaignId)}/award-types`, {
          method: 'PUT',
          body,
          ifMatch: etagOf(version),
        })
      ).data,
    // The campaign's version moved: its own queries (the campaigns feature's) are refetched too.
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: catalogueKeys.all }),
        qc.invalidateQueries({ queryKey: ['campaigns'] }),
      ]),
  });
}
