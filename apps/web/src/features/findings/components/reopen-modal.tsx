/** The standing office sends a remedy back (or reopens a verified finding), with the reason. */
import { Typography } from 'antd';
import type { Finding } from '@thidua/contract';
import { ReasonDialog } from '../../../components/reason-dialog.tsx';
import { useReopenFinding } from '../api/reopen-finding.ts';
import { useFindingsTranslation } from '../locales/register.ts';

export function ReopenModal({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  const { t } = useFindingsTranslation();
  const reopen = useReopenFinding();
  return (
    <ReasonDialog
      open={finding !== null}
      title={t('findings.reopen.title')}
      okText={t('findings.reopen.save')}
      cancelText={t('findings.cancel')}
      danger
      saving={reopen.isPending}
      savedMessage={t('findings.reopen.saved')}
      onSubmit={({ reason }) => reopen.mutateAsync({ id: finding!.id, reason: reason.trim() })}
      onClose={onClose}
      reason={{
        label: t('findings.reopen.reason'),
        requiredMessage: t('findings.reopen.reasonRequired'),
        placeholder: t('findings.reopen.reasonPlaceholder'),
        maxLength: 5000,
      }}
    >
      {finding && <Typography.Paragraph strong>{finding.title}</Typography.Paragraph>}
    </ReasonDialog>
  );
}
