/** GET /users — accounts (admin only). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, User } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { userKeys, type UsersListParams } from './keys.ts';

export function getUsers(params: UsersListParams, signal?: AbortSignal): Promise<PageOf<User>> {
  return api.get('/users', { ...params }, signal);
}

export function usersQueryOptions(params: UsersListParams) {
  return queryOptions({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => getUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(params: UsersListParams) {
  return useQuery(usersQueryOptions(params));
}
