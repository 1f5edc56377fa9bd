/** /phong-trao/$campaignId/sua: the campaign editor (plan fields, attachments and criteria), for its authors. */
import { useParams, useSearch } from '@tanstack/react-router';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';
import { CampaignEditor } from '../../features/campaigns/components/campaign-editor.tsx';
import { FileIdsField } from '../../features/files/components/file-ids-field.tsx';

export default function CampaignEditPage() {
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const search = useSearch({ strict: false }) as { tab?: string };
  const tree = useUnitTree();
  return (
    <CampaignEditor
      key={campaignId}
      campaignId={campaignId}
      units={tree.data?.items ?? []}
      Attachments={FileIdsField}
      initialTab={search.tab === 'tieu-chuan' ? 'criteria' : 'plan'}
    />
  );
}
