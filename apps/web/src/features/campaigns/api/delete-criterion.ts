/** DELETE /campaigns/:id/criteria/:criterionId — only while the campaign is a draft. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface DeleteCriterionInput {
  campaignId: string;
  criterionId: string;
}

export function deleteCriterion({ campaignId, criterionId }: DeleteCriterionInput): Promise<{ ok: boolean }> {
  return api.delete(`/campaigns/${encodeURIComponent(campaignId)}/criteria/${encodeURIComponent(criterionId)}`);
}

export function useDeleteCriterion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteCriterion,
    onSettled: (_data, _err, { campaignId }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: campaignKeys.criteria(campaignId) }),
        qc.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
      ]),
  });
}
