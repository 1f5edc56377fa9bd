/** /phong-trao/$campaignId/tu-danh-gia/$submissionId: one self-assessment as the standing office reviews it. */
import { useParams } from '@tanstack/react-router';
import { EvidenceField } from '../../features/files/components/evidence-field.tsx';
import { SubmissionReview } from '../../features/submissions/components/submission-review.tsx';

export default function SubmissionReviewPage() {
  const { campaignId, submissionId } = useParams({ strict: false }) as { campaignId: string; submissionId: string };
  return (
    <SubmissionReview key={submissionId} campaignId={campaignId} submissionId={submissionId} Evidence={EvidenceField} />
  );
}
