/** PATCH /campaigns/:id/enrollments/:enrollmentId with If-Match — a changed commitment while the campaign is open. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Enrollment, UpdateEnrollmentBody } from '@thidua/contract';
import { api } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface UpdateEnrollmentInput {
  campaignId: string;
  enrollmentId: string;
  etag: string;
  body: UpdateEnrollmentBody;
}

export function updateEnrollment({ campaignId, enrollmentId, etag, body }: UpdateEnrollmentInput): Promise<Enrollment> {
  return api.patch(
    `/campaigns/${encodeURIComponent(campaignId)}/enrollments/${encodeURIComponent(enrollmentId)}`,
    body,
    etag,
  );
}

export function useUpdateEnrollment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateEnrollment,
    onSettled: (_data, _err, { campaignId }) =>
      qc.invalidateQueries({ queryKey: campaignKeys.participantsOf(campaignId) }),
  });
}
