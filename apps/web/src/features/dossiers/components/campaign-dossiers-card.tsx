/** On the campaign page: a card leading to its award dossiers ("Hồ sơ khen thưởng"), once the campaign has closed. */
import { Button, Card, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../lib/permissions.ts';
import { formatDate } from '../../../lib/format.ts';
import { useDossiersTranslation } from '../locales/register.ts';

export function CampaignDossiersCard({
  campaignId,
  status,
  dossierDeadline,
}: {
  campaignId: string;
  status: string | undefined;
  dossierDeadline?: string | null | undefined;
}) {
  const { t } = useDossiersTranslation();
  const can = useCan();
  if (!can('dossier.read') || (status !== 'closed' && status !== 'finalized')) return null;
  return (
    <Card title={t('dossiers.card.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph>{t('dossiers.card.text')}</Typography.Paragraph>
      {dossierDeadline && (
        <Typography.Paragraph strong>
          {t('dossiers.card.deadline', { date: formatDate(dossierDeadline) })}
        </Typography.Paragraph>
      )}
      <Link to="/phong-trao/$campaignId/ho-so" params={{ campaignId }} data-testid="campaign-dossiers-link">
        <Button type="primary" icon={<FolderOpenOutlined />}>
          {t('dossiers.card.open')}
        </Button>
      </Link>
    </Card>
  );
}
