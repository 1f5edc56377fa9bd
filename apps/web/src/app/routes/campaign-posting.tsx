/** /phong-trao/$campaignId/niem-yet: public posting of the campaign's approved list, its objections, and the way to the decision. */
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaign } from '../../features/campaigns/api/get-campaign.ts';
import { PostingPanel } from '../../features/decisions/components/posting-panel.tsx';
import { useDecisionsTranslation } from '../../features/decisions/locales/register.ts';

const route = getRouteApi('/_app/phong-trao/$campaignId/niem-yet');

export default function CampaignPostingPage() {
  const { t } = useDecisionsTranslation();
  const { campaignId } = route.useParams();
  const campaign = useCampaign(campaignId).data?.campaign;
  return (
    <div>
      <Link to="/phong-trao/$campaignId" params={{ campaignId }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {campaign?.title ?? ''}
        </Button>
      </Link>
      <PageHeader title={t('decisions.pages.posting.title')} subtitle={campaign?.title} />
      <PostingPanel campaignId={campaignId} authorityUnitId={campaign?.authorityUnitId} />
    </div>
  );
}
