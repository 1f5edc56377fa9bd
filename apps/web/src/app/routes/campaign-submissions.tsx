/** /phong-trao/$campaignId/tu-danh-gia: the standing office's list of a campaign's self-assessments. */
import { Alert, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaign } from '../../features/campaigns/api/get-campaign.ts';
import { SubmissionList } from '../../features/submissions/components/submission-list.tsx';
import { UnitStatesTable } from '../../features/progress/components/unit-states-table.tsx';

const route = getRouteApi('/_app/phong-trao/$campaignId/tu-danh-gia');

export default function CampaignSubmissionsPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const campaign = useCampaign(campaignId);
  return (
    <div>
      <Link to="/phong-trao/$campaignId" params={{ campaignId }} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {campaign.data?.campaign.title ?? t('campaigns.pages.detail.title')}
      </Link>
      <PageHeader
        title={t('submissions.pages.list.title')}
        subtitle={campaign.data ? `${campaign.data.campaign.number} · ${campaign.data.campaign.title}` : undefined}
      />
      {campaign.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : campaign.isError ? (
        <Alert type="error" showIcon title={problemMessage(campaign.error)} />
      ) : (
        <SubmissionList key={campaignId} campaignId={campaignId} AllUnits={UnitStatesTable} />
      )}
    </div>
  );
}
