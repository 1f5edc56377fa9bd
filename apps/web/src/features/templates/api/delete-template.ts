/** DELETE /campaign-templates/:id — a saved template (bundled ones are read-only: 409). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { templateKeys } from './keys.ts';

export function deleteTemplate(id: string): Promise<{ ok: boolean }> {
  return api.delete(`/campaign-templates/${encodeURIComponent(id)}`);
}

export function useDeleteTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteTemplate,
    onSuccess: () => qc.invalidateQueries({ queryKey: templateKeys.all }),
  });
}
