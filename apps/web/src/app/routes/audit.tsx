/** /nhat-ky: the audit log and its integrity check (admin, secretariat). */
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { AuditLog } from '../../features/audit/components/audit-log.tsx';

export default function AuditPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('pages.audit.title')} subtitle={t('pages.audit.description')} />
      <AuditLog />
    </div>
  );
}
