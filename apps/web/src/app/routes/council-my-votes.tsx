/** /hoi-dong/phieu-cua-toi: a council member's own ballots — their meetings, proposals and votes. */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { MyBallots } from '../../features/councils/components/my-ballots.tsx';

export default function CouncilMyVotesPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('councils.pages.mine.title')} subtitle={t('councils.pages.mine.description')} />
      <MyBallots />
    </div>
  );
}
