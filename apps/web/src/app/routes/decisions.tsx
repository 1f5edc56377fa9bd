/** /quyet-dinh: the award decisions, drafts and issued. */
import { PageHeader } from '../../components/page-header.tsx';
import { DecisionsList } from '../../features/decisions/components/decisions-list.tsx';
import { useDecisionsTranslation } from '../../features/decisions/locales/register.ts';

export default function DecisionsPage() {
  const { t } = useDecisionsTranslation();
  return (
    <div>
      <PageHeader title={t('decisions.pages.list.title')} subtitle={t('decisions.pages.list.description')} />
      <DecisionsList />
    </div>
  );
}
