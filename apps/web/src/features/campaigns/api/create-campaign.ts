/** POST /campaigns — a draft, from a template (`templateId`) or from scratch. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Campaign, CreateCampaignBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface CreateCampaignInput {
  body: CreateCampaignBody;
  idempotencyKey: string;
}

export function createCampaign({ body, idempotencyKey }: CreateCampaignInput): Promise<Campaign> {
  return api.post('/campaigns', body, { idempotencyKey });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCampaign,
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.lists() }),
  });
}
