/**
 * /cong-khai/phong-trao/$campaignId: a published campaign for anyone, without sign-in — its plan,
 * the timeline of its dates and its criteria grouped as the plan prints them, and the plan as DOCX;
 * once finalized, its scoreboard and its awards ("Kết quả khen thưởng").
 */
import { Alert, Button, Card, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format.ts';
import { problemMessage } from '../../lib/problem.ts';
import { CampaignTimeline } from '../../features/campaigns/components/campaign-timeline.tsx';
import { CampaignStatusTag } from '../../features/campaigns/components/campaign-status-tag.tsx';
import { CriteriaGroups } from '../../features/campaigns/components/criteria-groups.tsx';
import { PlanTextView } from '../../features/campaigns/components/plan-text.tsx';
import { publicPlanUrl, usePublicCampaign } from '../../features/public/api/get-public-campaign.ts';
import { PublicLayout } from '../../features/public/components/public-layout.tsx';
import { usePublicScoreboard } from '../../features/public/api/get-public-scoreboard.ts';
import { ScoreboardTable } from '../../features/scoreboard/components/scoreboard-table.tsx';
import { ScoreboardHeading } from '../../features/scoreboard/components/scoreboard-view.tsx';
import { PublicAwardsSection } from '../../features/awards/components/public-awards.tsx';
import { PublicPostingSection } from '../../features/decisions/components/public-posting.tsx';

const route = getRouteApi('/cong-khai/phong-trao/$campaignId');

export default function PublicCampaignPage() {
  const { t } = useTranslation();
  const { campaignId } = route.useParams();
  const { data, isPending, isError, error } = usePublicCampaign(campaignId);
  const board = usePublicScoreboard(campaignId, data?.status === 'finalized');

  const back = (
    <Link to="/cong-khai">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('campaigns.public.backToList')}
      </Button>
    </Link>
  );

  if (isPending) {
    return (
      <PublicLayout>
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </PublicLayout>
    );
  }
  if (isError) {
    return (
      <PublicLayout>
        {back}
        <Alert
          type={isApiError(error) && error.status === 404 ? 'warning' : 'error'}
          showIcon
          title={isApiError(error) && error.status === 404 ? t('campaigns.public.notFound') : problemMessage(error)}
        />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={data.title}>
      {back}
      <Flex vertical gap={16} data-testid="public-campaign">
        <Card>
          <Typography.Text type="secondary">{data.authorityName}</Typography.Text>
          <Typography.Title level={3} style={{ marginTop: 4 }} data-testid="public-campaign-title">
            {data.title}
          </Typography.Title>
          <Space wrap>
            <CampaignStatusTag status={data.status} upcoming={data.upcoming} />
            <Tag>{t('campaigns.list.numberLine', { number: data.number, authority: data.authorityName })}</Tag>
            <a href={publicPlanUrl(data.id)} download>
              <Button icon={<FileWordOutlined />}>{t('campaigns.actions.downloadPlan')}</Button>
            </a>
          </Space>
        </Card>
        {data.status === 'open' && data.upcoming && (
          <Alert
            type="info"
            showIcon
            data-testid="campaign-upcoming"
            title={t('campaigns.upcoming.publicNotice', { date: formatDate(data.startsOn) })}
          />
        )}
        <Card size="small" title={t('campaigns.details.timeline')}>
          <div style={{ overflowX: 'auto', paddingTop: 8 }}>
            <CampaignTimeline campaign={data} />
          </div>
        </Card>
        {data.status === 'finalized' && (
          <Card title={t('scoreboard.publicTitle')} data-testid="public-scoreboard">
            {board.isError ? (
              <Alert type="error" showIcon title={problemMessage(board.error)} />
            ) : (
              <Flex vertical gap={12}>
                {board.data && <ScoreboardHeading board={board.data} />}
                <ScoreboardTable board={board.data} loading={board.isPending} />
              </Flex>
            )}
          </Card>
        )}
        {data.status === 'finalized' && <PublicAwardsSection campaignId={data.id} />}
        {(data.status === 'closed' || data.status === 'finalized') && <PublicPostingSection campaignId={data.id} />}
        <Card title={t('campaigns.details.tabs.criteria', { count: data.criteria.length })}>
          <CriteriaGroups criteria={data.criteria} showScores={false} />
        </Card>
        <Card title={t('campaigns.details.tabs.plan')}>
          <PlanTextView
            plan={data}
            criteriaSlot={<Typography.Text type="secondary">{t('campaigns.public.criteriaAbove')}</Typography.Text>}
          />
        </Card>
      </Flex>
    </PublicLayout>
  );
}
