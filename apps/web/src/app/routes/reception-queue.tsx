/**
 * /tiep-nhan: the one-stop desk's queue of award dossiers (Tiếp nhận hồ sơ). The campaigns of the
 * filter come from the campaigns feature.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaigns } from '../../features/campaigns/api/get-campaigns.ts';
import { ReceptionQueue } from '../../features/reception/components/reception-queue.tsx';
import { ImportPackageButton } from '../../features/dossier-transfer/components/import-package-button.tsx';

export default function ReceptionQueuePage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  // Dossiers are filed once a campaign has closed: those first, then the others already launched.
  const options = useMemo(() => {
    const items = (campaigns.data?.items ?? []).filter((c) => c.status !== 'draft');
    return [...items.filter((c) => c.status === 'closed'), ...items.filter((c) => c.status !== 'closed')];
  }, [campaigns.data]);
  return (
    <div>
      <PageHeader
        title={t('reception.pages.queue.title')}
        subtitle={t('reception.pages.queue.description')}
        extra={<ImportPackageButton campaigns={options} />}
      />
      <ReceptionQueue campaigns={options} />
    </div>
  );
}
