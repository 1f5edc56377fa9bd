/** /tiep-nhan/$dossierId: one dossier at the desk — its documents, the checklist, receive or return. */
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { DeskDossier } from '../../features/reception/components/desk-dossier.tsx';
import { useReceptionTranslation } from '../../features/reception/locales/register.ts';

const route = getRouteApi('/_app/tiep-nhan/$dossierId');

export default function ReceptionDossierPage() {
  const { t } = useTranslation();
  const texts = useReceptionTranslation();
  const { dossierId } = route.useParams();
  return (
    <div>
      <PageHeader
        title={t('reception.pages.dossier.title')}
        extra={
          <Link to="/tiep-nhan">
            <Button icon={<ArrowLeftOutlined />}>{texts.t('reception.desk.back')}</Button>
          </Link>
        }
      />
      <DeskDossier id={dossierId} />
    </div>
  );
}
