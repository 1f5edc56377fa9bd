/** DELETE /campaigns/:id — a draft, with its criteria (other statuses answer 409 campaign.not_draft). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export function deleteCampaign(id: string): Promise<{ ok: boolean }> {
  return api.delete(`/campaigns/${encodeURIComponent(id)}`);
}

export function useDeleteCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteCampaign,
    onSuccess: (_data, id) => {
      qc.removeQueries({ queryKey: campaignKeys.detail(id) });
      return qc.invalidateQueries({ queryKey: campaignKeys.lists() });
    },
  });
}
