/**
 * GET /awards — one page of the register (the authority's roles: their units'; unit roles: their
 * unit's; staff: their own); GET /units/:id/awards and /people/:id/awards — a history; the XLSX.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AwardPage, AwardTypeList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { awardKeys, type AwardListParams } from './keys.ts';

export function getAwards(params: AwardListParams, signal?: AbortSignal): Promise<AwardPage> {
  return api.get('/awards', { ...params }, signal);
}

export function awardsQueryOptions(params: AwardListParams) {
  return queryOptions({
    queryKey: awardKeys.list(params),
    queryFn: ({ signal }) => getAwards(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAwards(params: AwardListParams) {
  return useQuery(awardsQueryOptions(params));
}

/** The award history of a unit or of a person. */
export function useAwardHistory(of: 'units' | 'people', id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: awardKeys.history(of, id, page, pageSize),
    queryFn: ({ signal }): Promise<AwardPage> =>
      api.get(`/${of}/${encodeURIComponent(id)}/awards`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The award types, for the register's filter. */
export function useAwardTypeOptions() {
  return useQuery({
    queryKey: awardKeys.types(),
    queryFn: ({ signal }): Promise<AwardTypeList> => api.get('/award-types', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** Downloads the register as XLSX with the list's filters (paging aside). */
export function downloadAwardsXlsx(params: Omit<AwardListParams, 'page' | 'pageSize'>): Promise<string> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const query = qs.toString();
  return downloadFile(`/awards.xlsx${query ? `?${query}` : ''}`, 'so-khen-thuong.xlsx');
}
