/** GET /submissions/:id/review — the office's review per criterion beside the automatic evaluation, and the ETag its autosave sends back. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SubmissionReview } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { submissionKeys } from './keys.ts';

export interface ReviewWithEtag {
  review: SubmissionReview;
  etag: string;
}

export async function getReview(id: string, signal?: AbortSignal): Promise<ReviewWithEtag> {
  const res = await request<SubmissionReview>(`/submissions/${encodeURIComponent(id)}/review`, { signal });
  return { review: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function reviewQueryOptions(id: string) {
  // Always read afresh: another reviewer may have scored since.
  return queryOptions({
    queryKey: submissionKeys.review(id),
    queryFn: ({ signal }) => getReview(id, signal),
    refetchOnMount: 'always',
  });
}

export function useReview(id: string, enabled = true) {
  return useQuery({ ...reviewQueryOptions(id), enabled });
}
