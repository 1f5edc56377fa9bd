/** Query keys of self-assessments, their review and their versions; invalidate through these. */
import type { CriterionTarget, SubmissionStatus } from '@thidua/contract';

export interface SubmissionListParams {
  q?: string | undefined;
  status?: SubmissionStatus | undefined;
  target?: CriterionTarget | undefined;
  page: number;
  pageSize: number;
}

export const submissionKeys = {
  all: ['submissions'] as const,
  listsOf: (campaignId: string) => [...submissionKeys.all, 'list', campaignId] as const,
  list: (campaignId: string, params: SubmissionListParams) => [...submissionKeys.listsOf(campaignId), params] as const,
  detail: (id: string) => [...submissionKeys.all, 'detail', id] as const,
  review: (id: string) => [...submissionKeys.all, 'review', id] as const,
  versions: (id: string) => [...submissionKeys.all, 'versions', id] as const,
  version: (id: string, n: number) => [...submissionKeys.versions(id), n] as const,
};
