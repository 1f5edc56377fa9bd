/** POST /submissions/:id/accept — the standing office accepts it, with an optional comment. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Submission } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { submissionKeys } from './keys.ts';

export interface AcceptSubmissionInput {
  id: string;
  comment?: string | undefined;
}

export async function acceptSubmission({ id, comment }: AcceptSubmissionInput) {
  const res = await request<Submission>(`/submissions/${encodeURIComponent(id)}/accept`, {
    method: 'POST',
    body: comment ? { comment } : {},
  });
  return { submission: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function useAcceptSubmission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: acceptSubmission,
    onSuccess: (data) => qc.setQueryData(submissionKeys.detail(data.submission.id), data),
    onSettled: (data) =>
      data ? qc.invalidateQueries({ queryKey: submissionKeys.listsOf(data.submission.campaignId) }) : undefined,
  });
}
