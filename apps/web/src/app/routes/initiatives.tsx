/** /sang-kien: the initiatives register. Campaigns and units come from their features, the file widget from the files feature. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaigns } from '../../features/campaigns/api/get-campaigns.ts';
import { EvidenceField } from '../../features/files/components/evidence-field.tsx';
import { InitiativesRegister } from '../../features/initiatives/components/initiatives-register.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';

export default function InitiativesPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });
  const tree = useUnitTree();
  const launched = useMemo(() => (campaigns.data?.items ?? []).filter((c) => c.status !== 'draft'), [campaigns.data]);
  return (
    <div>
      <PageHeader
        title={t('initiatives.pages.register.title')}
        subtitle={t('initiatives.pages.register.description')}
      />
      <InitiativesRegister units={tree.data?.items ?? []} campaigns={launched} Evidence={EvidenceField} />
    </div>
  );
}
