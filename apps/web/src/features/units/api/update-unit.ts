/** PATCH /units/:id with If-Match (admin); archiving is `{archived: true}`. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Unit, UpdateUnitBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { unitKeys } from './keys.ts';

export interface UpdateUnitInput {
  id: string;
  etag: string;
  body: UpdateUnitBody;
}

export function updateUnit({ id, etag, body }: UpdateUnitInput): Promise<Unit> {
  return api.patch(`/units/${encodeURIComponent(id)}`, body, etag);
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateUnit,
    // A 412 means someone else changed the unit: refetching gives the form the current version.
    onSettled: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
