/** /phong-trao/$campaignId: the campaign page (plan, timeline, criteria, participants, enrolment); its attached files through the files feature's widget. */
import { useParams } from '@tanstack/react-router';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { CampaignDetails } from '../../features/campaigns/components/campaign-details.tsx';
import { FileIdsField } from '../../features/files/components/file-ids-field.tsx';

export default function CampaignPage() {
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const tree = useUnitTree();
  return (
    <CampaignDetails
      key={campaignId}
      campaignId={campaignId}
      units={tree.data?.items ?? []}
      Attachments={FileIdsField}
    />
  );
}
