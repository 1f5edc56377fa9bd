/** GET /people?unitId= — a unit's staff, to choose an initiative's authors from. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Person } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { initiativeKeys } from './keys.ts';

export function getUnitPeople(unitId: string, signal?: AbortSignal): Promise<{ items: Person[]; total: number }> {
  return api.get('/people', { unitId, page: 1, pageSize: 100 }, signal);
}

export function unitPeopleQueryOptions(unitId: string) {
  return queryOptions({
    queryKey: initiativeKeys.people(unitId),
    queryFn: ({ signal }) => getUnitPeople(unitId, signal),
    staleTime: 5 * 60_000,
  });
}

export function useUnitPeople(unitId: string | null) {
  return useQuery({ ...unitPeopleQueryOptions(unitId ?? ''), enabled: Boolean(unitId) });
}
