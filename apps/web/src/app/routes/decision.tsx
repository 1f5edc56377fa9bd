/** /quyet-dinh/$decisionId: one award decision (draft editing, issue, DOCX); the signed scan goes through the files feature's upload. */
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { uploadFile } from '../../features/files/api/upload-file.ts';
import { DecisionView } from '../../features/decisions/components/decision-view.tsx';
import { useDecisionsTranslation } from '../../features/decisions/locales/register.ts';

const route = getRouteApi('/_app/quyet-dinh/$decisionId');

export default function DecisionPage() {
  const { t } = useDecisionsTranslation();
  const { decisionId } = route.useParams();
  return (
    <div>
      <Link to="/quyet-dinh">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('decisions.pages.list.title')}
        </Button>
      </Link>
      <DecisionView key={decisionId} decisionId={decisionId} upload={(file) => uploadFile(file)} />
    </div>
  );
}
