/** /ho-so: "Hồ sơ của tôi" — the award dossiers within the user's reach, across campaigns. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { DossiersTable } from '../../features/dossiers/components/dossiers-table.tsx';

export default function MyDossiersPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('dossiers.pages.mine.title')} subtitle={t('dossiers.pages.mine.description')} />
      <DossiersTable showCampaign />
    </div>
  );
}
