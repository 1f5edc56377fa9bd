/** POST /campaigns/:id/enrollments — a unit registers (or the standing office registers it) with a commitment. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEnrollmentBody, Enrollment } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface CreateEnrollmentInput {
  campaignId: string;
  body: CreateEnrollmentBody;
  idempotencyKey: string;
}

export function createEnrollment({ campaignId, body, idempotencyKey }: CreateEnrollmentInput): Promise<Enrollment> {
  return api.post(`/campaigns/${encodeURIComponent(campaignId)}/enrollments`, body, { idempotencyKey });
}

export function useCreateEnrollment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createEnrollment,
    onSuccess: (_data, { campaignId }) => qc.invalidateQueries({ queryKey: campaignKeys.participantsOf(campaignId) }),
  });
}
