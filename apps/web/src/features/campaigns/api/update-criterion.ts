/** PATCH /campaigns/:id/criteria/:criterionId with If-Match; once the campaign is open only guidance. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Criterion, UpdateCriterionBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface UpdateCriterionInput {
  campaignId: string;
  criterionId: string;
  etag: string;
  body: UpdateCriterionBody;
}

export function updateCriterion({ campaignId, criterionId, etag, body }: UpdateCriterionInput): Promise<Criterion> {
  return api.patch(
    `/campaigns/${encodeURIComponent(campaignId)}/criteria/${encodeURIComponent(criterionId)}`,
    body,
    etag,
  );
}

export function useUpdateCriterion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateCriterion,
    onSettled: (_data, _err, { campaignId }) => qc.invalidateQueries({ queryKey: campaignKeys.criteria(campaignId) }),
  });
}
