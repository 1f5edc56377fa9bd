/** PATCH /submissions/:id/review with If-Match — autosave of the criteria whose review changed; answers with the review and the new ETag. */
import type { ReviewChange, SubmissionReview } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import type { ReviewWithEtag } from './get-review.ts';

export async function updateReview(id: string, etag: string, criteria: ReviewChange[]): Promise<ReviewWithEtag> {
  const res = await request<SubmissionReview>(`/submissions/${encodeURIComponent(id)}/review`, {
    method: 'PATCH',
    body: { criteria },
    ifMatch: etag,
  });
  return { review: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}
