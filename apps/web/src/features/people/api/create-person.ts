/** POST /people — admin and secretariat for any unit; unit heads and officers for their own. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePersonBody, Person } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from './keys.ts';

export interface CreatePersonInput {
  body: CreatePersonBody;
  idempotencyKey: string;
}

export function createPerson({ body, idempotencyKey }: CreatePersonInput): Promise<Person> {
  return api.post('/people', body, { idempotencyKey });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
