/** The public side of a posting, without sign-in: the current list and the objection form. */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { CreateObjectionBody, ObjectionReceipt, PublicPosting } from '@thidua/contract';
import { api, isApiError } from '../../../lib/api-client.ts';
import { decisionKeys } from './keys.ts';

const enc = encodeURIComponent;

/** The campaign's current posting; null when it has none (404). */
export function usePublicPosting(campaignId: string) {
  return useQuery({
    queryKey: decisionKeys.publicPosting(campaignId),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<PublicPosting>(`/public/campaigns/${enc(campaignId)}/posting`, undefined, signal);
      } catch (err) {
        if (isApiError(err) && err.status === 404) return null;
        throw err;
      }
    },
    retry: false,
  });
}

export function useSendObjection(postingId: string) {
  return useMutation({
    mutationFn: (body: CreateObjectionBody) =>
      api.post<ObjectionReceipt>(`/public/postings/${enc(postingId)}/objections`, body),
  });
}
