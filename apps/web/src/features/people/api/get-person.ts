/** GET /people/:id — one staff member with the ETag a PATCH must send back. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Person } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { peopleKeys } from './keys.ts';

export interface PersonWithEtag {
  person: Person;
  etag: string;
}

export async function getPerson(id: string, signal?: AbortSignal): Promise<PersonWithEtag> {
  const res = await request<Person>(`/people/${encodeURIComponent(id)}`, { signal });
  return { person: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function personQueryOptions(id: string) {
  return queryOptions({ queryKey: peopleKeys.detail(id), queryFn: ({ signal }) => getPerson(id, signal) });
}

export function usePerson(id: string | null) {
  return useQuery({ ...personQueryOptions(id ?? ''), enabled: Boolean(id) });
}
