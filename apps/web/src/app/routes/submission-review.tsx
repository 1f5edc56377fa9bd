/** /phong-trao/$campaignId/tu-danh-gia/$submissionId: one self-assessment as the standing office reviews it. */
import { getRouteApi } from '@tanstack/react-router';
import { EvidenceField } from '../../features/files/components/evidence-field.tsx';
import { SubmissionReview } from '../../features/submissions/components/submission-review.tsx';

const route = getRouteApi('/_app/phong-trao/$campaignId/tu-danh-gia/$submissionId');

export default function SubmissionReviewPage() {
  const { campaignId, submissionId } = route.useParams();
  return (
    <SubmissionReview key={submissionId} campaignId={campaignId} submissionId={submissionId} Evidence={EvidenceField} />
  );
}
