/** GET /people — staff, searched on the server without diacritics, one page at a time. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Person } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys, type PeopleListParams } from './keys.ts';

export function getPeople(params: PeopleListParams, signal?: AbortSignal): Promise<PageOf<Person>> {
  return api.get('/people', { ...params, includeArchived: params.includeArchived || undefined }, signal);
}

export function peopleQueryOptions(params: PeopleListParams) {
  return queryOptions({
    queryKey: peopleKeys.list(params),
    queryFn: ({ signal }) => getPeople(params, signal),
    placeholderData: keepPreviousData, // paging keeps the table in place instead of flashing empty
  });
}

export function usePeople(params: PeopleListParams) {
  return useQuery(peopleQueryOptions(params));
}
