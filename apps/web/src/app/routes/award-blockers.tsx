/** /khen-thuong/vuong-mac: blockers on nominees (discipline, investigation, inspection, complaint). Units come from their feature. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { BlockersRegister } from '../../features/award-catalogue/components/blockers-register.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';

export default function AwardBlockersPage() {
  const { t } = useTranslation();
  const tree = useUnitTree();
  return (
    <div>
      <PageHeader
        title={t('awardCatalogue.pages.blockers.title')}
        subtitle={t('awardCatalogue.pages.blockers.description')}
      />
      <BlockersRegister units={tree.data?.items ?? []} />
    </div>
  );
}
