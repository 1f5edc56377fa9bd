/** PATCH /campaigns/:id with If-Match: drafts change freely, open or closed ones only a few fields. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Campaign, UpdateCampaignBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface UpdateCampaignInput {
  id: string;
  etag: string;
  body: UpdateCampaignBody;
}

export function updateCampaign({ id, etag, body }: UpdateCampaignInput): Promise<Campaign> {
  return api.patch(`/campaigns/${encodeURIComponent(id)}`, body, etag);
}

export function useUpdateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateCampaign,
    onSettled: (_data, _err, { id }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: campaignKeys.detail(id) }),
        qc.invalidateQueries({ queryKey: campaignKeys.lists() }),
        // Participants follow the campaign's unit kinds and named units.
        qc.invalidateQueries({ queryKey: campaignKeys.participantsOf(id) }),
      ]),
  });
}
