/**
 * The councils and their members: GET /councils, POST /councils, PUT /councils/:id/members; the
 * meetings of a council (GET/POST /councils/:id/meetings); and what the dialogs pick from: the
 * authority's campaigns and people found by name.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Campaign,
  Council,
  CouncilMeeting,
  CouncilMembersBody,
  CouncilPage,
  CreateCouncilBody,
  CreateMeetingBody,
  MeetingSummaryList,
  PageOf,
  Person,
} from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { councilKeys } from './keys.ts';

const enc = encodeURIComponent;

export function useCouncils() {
  return useQuery({
    queryKey: councilKeys.list(),
    queryFn: ({ signal }) => api.get<CouncilPage>('/councils', { pageSize: 100 }, signal),
  });
}

export function useCreateCouncil() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: CreateCouncilBody; idempotencyKey: string }) =>
      api.post<Council>('/councils', v.body, { idempotencyKey: v.idempotencyKey }),
    onSettled: () => qc.invalidateQueries({ queryKey: councilKeys.list() }),
  });
}

export function useSetMembers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { councilId: string; members: CouncilMembersBody }) =>
      api.put<Council>(`/councils/${enc(v.councilId)}/members`, v.members),
    onSettled: () => qc.invalidateQueries({ queryKey: councilKeys.list() }),
  });
}

export function useMeetings(councilId: string) {
  return useQuery({
    queryKey: councilKeys.meetings(councilId),
    queryFn: ({ signal }) => api.get<MeetingSummaryList>(`/councils/${enc(councilId)}/meetings`, undefined, signal),
  });
}

export function useCreateMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { councilId: string; body: CreateMeetingBody; idempotencyKey: string }) =>
      api.post<CouncilMeeting>(`/councils/${enc(v.councilId)}/meetings`, v.body, { idempotencyKey: v.idempotencyKey }),
    onSuccess: (m) => qc.setQueryData(councilKeys.meeting(m.id), m),
    onSettled: (_m, _e, v) => qc.invalidateQueries({ queryKey: councilKeys.meetings(v.councilId) }),
  });
}

/** The campaigns of an authority that have been launched (a meeting considers their dossiers). */
export function useAuthorityCampaigns(authorityUnitId: string, enabled: boolean) {
  return useQuery({
    queryKey: councilKeys.campaigns(authorityUnitId),
    enabled,
    queryFn: async ({ signal }) => {
      const page = await api.get<PageOf<Campaign>>('/campaigns', { authorityUnitId, pageSize: 100 }, signal);
      return page.items.filter((c) => c.status !== 'draft');
    },
  });
}

/** People found by name (the server ignores diacritics), for the member picker. */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: councilKeys.people(q),
    queryFn: ({ signal }) => api.get<PageOf<Person>>('/people', { q: q || undefined, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}
