/** GET /public/campaigns/:id/awards — a finalized campaign's awards, without sign-in (no amounts). */
import { useQuery } from '@tanstack/react-query';
import type { PublicAwardList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { awardKeys } from './keys.ts';

/** Asked only for a finalized campaign: before that the API answers 409 by design. */
export function usePublicAwards(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: awardKeys.public(campaignId),
    queryFn: ({ signal }): Promise<PublicAwardList> =>
      api.get(`/public/campaigns/${encodeURIComponent(campaignId)}/awards`, undefined, signal),
    enabled,
  });
}
