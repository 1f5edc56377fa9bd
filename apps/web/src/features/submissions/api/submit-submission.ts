/** POST /submissions/:id/submit — the head (or the person) sends it; 409 lists missing evidence in errors[]. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Submission } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { submissionKeys } from './keys.ts';

export async function submitSubmission(id: string) {
  const res = await request<Submission>(`/submissions/${encodeURIComponent(id)}/submit`, { method: 'POST' });
  return { submission: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function useSubmitSubmission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: submitSubmission,
    onSuccess: (data) => qc.setQueryData(submissionKeys.detail(data.submission.id), data),
    onSettled: (data, _e, id) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: submissionKeys.versions(id) }),
        data ? qc.invalidateQueries({ queryKey: submissionKeys.listsOf(data.submission.campaignId) }) : undefined,
      ]),
  });
}
