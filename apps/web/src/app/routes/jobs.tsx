/** /tac-vu: background jobs, their errors and retry (administrator). */
import { Typography } from 'antd';
import { PageHeader } from '../../components/page-header.tsx';
import { JobsList } from '../../features/jobs/components/jobs-list.tsx';
import { useJobsTranslation } from '../../features/jobs/locales/register.ts';

export default function JobsPage() {
  const { t } = useJobsTranslation();
  return (
    <div>
      <PageHeader title={t('jobs.pages.list.title')} subtitle={t('jobs.pages.list.description')} />
      <Typography.Paragraph type="secondary">{t('jobs.intro')}</Typography.Paragraph>
      <JobsList />
    </div>
  );
}
