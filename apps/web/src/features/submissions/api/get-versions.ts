/** GET /submissions/:id/versions — the submitted versions, oldest first. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SubmissionVersionList } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { submissionKeys } from './keys.ts';

export function getVersions(id: string, signal?: AbortSignal): Promise<SubmissionVersionList> {
  return api.get(`/submissions/${encodeURIComponent(id)}/versions`, undefined, signal);
}

export function versionsQueryOptions(id: string) {
  return queryOptions({ queryKey: submissionKeys.versions(id), queryFn: ({ signal }) => getVersions(id, signal) });
}

export function useVersions(id: string) {
  return useQuery(versionsQueryOptions(id));
}
