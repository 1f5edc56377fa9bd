/**
 * /tu-danh-gia/$submissionId: the self-assessment form. The criteria's guidance comes from the
 * campaign's criteria (campaigns feature); the evidence widget from the files feature.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { criteriaQueryOptions } from '../../features/campaigns/api/get-criteria.ts';
import { EvidenceField } from '../../features/files/components/evidence-field.tsx';
import { useSubmission } from '../../features/submissions/api/get-submission.ts';
import { SelfAssessmentForm } from '../../features/submissions/components/self-assessment-form.tsx';

const route = getRouteApi('/_app/tu-danh-gia/$submissionId');

export default function SelfAssessmentPage() {
  const { submissionId } = route.useParams();
  const submission = useSubmission(submissionId);
  const campaignId = submission.data?.submission.campaignId;
  const criteria = useQuery({ ...criteriaQueryOptions(campaignId ?? ''), enabled: Boolean(campaignId) });
  const guidance = useMemo(() => new Map((criteria.data?.items ?? []).map((c) => [c.id, c.guidance])), [criteria.data]);
  return (
    <SelfAssessmentForm key={submissionId} submissionId={submissionId} guidance={guidance} Evidence={EvidenceField} />
  );
}
