/** GET /units/:id — one unit with its ETag, which a PATCH must send back in If-Match. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Unit } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { unitKeys } from './keys.ts';

export interface UnitWithEtag {
  unit: Unit;
  etag: string;
}

export async function getUnit(id: string, signal?: AbortSignal): Promise<UnitWithEtag> {
  const res = await request<Unit>(`/units/${encodeURIComponent(id)}`, { signal });
  return { unit: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function unitQueryOptions(id: string) {
  return queryOptions({
    queryKey: unitKeys.detail(id),
    queryFn: ({ signal }) => getUnit(id, signal),
  });
}

export function useUnit(id: string | null) {
  return useQuery({ ...unitQueryOptions(id ?? ''), enabled: Boolean(id) });
}
