/** POST /campaigns/:id/submissions — starts the unit's (or one's own) self-assessment. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateSubmissionBody, Submission } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { submissionKeys } from './keys.ts';

export interface CreateSubmissionInput {
  campaignId: string;
  body: CreateSubmissionBody;
  idempotencyKey: string;
}

export async function createSubmission({ campaignId, body, idempotencyKey }: CreateSubmissionInput) {
  const res = await request<Submission>(`/campaigns/${encodeURIComponent(campaignId)}/submissions`, {
    method: 'POST',
    body,
    idempotencyKey,
  });
  return { submission: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function useCreateSubmission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createSubmission,
    onSuccess: (data) => qc.setQueryData(submissionKeys.detail(data.submission.id), data),
    onSettled: (_d, _e, { campaignId }) => qc.invalidateQueries({ queryKey: submissionKeys.listsOf(campaignId) }),
  });
}
