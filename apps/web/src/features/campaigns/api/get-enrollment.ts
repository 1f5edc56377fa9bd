/** GET /campaigns/:id/enrollments/:enrollmentId — one enrolment with the ETag its PATCH needs. */
import { queryOptions } from '@tanstack/react-query';
import type { Enrollment } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import { campaignKeys } from './keys.ts';

export interface EnrollmentWithEtag {
  enrollment: Enrollment;
  etag: string;
}

export async function getEnrollment(
  campaignId: string,
  enrollmentId: string,
  signal?: AbortSignal,
): Promise<EnrollmentWithEtag> {
  const res = await request<Enrollment>(
    `/campaigns/${encodeURIComponent(campaignId)}/enrollments/${encodeURIComponent(enrollmentId)}`,
    { signal },
  );
  return { enrollment: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}

export function enrollmentQueryOptions(campaignId: string, enrollmentId: string) {
  return queryOptions({
    queryKey: campaignKeys.enrollment(campaignId, enrollmentId),
    queryFn: ({ signal }) => getEnrollment(campaignId, enrollmentId, signal),
    staleTime: 0,
  });
}
