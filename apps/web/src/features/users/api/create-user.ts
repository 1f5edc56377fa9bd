/** POST /users — a new account with its roles (unit roles name their unit). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, User } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { userKeys } from './keys.ts';

export interface CreateUserInput {
  body: CreateUserBody;
  idempotencyKey: string;
}

export function createUser({ body, idempotencyKey }: CreateUserInput): Promise<User> {
  return api.post('/users', body, { idempotencyKey });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }) });
}
