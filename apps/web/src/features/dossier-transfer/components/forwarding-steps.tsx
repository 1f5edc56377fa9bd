/**
 * The chain of a dossier proposed upward, as steps: the authority it was filed at, then each higher
 * authority it was forwarded to, with status, receipt and decision numbers. Shown to everyone who
 * reads the dossier once it has been forwarded (nothing otherwise).
 */
import { Alert, Card, Space, Steps, Typography } from 'antd';
import type { DossierStatus } from '@thidua/contract';
import { DossierStatusTag } from '../../../components/dossiers/dossier-status-tag.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useForwarding } from '../api/transfer.ts';
import { useTransferTranslation } from '../locales/register.ts';

const DONE: readonly DossierStatus[] = ['forwarded', 'awarded', 'rejected'];

export function ForwardingSteps({ dossierId }: { dossierId: string }) {
  const { t } = useTransferTranslation();
  const chain = useForwarding(dossierId);
  if (chain.isError) return <Alert type="warning" showIcon message={t('dossierTransfer.chain.error')} />;
  const steps = chain.data?.steps ?? [];
  if (steps.length < 2) return null;
  const current = steps.findIndex((s) => !DONE.includes(s.status));
  return (
    <Card title={t('dossierTransfer.chain.title')} data-testid="forwarding-chain">
      <Steps
        direction="vertical"
        size="small"
        current={current < 0 ? steps.length - 1 : current}
        items={steps.map((s) => ({
          title: <span data-testid="forwarding-step">{s.authorityName}</span>,
          status: s.status === 'rejected' ? 'error' : DONE.includes(s.status) ? 'finish' : 'process',
          description: (
            <Space direction="vertical" size={2}>
              <DossierStatusTag status={s.status} />
              {s.submittedAt && (
                <Typography.Text type="secondary">
                  {t('dossierTransfer.chain.submittedAt', { at: formatDateTime(s.submittedAt) })}
                </Typography.Text>
              )}
              {s.receiptNumber && (
                <Typography.Text>{t('dossierTransfer.chain.receipt', { number: s.receiptNumber })}</Typography.Text>
              )}
              {s.decisionNumber && (
                <Typography.Text>
                  {t('dossierTransfer.chain.decision', { number: s.decisionNumber })}
                  {s.decidedOn ? ` (${formatDate(s.decidedOn)})` : ''}
                </Typography.Text>
              )}
              {s.forwardedAt && (
                <Typography.Text type="secondary">
                  {t('dossierTransfer.chain.forwardedAt', { at: formatDateTime(s.forwardedAt) })}
                </Typography.Text>
              )}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
