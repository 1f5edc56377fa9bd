/**
 * GET / PUT /units/level-names — what each level of the unit tree is called, root first (e.g.
 * "Cấp tỉnh", "Cấp sở / xã"). Nothing in ThiĐua assumes a district level: the names are data.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LevelNames } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { unitKeys } from './keys.ts';

const levelNamesKey = [...unitKeys.all, 'level-names'] as const;

export function levelNamesOptions() {
  return queryOptions({
    queryKey: levelNamesKey,
    queryFn: ({ signal }) => api.get<LevelNames>('/units/level-names', undefined, signal),
  });
}

export function useLevelNames(enabled = true) {
  return useQuery({ ...levelNamesOptions(), enabled });
}

export function useUpdateLevelNames() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LevelNames) => api.put<LevelNames>('/units/level-names', body),
    // Every unit carries its level's name: the tree and the details are read again.
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
