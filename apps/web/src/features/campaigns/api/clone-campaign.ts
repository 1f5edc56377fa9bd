/** POST /campaigns/:id/clone — a new draft with the same plan and criteria, dates moved to another year. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Campaign, CloneCampaignBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface CloneCampaignInput {
  id: string;
  body: CloneCampaignBody;
  idempotencyKey: string;
}

export function cloneCampaign({ id, body, idempotencyKey }: CloneCampaignInput): Promise<Campaign> {
  return api.post(`/campaigns/${encodeURIComponent(id)}/clone`, body, { idempotencyKey });
}

export function useCloneCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: cloneCampaign,
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.lists() }),
  });
}
