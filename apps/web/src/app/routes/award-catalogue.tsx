/** /khen-thuong/danh-muc: the award catalogue (forms and titles, granting powers, base salary, holidays, authority settings). Units come from their feature. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { AwardCatalogue } from '../../features/award-catalogue/components/award-catalogue.tsx';
import { useUnitTree } from '../../features/units/api/get-unit-tree.ts';

export default function AwardCataloguePage() {
  const { t } = useTranslation();
  const tree = useUnitTree();
  return (
    <div>
      <PageHeader
        title={t('awardCatalogue.pages.catalogue.title')}
        subtitle={t('awardCatalogue.pages.catalogue.description')}
      />
      <AwardCatalogue units={tree.data?.items ?? []} />
    </div>
  );
}
