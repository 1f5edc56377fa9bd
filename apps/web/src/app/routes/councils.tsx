/** /hoi-dong: the emulation and commendation councils, their members and meetings. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { CouncilsList } from '../../features/councils/components/councils-list.tsx';

export default function CouncilsPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('councils.pages.list.title')} subtitle={t('councils.pages.list.description')} />
      <CouncilsList />
    </div>
  );
}
