/** GET /jobs — background jobs, newest first (administrator). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { JobPage } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { jobKeys, type JobListParams } from './keys.ts';

export function getJobs(params: JobListParams, signal?: AbortSignal): Promise<JobPage> {
  return api.get('/jobs', { ...params }, signal);
}

export function jobsQueryOptions(params: JobListParams) {
  return queryOptions({
    queryKey: jobKeys.list(params),
    queryFn: ({ signal }) => getJobs(params, signal),
    placeholderData: keepPreviousData,
    // Jobs move by themselves: the page follows them while it is open.
    refetchInterval: 30_000,
  });
}

export function useJobs(params: JobListParams) {
  return useQuery(jobsQueryOptions(params));
}
