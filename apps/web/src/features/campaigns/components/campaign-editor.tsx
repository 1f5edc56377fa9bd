/**
 * The campaign editor: the plan's fields in one tab, its criteria in another, and how it scores and
 * ranks (Chấm điểm và xếp hạng) in a third. The page header
 * links back to the campaign and says what the status still allows.
 */
import { useState } from 'react';
import { Alert, Button, Card, Skeleton, Space, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { Unit } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../lib/problem.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCampaign } from '../api/get-campaign.ts';
import type { AttachmentsSlot } from '../../../components/file-slots.ts';
import { CampaignForm } from './campaign-form.tsx';
import { CampaignStatusTag } from './campaign-status-tag.tsx';
import { CriteriaEditor } from './criteria-editor.tsx';
import { ScoringForm } from './scoring-form.tsx';

export type CampaignEditorTab = 'plan' | 'criteria' | 'scoring';
type TabKey = CampaignEditorTab;

interface Props {
  campaignId: string;
  units: readonly Unit[];
  /** The file widget for the plan's attachments (from the files feature). */
  Attachments: AttachmentsSlot;
  initialTab?: TabKey;
}

export function CampaignEditor({ campaignId, units, Attachments, initialTab = 'plan' }: Props) {
  const { t } = useTranslation();
  const query = useCampaign(campaignId);
  const [tab, setTab] = useState<TabKey>(initialTab);

  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (query.isError) return <Alert type="error" showIcon title={problemMessage(query.error)} />;
  const { campaign, etag } = query.data;

  return (
    <div data-testid="campaign-editor">
      <PageHeader
        title={
          <Space align="start" wrap>
            <span>{t('campaigns.editor.title')}</span>
            <CampaignStatusTag status={campaign.status} upcoming={campaign.upcoming} />
          </Space>
        }
        subtitle={campaign.title}
        extra={
          <Link to="/phong-trao/$campaignId" params={{ campaignId }}>
            <Button icon={<ArrowLeftOutlined />}>{t('campaigns.editor.backToCampaign')}</Button>
          </Link>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          items={[
            {
              key: 'plan',
              label: t('campaigns.editor.tabs.plan'),
              children: (
                <CampaignForm
                  campaign={campaign}
                  etag={etag}
                  units={units}
                  Attachments={Attachments}
                  onStale={() => query.refetch()}
                />
              ),
            },
            {
              key: 'criteria',
              label: t('campaigns.editor.tabs.criteria', { count: campaign.criteriaCount }),
              children: <CriteriaEditor campaign={campaign} />,
            },
            {
              key: 'scoring',
              label: t('campaigns.editor.tabs.scoring'),
              children: <ScoringForm campaign={campaign} etag={etag} units={units} onStale={() => query.refetch()} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
