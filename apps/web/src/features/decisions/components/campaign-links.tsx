/** On the campaign page, once it is closed: the way to its public posting and to the award decisions. */
import { Button, Card, Space, Typography } from 'antd';
import { FileDoneOutlined, NotificationOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { CampaignStatus } from '@thidua/contract';
import { useCan } from '../../../lib/permissions.ts';
import { useDecisionsTranslation } from '../locales/register.ts';

export function CampaignDecisionLinks({
  campaignId,
  authorityUnitId,
  status,
}: {
  campaignId: string;
  authorityUnitId: string;
  status: CampaignStatus | undefined;
}) {
  const { t } = useDecisionsTranslation();
  const can = useCan();
  if (status !== 'closed' && status !== 'finalized') return null;
  if (!can('decision.read', { unitId: authorityUnitId })) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="campaign-decision-links">
      <Space wrap>
        <Typography.Text strong>{t('decisions.links.title')}</Typography.Text>
        <Link to="/phong-trao/$campaignId/niem-yet" params={{ campaignId }}>
          <Button icon={<NotificationOutlined />}>{t('decisions.pages.posting.title')}</Button>
        </Link>
        <Link to="/quyet-dinh">
          <Button icon={<FileDoneOutlined />}>{t('decisions.pages.list.title')}</Button>
        </Link>
      </Space>
    </Card>
  );
}
