/** /phong-trao/$campaignId: the campaign page (plan, timeline, criteria, participants, enrolment); its attached files through the files feature's widget. */
import { getRouteApi } from '@tanstack/react-router';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { CampaignDetails } from '../../features/campaigns/components/campaign-details.tsx';
import { FileIdsField } from '../../features/files/components/file-ids-field.tsx';

const route = getRouteApi('/_app/phong-trao/$campaignId');

export default function CampaignPage() {
  const { campaignId } = route.useParams();
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
