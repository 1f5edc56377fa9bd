/**
 * One meeting of the council: GET /council-meetings/:id and its actions (attendance, proposals,
 * open voting, a recorded vote, close); every answer is the meeting as it now stands, which
 * replaces the cached one. Also the received dossiers of the meeting's campaign to choose from,
 * and the minutes DOCX.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceBody,
  CouncilMeeting,
  DossierPage,
  MeetingVote,
  MyVoteBody,
  ProposalsBody,
  RecordVoteBody,
} from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { councilKeys } from './keys.ts';

const path = (id: string, tail = '') => `/council-meetings/${encodeURIComponent(id)}${tail}`;

export function useMeeting(id: string) {
  return useQuery({
    queryKey: councilKeys.meeting(id),
    queryFn: ({ signal }) => api.get<CouncilMeeting>(path(id), undefined, signal),
  });
}

function useMeetingMutation<V>(id: string, fn: (v: V) => Promise<CouncilMeeting>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (m) => qc.setQueryData(councilKeys.meeting(id), m),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: councilKeys.meeting(id) }),
        qc.invalidateQueries({ queryKey: [...councilKeys.all, 'received'] }),
        qc.invalidateQueries({ queryKey: [...councilKeys.all, 'meetings'] }),
      ]),
  });
}

export const useSetAttendance = (id: string) =>
  useMeetingMutation(id, (body: AttendanceBody) => api.put<CouncilMeeting>(path(id, '/attendance'), body));
export const useSetProposals = (id: string) =>
  useMeetingMutation(id, (body: ProposalsBody) => api.put<CouncilMeeting>(path(id, '/proposals'), body));
export const useOpenVoting = (id: string) =>
  useMeetingMutation(id, () => api.post<CouncilMeeting>(path(id, '/open-voting')));
export const useRecordVote = (id: string) =>
  useMeetingMutation(id, (v: { body: RecordVoteBody; idempotencyKey: string }) =>
    api.post<CouncilMeeting>(path(id, '/votes'), v.body, { idempotencyKey: v.idempotencyKey }),
  );
/** A member's own vote (POST /council-meetings/:id/my-votes); the meeting is read again after it. */
export function useMyVote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: MyVoteBody; idempotencyKey: string }) =>
      api.post<MeetingVote>(path(id, '/my-votes'), v.body, { idempotencyKey: v.idempotencyKey }),
    onSettled: () => qc.invalidateQueries({ queryKey: councilKeys.meeting(id) }),
  });
}
export const useCloseMeeting = (id: string) =>
  useMeetingMutation(id, () => api.post<CouncilMeeting>(path(id, '/close')));

/** The received dossiers of a campaign (those a meeting may take up), at most 100. */
export function useReceivedDossiers(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: councilKeys.received(campaignId),
    enabled,
    queryFn: ({ signal }) =>
      api.get<DossierPage>(
        `/campaigns/${encodeURIComponent(campaignId)}/dossiers`,
        { status: 'received', pageSize: 100 },
        signal,
      ),
  });
}

export function downloadMinutes(m: Pick<CouncilMeeting, 'id' | 'minutesNumber'>): Promise<string> {
  return downloadFile(
    path(m.id, '/minutes.docx'),
    `bien-ban-${m.minutesNumber?.replace(/\//g, '-') ?? 'du-thao'}.docx`,
  );
}
