/**
 * The signed-in council member's own meetings (GET /me/council-meetings) and their vote on a
 * proposal (POST /council-meetings/:id/my-votes); the list is read again after each vote.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingVote, MyCouncilMeetingList, MyVoteBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { councilKeys } from './keys.ts';

export function useMyMeetings() {
  return useQuery({
    queryKey: councilKeys.mine(),
    queryFn: ({ signal }) => api.get<MyCouncilMeetingList>('/me/council-meetings', undefined, signal),
  });
}

export function useCastMyVote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { meetingId: string; body: MyVoteBody; idempotencyKey: string }) =>
      api.post<MeetingVote>(`/council-meetings/${encodeURIComponent(v.meetingId)}/my-votes`, v.body, {
        idempotencyKey: v.idempotencyKey,
      }),
    onSettled: (_d, _e, v) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: councilKeys.mine() }),
        qc.invalidateQueries({ queryKey: councilKeys.meeting(v.meetingId) }),
      ]),
  });
}
