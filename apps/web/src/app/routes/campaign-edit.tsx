/** /phong-trao/$campaignId/sua: the campaign editor (plan fields, attachments, criteria, scoring rules), for its authors. */
import { getRouteApi } from '@tanstack/react-router';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { CampaignEditor } from '../../features/campaigns/components/campaign-editor.tsx';
import { FileIdsField } from '../../features/files/components/file-ids-field.tsx';

const route = getRouteApi('/_app/phong-trao/$campaignId/sua');

export default function CampaignEditPage() {
  const { campaignId } = route.useParams();
  const { tab } = route.useSearch();
  const tree = useUnitTree();
  return (
    <CampaignEditor
      key={campaignId}
      campaignId={campaignId}
      units={tree.data?.items ?? []}
      Attachments={FileIdsField}
      initialTab={tab === 'tieu-chuan' ? 'criteria' : tab === 'cham-diem' ? 'scoring' : 'plan'}
    />
  );
}
