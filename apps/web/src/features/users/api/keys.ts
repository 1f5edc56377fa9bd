/** Query keys of the users (accounts) resource. */
import type { RoleName } from '@thidua/contract';

export interface UsersListParams {
  q?: string | undefined;
  role?: RoleName | undefined;
  disabled?: boolean | undefined;
  page: number;
  pageSize: number;
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (params: UsersListParams) => [...userKeys.lists(), params] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
};
