/**
 * The staff an account can be linked to: GET /people searched as it is typed (no accents needed),
 * and GET /people/:id for the person already linked, whose name the picker shows before any search.
 * The account screen asks for these itself rather than through the people feature, which it does
 * not depend on.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, Person } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';

export function peopleToLinkOptions(q: string) {
  return queryOptions({
    queryKey: [...userKeys.all, 'people-to-link', q] as const,
    queryFn: ({ signal }) => api.get<PageOf<Person>>('/people', { q, pageSize: 20, page: 1 }, signal),
    staleTime: 30_000,
  });
}

export function usePeopleToLink(q: string, enabled: boolean) {
  return useQuery({ ...peopleToLinkOptions(q), enabled });
}

export function useLinkedPerson(id: string | null | undefined) {
  return useQuery({
    queryKey: [...userKeys.all, 'linked-person', id ?? ''] as const,
    queryFn: ({ signal }) => api.get<Person>(`/people/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 30_000,
  });
}
