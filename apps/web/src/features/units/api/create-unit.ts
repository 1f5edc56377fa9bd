/** POST /units (admin). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUnitBody, Unit } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { unitKeys } from './keys.ts';

export interface CreateUnitInput {
  body: CreateUnitBody;
  idempotencyKey: string;
}

export function createUnit({ body, idempotencyKey }: CreateUnitInput): Promise<Unit> {
  return api.post('/units', body, { idempotencyKey });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
