/** POST /initiatives — a unit (or a staff member, as an author) records an initiative. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateInitiativeBody, Initiative } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { initiativeKeys } from './keys.ts';

export function createInitiative({
  body,
  idempotencyKey,
}: {
  body: CreateInitiativeBody;
  idempotencyKey: string;
}): Promise<Initiative> {
  return api.post('/initiatives', body, { idempotencyKey });
}

export function useCreateInitiative() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createInitiative,
    onSettled: () => qc.invalidateQueries({ queryKey: initiativeKeys.lists() }),
  });
}
