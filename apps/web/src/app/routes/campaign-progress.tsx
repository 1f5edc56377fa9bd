/** /phong-trao/$campaignId/tien-do: the progress dashboard of a campaign; the table's filter lives in the URL (?trang-thai=). */
import { Alert, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaign } from '../../features/campaigns/api/get-campaign.ts';
import { ProgressDashboard } from '../../features/progress/components/progress-dashboard.tsx';

const route = getRouteApi('/_app/phong-trao/$campaignId/tien-do');

export default function CampaignProgressPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const campaign = useCampaign(campaignId);
  return (
    <div>
      <Link to="/phong-trao/$campaignId" params={{ campaignId }} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {campaign.data?.campaign.title ?? t('campaigns.pages.detail.title')}
      </Link>
      <PageHeader
        title={t('progress.pages.dashboard.title')}
        subtitle={campaign.data ? `${campaign.data.campaign.number} · ${campaign.data.campaign.title}` : undefined}
      />
      {campaign.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : campaign.isError ? (
        <Alert type="error" showIcon title={problemMessage(campaign.error)} />
      ) : (
        <ProgressDashboard
          key={campaignId}
          campaignId={campaignId}
          filter={search['trang-thai']}
          onFilterChange={(status) =>
            void navigate({
              to: '/phong-trao/$campaignId/tien-do',
              params: { campaignId },
              search: status ? { 'trang-thai': status } : {},
              replace: true,
            })
          }
        />
      )}
    </div>
  );
}
