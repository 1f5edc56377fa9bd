/** POST /submissions/:id/return — the standing office sends it back with the reason. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Submission } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { submissionKeys } from './keys.ts';

export interface ReturnSubmissionInput {
  id: string;
  reason: string;
}

export async function returnSubmission({ id, reason }: ReturnSubmissionInput) {
  const res = await request<Submission>(`/submissions/${encodeURIComponent(id)}/return`, {
    method: 'POST',
    body: { reason },
  });
  return { submission: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function useReturnSubmission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: returnSubmission,
    onSuccess: (data) => qc.setQueryData(submissionKeys.detail(data.submission.id), data),
    onSettled: (data) =>
      data ? qc.invalidateQueries({ queryKey: submissionKeys.listsOf(data.submission.campaignId) }) : undefined,
  });
}
