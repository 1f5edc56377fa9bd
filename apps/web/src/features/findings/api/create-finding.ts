/** POST /campaigns/:id/findings — the standing office records what an inspection found at a unit. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateFindingBody, Finding } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { findingKeys } from './keys.ts';

export interface CreateFindingInput {
  campaignId: string;
  body: CreateFindingBody;
  idempotencyKey: string;
}

export function createFinding({ campaignId, body, idempotencyKey }: CreateFindingInput): Promise<Finding> {
  return api.post(`/campaigns/${encodeURIComponent(campaignId)}/findings`, body, { idempotencyKey });
}

export function useCreateFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createFinding,
    onSettled: (_d, _e, { campaignId }) => qc.invalidateQueries({ queryKey: findingKeys.campaign(campaignId) }),
  });
}
