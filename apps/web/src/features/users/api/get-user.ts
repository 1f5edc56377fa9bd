/** GET /users/:id — one account with the ETag a PATCH must send back. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';

export interface UserWithEtag {
  user: User;
  etag: string;
}

export async function getUser(id: string, signal?: AbortSignal): Promise<UserWithEtag> {
  const res = await request<User>(`/users/${encodeURIComponent(id)}`, { signal });
  return { user: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function userQueryOptions(id: string) {
  return queryOptions({ queryKey: userKeys.detail(id), queryFn: ({ signal }) => getUser(id, signal) });
}

export function useUser(id: string | null) {
  return useQuery({ ...userQueryOptions(id ?? ''), enabled: Boolean(id) });
}
