/** GET /submissions/:id — one self-assessment, every criterion with its answer and evaluation, and the ETag autosave sends back. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Submission } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { submissionKeys } from './keys.ts';

export interface SubmissionWithEtag {
  submission: Submission;
  etag: string;
}

export async function getSubmission(id: string, signal?: AbortSignal): Promise<SubmissionWithEtag> {
  const res = await request<Submission>(`/submissions/${encodeURIComponent(id)}`, { signal });
  return { submission: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function submissionQueryOptions(id: string) {
  // Opening the form or the review always reads afresh: another officer may have saved since.
  return queryOptions({
    queryKey: submissionKeys.detail(id),
    queryFn: ({ signal }) => getSubmission(id, signal),
    refetchOnMount: 'always',
  });
}

export function useSubmission(id: string) {
  return useQuery(submissionQueryOptions(id));
}
