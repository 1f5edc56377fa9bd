/** POST /campaigns/:id/{open|close|reopen|finalize|archive} — an illegal move answers 409 with its reason. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Campaign, CampaignAction } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface TransitionCampaignInput {
  id: string;
  action: CampaignAction;
}

export function transitionCampaign({ id, action }: TransitionCampaignInput): Promise<Campaign> {
  return api.post(`/campaigns/${encodeURIComponent(id)}/${action}`);
}

export function useTransitionCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: transitionCampaign,
    // The status decides what every view of the campaign offers (criteria freeze, enrolment …).
    onSettled: (_data, _err, { id }) =>
      qc.invalidateQueries({
        queryKey: campaignKeys.all,
        predicate: (q) => q.queryKey.includes(id) || q.queryKey[1] === 'list',
      }),
  });
}
