/** GET /units/tree — every unit, depth-first in display order. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Unit } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { unitKeys } from './keys.ts';

export function getUnitTree(includeArchived: boolean, signal?: AbortSignal): Promise<{ items: Unit[] }> {
  return api.get('/units/tree', { includeArchived: includeArchived || undefined }, signal);
}

export function unitTreeQueryOptions(includeArchived = false) {
  return queryOptions({
    queryKey: unitKeys.tree(includeArchived),
    queryFn: ({ signal }) => getUnitTree(includeArchived, signal),
    staleTime: 5 * 60_000, // the tree changes rarely, and every write invalidates it
  });
}

export function useUnitTree(includeArchived = false) {
  return useQuery(unitTreeQueryOptions(includeArchived));
}
