/** POST /campaigns/:id/criteria — appends a criterion to a draft campaign. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateCriterionBody, Criterion } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface CreateCriterionInput {
  campaignId: string;
  body: CreateCriterionBody;
  idempotencyKey: string;
}

export function createCriterion({ campaignId, body, idempotencyKey }: CreateCriterionInput): Promise<Criterion> {
  return api.post(`/campaigns/${encodeURIComponent(campaignId)}/criteria`, body, { idempotencyKey });
}

export function useCreateCriterion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCriterion,
    onSuccess: (_data, { campaignId }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: campaignKeys.criteria(campaignId) }),
        qc.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
      ]),
  });
}
