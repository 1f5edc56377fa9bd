/** Query keys of campaigns and what hangs off them (criteria, participants); invalidate through these. */
import type { CampaignStatus, EnrollmentFilter } from '@thidua/contract';

export interface CampaignListParams {
  q?: string | undefined;
  status?: CampaignStatus | undefined;
  page: number;
  pageSize: number;
}

export interface ParticipantListParams {
  status?: EnrollmentFilter | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  lists: () => [...campaignKeys.all, 'list'] as const,
  list: (params: CampaignListParams) => [...campaignKeys.lists(), params] as const,
  detail: (id: string) => [...campaignKeys.all, 'detail', id] as const,
  criteria: (id: string) => [...campaignKeys.all, 'criteria', id] as const,
  criterion: (id: string, criterionId: string) => [...campaignKeys.criteria(id), criterionId] as const,
  participantsOf: (id: string) => [...campaignKeys.all, 'participants', id] as const,
  participants: (id: string, params: ParticipantListParams) => [...campaignKeys.participantsOf(id), params] as const,
  enrollment: (id: string, enrollmentId: string) => [...campaignKeys.all, 'enrollment', id, enrollmentId] as const,
};
