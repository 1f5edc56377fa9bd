/** GET /submissions/:id/versions/:n — one submitted version as it was sent (frozen answers, evaluations, files). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SubmissionVersion } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { submissionKeys } from './keys.ts';

export function getVersion(id: string, n: number, signal?: AbortSignal): Promise<SubmissionVersion> {
  return api.get(`/submissions/${encodeURIComponent(id)}/versions/${n}`, undefined, signal);
}

export function versionQueryOptions(id: string, n: number) {
  return queryOptions({
    queryKey: submissionKeys.version(id, n),
    queryFn: ({ signal }) => getVersion(id, n, signal),
    staleTime: Infinity, // a submitted version never changes
  });
}

export function useVersion(id: string, n: number | null) {
  return useQuery({ ...versionQueryOptions(id, n ?? 0), enabled: n !== null });
}
