/**
 * /phong-trao/$campaignId/xep-hang: the scoreboard of a campaign (provisional until finalized), with
 * its target and grouping in the URL (?doi-tuong=ca-nhan&theo=khoi|cum&nhom=…) and its exports.
 */
import { Alert, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/problem.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaign } from '../../features/campaigns/api/get-campaign.ts';
import { ScoreboardView } from '../../features/scoreboard/components/scoreboard-view.tsx';
import type { ScoreboardParams } from '../../features/scoreboard/api/keys.ts';

const route = getRouteApi('/_app/phong-trao/$campaignId/xep-hang');

export default function CampaignScoreboardPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const campaign = useCampaign(campaignId);
  const params: ScoreboardParams = {
    target: search['doi-tuong'] === 'ca-nhan' ? 'individual' : 'collective',
    groupBy: search.theo === 'khoi' ? 'kind' : search.theo === 'cum' ? 'group' : 'none',
    group: search.nhom,
  };
  const onParamsChange = (p: ScoreboardParams) =>
    void navigate({
      to: '/phong-trao/$campaignId/xep-hang',
      params: { campaignId },
      search: {
        'doi-tuong': p.target === 'individual' ? 'ca-nhan' : undefined,
        theo: p.groupBy === 'kind' ? 'khoi' : p.groupBy === 'group' ? 'cum' : undefined,
        nhom: p.group,
      },
      replace: true,
    });
  return (
    <div data-testid="scoreboard-page">
      <Link to="/phong-trao/$campaignId" params={{ campaignId }} style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {campaign.data?.campaign.title ?? t('campaigns.pages.detail.title')}
      </Link>
      <PageHeader
        title={t('scoreboard.pages.board.title')}
        subtitle={campaign.data ? `${campaign.data.campaign.number} · ${campaign.data.campaign.title}` : undefined}
      />
      {campaign.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : campaign.isError ? (
        <Alert type="error" showIcon title={problemMessage(campaign.error)} />
      ) : (
        <ScoreboardView
          key={campaignId}
          campaignId={campaignId}
          params={params}
          onParamsChange={onParamsChange}
          individuals={campaign.data.campaign.participants.individualsTakePart}
        />
      )}
    </div>
  );
}
