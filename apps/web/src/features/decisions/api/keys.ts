/** Query keys of postings, objections and decisions; invalidate through these. */
import type { DecisionStatus } from '@thidua/contract';

export interface DecisionListParams {
  campaignId?: string | undefined;
  status?: DecisionStatus | undefined;
  page: number;
  pageSize: number;
}

export const decisionKeys = {
  all: ['decisions'] as const,
  postings: (campaignId: string) => [...decisionKeys.all, 'postings', campaignId] as const,
  objections: (postingId: string) => [...decisionKeys.all, 'objections', postingId] as const,
  list: (params: DecisionListParams) => [...decisionKeys.all, 'list', params] as const,
  decision: (id: string) => [...decisionKeys.all, 'decision', id] as const,
  publicPosting: (campaignId: string) => [...decisionKeys.all, 'public', campaignId] as const,
};
