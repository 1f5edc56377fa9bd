/**
 * PATCH /users/:id with If-Match: name, roles, disable/enable, password reset. A role change,
 * disabling or a reset ends the account's sessions on the server.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserBody, User } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';

export interface UpdateUserInput {
  id: string;
  etag: string;
  body: UpdateUserBody;
}

export function updateUser({ id, etag, body }: UpdateUserInput): Promise<User> {
  return api.patch(`/users/${encodeURIComponent(id)}`, body, etag);
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSettled: () => qc.invalidateQueries({ queryKey: userKeys.all }) });
}
