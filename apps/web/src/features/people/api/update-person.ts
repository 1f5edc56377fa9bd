/** PATCH /people/:id with If-Match; archiving is `{archived: true}`. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person, UpdatePersonBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from './keys.ts';

export interface UpdatePersonInput {
  id: string;
  etag: string;
  body: UpdatePersonBody;
}

export function updatePerson({ id, etag, body }: UpdatePersonInput): Promise<Person> {
  return api.patch(`/people/${encodeURIComponent(id)}`, body, etag);
}

export function useUpdatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSettled: () => qc.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
