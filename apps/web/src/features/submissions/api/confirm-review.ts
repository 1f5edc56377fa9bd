/** POST /submissions/:id/review/confirm with If-Match — the second reviewer confirms the scores (four-eyes). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SubmissionReview } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import type { ReviewWithEtag } from './get-review.ts';
import { submissionKeys } from './keys.ts';

export async function confirmReview({ id, etag }: { id: string; etag: string }): Promise<ReviewWithEtag> {
  const res = await request<SubmissionReview>(`/submissions/${encodeURIComponent(id)}/review/confirm`, {
    method: 'POST',
    ifMatch: etag,
  });
  return { review: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function useConfirmReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: confirmReview,
    onSuccess: (data) => qc.setQueryData(submissionKeys.review(data.review.submissionId), data),
  });
}
