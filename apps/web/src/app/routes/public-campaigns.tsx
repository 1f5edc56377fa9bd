/** /cong-khai: published campaigns, without sign-in. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PublicCampaignList } from '../../features/public/components/public-campaign-list.tsx';
import { PublicLayout } from '../../features/public/components/public-layout.tsx';

export default function PublicCampaignsPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <Typography.Title level={3}>{t('campaigns.public.listTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('campaigns.public.listIntro')}</Typography.Paragraph>
      <PublicCampaignList />
    </PublicLayout>
  );
}
