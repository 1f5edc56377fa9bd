/** Query keys of the background jobs list. */
import type { JobStatus } from '@thidua/contract';

export interface JobListParams {
  status?: JobStatus | undefined;
  kind?: string | undefined;
  page: number;
  pageSize: number;
}

export const jobKeys = {
  all: ['jobs'] as const,
  list: (params: JobListParams) => [...jobKeys.all, 'list', params] as const,
};
