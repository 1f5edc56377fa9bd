/**
 * The campaign page: number, title, status and the moves the user may make; the timeline of its
 * dates with today marked; general information with the attached files (the signed plan …, each
 * downloadable); the unit's own enrolment for unit roles; then the criteria grouped as the plan
 * prints them, the plan's text, and the participating units.
 */
import { useMemo, useState, type ComponentType } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { BarChartOutlined, FormOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { Campaign, Unit } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { canUser, holdsWidely } from '../../../lib/permissions.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCampaign } from '../api/get-campaign.ts';
import { useCriteria } from '../api/get-criteria.ts';
import { enrollingUnits } from '../utils/campaign.ts';
import type { AttachmentsSlot } from '../../../components/file-slots.ts';
import { CampaignActions } from './campaign-actions.tsx';
import { CampaignStatusTag } from './campaign-status-tag.tsx';
import { CampaignTimeline } from './campaign-timeline.tsx';
import { CriteriaGroups } from './criteria-groups.tsx';
import { ParticipantsPanel } from './participants-panel.tsx';
import { PlanTextView } from './plan-text.tsx';
import { ScoringSummary } from './scoring-summary.tsx';
import { UnitEnrollmentCard } from './unit-enrollment-card.tsx';
import { UpcomingNotice } from './upcoming-notice.tsx';

interface Props {
  campaignId: string;
  /** Every unit (to name the participating units); may be empty while it loads. */
  units: readonly Unit[];
  /** The file widget that lists the attached files (from the files feature). */
  Attachments: AttachmentsSlot;
  /**
   * The user's own self-assessment of this campaign, start or continue (from the submissions
   * feature), shown under the unit's enrolment so that enrolling leads straight on to it.
   */
  SelfAssessment?: ComponentType<{ campaign: Campaign }>;
}

type TabKey = 'criteria' | 'plan' | 'scoring' | 'participants';

export function CampaignDetails({ campaignId, units, Attachments, SelfAssessment }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const campaignQuery = useCampaign(campaignId);
  const criteriaQuery = useCriteria(campaignId);
  const [tab, setTab] = useState<TabKey>('criteria');
  const myUnits = useMemo(() => enrollingUnits(user), [user]);
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  if (campaignQuery.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (campaignQuery.isError) return <Alert type="error" showIcon title={problemMessage(campaignQuery.error)} />;

  const { campaign } = campaignQuery.data;
  const criteria = criteriaQuery.data?.items ?? [];
  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  const criteriaTab = criteriaQuery.isPending ? (
    <Skeleton active paragraph={{ rows: 6 }} />
  ) : criteriaQuery.isError ? (
    <Alert type="error" showIcon title={problemMessage(criteriaQuery.error)} />
  ) : (
    <CriteriaGroups criteria={criteria} />
  );

  return (
    <div data-testid="campaign-page">
      <PageHeader
        title={
          <Space align="start" wrap>
            <span data-testid="campaign-title">{campaign.title}</span>
            <CampaignStatusTag status={campaign.status} upcoming={campaign.upcoming} />
          </Space>
        }
        subtitle={t('campaigns.details.subtitle', { number: campaign.number, authority: campaign.authorityName })}
        extra={
          <Space wrap>
            {/* The units' self-assessments (submissions feature), for those who read them beyond their
                own unit (the page's own guard, pages.tsx); drafts never reach the office. */}
            {campaign.status !== 'draft' && holdsWidely(user, 'submission.read') && (
              <Link to="/phong-trao/$campaignId/tu-danh-gia" params={{ campaignId: campaign.id }}>
                <Button icon={<FormOutlined />} data-testid="campaign-submissions-link">
                  {t('submissions.pages.list.title')}
                </Button>
              </Link>
            )}
            {/* The progress dashboard (progress feature): the whole campaign for the office and the
                leadership, a unit's own line for its officer and head. */}
            {campaign.status !== 'draft' && canUser(user, 'dashboard.read') && (
              <Link to="/phong-trao/$campaignId/tien-do" params={{ campaignId: campaign.id }}>
                <Button icon={<BarChartOutlined />} data-testid="campaign-progress-link">
                  {t('progress.pages.dashboard.title')}
                </Button>
              </Link>
            )}
            {/* The scoreboard (scoreboard feature): provisional until finalized, for the authority's roles. */}
            {campaign.status !== 'draft' && canUser(user, 'scoreboard.read') && (
              <Link to="/phong-trao/$campaignId/xep-hang" params={{ campaignId: campaign.id }}>
                <Button icon={<TrophyOutlined />} data-testid="campaign-scoreboard-link">
                  {t('scoreboard.pages.board.title')}
                </Button>
              </Link>
            )}
            <CampaignActions campaign={campaign} />
          </Space>
        }
      />
      <Flex vertical gap={16}>
        {campaign.status === 'open' && campaign.upcoming && <UpcomingNotice campaign={campaign} />}
        <Card size="small" title={t('campaigns.details.timeline')}>
          <div style={{ overflowX: 'auto', paddingTop: 8 }}>
            <CampaignTimeline campaign={campaign} />
          </div>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={myUnits.length > 0 ? 14 : 24}>
            <Card size="small" title={t('campaigns.details.general')} style={{ height: '100%' }}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('campaigns.fields.number')}>{campaign.number}</Descriptions.Item>
                <Descriptions.Item label={t('campaigns.fields.issuedOn')}>
                  {campaign.issuedOn ? formatDate(campaign.issuedOn) : t('campaigns.timeline.undated.issuedOn')}
                </Descriptions.Item>
                <Descriptions.Item label={t('campaigns.fields.authority')}>{campaign.authorityName}</Descriptions.Item>
                <Descriptions.Item label={t('campaigns.fields.criteriaCount')}>
                  {formatNumber(campaign.criteriaCount)}
                </Descriptions.Item>
                <Descriptions.Item label={t('campaigns.fields.participantKinds')} span={2}>
                  {campaign.participants.kinds.length > 0 ? (
                    <Space size={[4, 4]} wrap>
                      {campaign.participants.kinds.map((k) => (
                        <Tag key={k}>{t(`unitKinds.${k}`)}</Tag>
                      ))}
                    </Space>
                  ) : (
                    dash
                  )}
                </Descriptions.Item>
                {campaign.participants.unitIds.length > 0 && (
                  <Descriptions.Item label={t('campaigns.fields.participantUnits')} span={2}>
                    {campaign.participants.unitIds.map((id) => unitNames.get(id) ?? id).join('; ')}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('campaigns.fields.individualsTakePart')} span={2}>
                  {campaign.participants.individualsTakePart ? t('campaigns.details.yes') : t('campaigns.details.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('campaigns.fields.attachmentFileIds')} span={2}>
                  <Attachments
                    value={campaign.attachmentFileIds}
                    emptyText={t('campaigns.details.noAttachments')}
                    testId="campaign-attachments"
                  />
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          {myUnits.length > 0 && (
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <UnitEnrollmentCard campaign={campaign} unitIds={myUnits} />
                {SelfAssessment && <SelfAssessment campaign={campaign} />}
              </Flex>
            </Col>
          )}
        </Row>
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as TabKey)}
            items={[
              {
                key: 'criteria',
                label: t('campaigns.details.tabs.criteria', { count: criteria.length }),
                children: criteriaTab,
              },
              {
                key: 'plan',
                label: t('campaigns.details.tabs.plan'),
                children: (
                  <PlanTextView
                    plan={campaign}
                    criteriaSlot={
                      <Typography.Text type="secondary">{t('campaigns.details.criteriaInTab')}</Typography.Text>
                    }
                  />
                ),
              },
              {
                key: 'scoring',
                label: t('campaigns.details.tabs.scoring'),
                children: <ScoringSummary campaign={campaign} units={units} />,
              },
              {
                key: 'participants',
                label: t('campaigns.details.tabs.participants'),
                children: <ParticipantsPanel campaign={campaign} />,
              },
            ]}
          />
        </Card>
      </Flex>
    </div>
  );
}
