/**
 * Public posting as the office works it: the campaign's postings (GET /campaigns/:id/postings),
 * publishing the approved list (POST), the objections of a posting and the answer to one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Objection, ObjectionList, Posting, PostingList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { decisionKeys } from './keys.ts';

const enc = encodeURIComponent;

export function usePostings(campaignId: string) {
  return useQuery({
    queryKey: decisionKeys.postings(campaignId),
    queryFn: ({ signal }) => api.get<PostingList>(`/campaigns/${enc(campaignId)}/postings`, undefined, signal),
  });
}

export function usePublishPosting(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { startsOn?: string }) => api.post<Posting>(`/campaigns/${enc(campaignId)}/postings`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}

export function useObjections(postingId: string | undefined) {
  return useQuery({
    queryKey: decisionKeys.objections(postingId ?? ''),
    queryFn: ({ signal }) => api.get<ObjectionList>(`/postings/${enc(postingId!)}/objections`, undefined, signal),
    enabled: Boolean(postingId),
  });
}

export function useAnswerObjection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: string }) =>
      api.post<Objection>(`/objections/${enc(id)}/answer`, { answer }),
    onSettled: () => qc.invalidateQueries({ queryKey: decisionKeys.all }),
  });
}
