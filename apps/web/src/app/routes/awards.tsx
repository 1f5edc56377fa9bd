/** /khen-thuong: the award register (sổ khen thưởng). Campaigns and units come from their features. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaigns } from '../../features/campaigns/api/get-campaigns.ts';
import { AwardsRegister } from '../../features/awards/components/awards-register.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';

export default function AwardsPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  const tree = useUnitTree();
  const launched = useMemo(() => (campaigns.data?.items ?? []).filter((c) => c.status !== 'draft'), [campaigns.data]);
  return (
    <div>
      <PageHeader
        title={t('awardRegister.pages.register.title')}
        subtitle={t('awardRegister.pages.register.description')}
      />
      <AwardsRegister units={tree.data?.items ?? []} campaigns={launched} />
    </div>
  );
}
