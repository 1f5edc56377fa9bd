/** /ho-so/$dossierId: one award dossier — prepare, submit, follow. */
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { DossierActions } from '../../components/dossiers/dossier-actions.tsx';
import { DossierView } from '../../features/dossiers/components/dossier-view.tsx';
import { DossierTransferActions } from '../../features/dossier-transfer/components/dossier-transfer-actions.tsx';
import { DossierDecideActions } from '../../features/councils/components/dossier-decide-actions.tsx';
import { ForwardingSteps } from '../../features/dossier-transfer/components/forwarding-steps.tsx';
import { useDossiersTranslation } from '../../features/dossiers/locales/register.ts';

const route = getRouteApi('/_app/ho-so/$dossierId');

export default function DossierPage() {
  const { t } = useTranslation();
  const texts = useDossiersTranslation();
  const { dossierId } = route.useParams();
  return (
    <div>
      <PageHeader
        title={t('dossiers.pages.dossier.title')}
        extra={
          <Link to="/ho-so">
            <Button icon={<ArrowLeftOutlined />}>{texts.t('dossiers.view.back')}</Button>
          </Link>
        }
      />
      <DossierView
        id={dossierId}
        renderActions={(d) => (
          <DossierActions dossier={d}>
            {/* DossierActions slot: reception (receive / return) and forwarding upward add their buttons here. */}
            <DossierDecideActions dossier={d} />
            <DossierTransferActions dossier={d} />
          </DossierActions>
        )}
      />
      <div style={{ marginTop: 16 }}>
        <ForwardingSteps dossierId={dossierId} />
      </div>
    </div>
  );
}
