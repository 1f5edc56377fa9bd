/**
 * PUT /campaigns/:id/criteria/order — every criterion id once, in the new order. The list is
 * reordered in the cache at once (optimistically) so the row moves under the pointer, and put back
 * if the server refuses.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CriterionList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface ReorderCriteriaInput {
  campaignId: string;
  ids: string[];
}

export function reorderCriteria({ campaignId, ids }: ReorderCriteriaInput): Promise<CriterionList> {
  return api.put(`/campaigns/${encodeURIComponent(campaignId)}/criteria/order`, { ids });
}

export function useReorderCriteria() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: reorderCriteria,
    onMutate: async ({ campaignId, ids }) => {
      const key = campaignKeys.criteria(campaignId);
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<CriterionList>(key);
      if (before) {
        const byId = new Map(before.items.map((c) => [c.id, c]));
        const items = ids.flatMap((id, order) => {
          const c = byId.get(id);
          return c ? [{ ...c, order }] : [];
        });
        qc.setQueryData<CriterionList>(key, { items });
      }
      return { before };
    },
    onError: (_err, { campaignId }, context) => {
      if (context?.before) qc.setQueryData(campaignKeys.criteria(campaignId), context.before);
    },
    onSuccess: (data, { campaignId }) => qc.setQueryData(campaignKeys.criteria(campaignId), data),
  });
}
