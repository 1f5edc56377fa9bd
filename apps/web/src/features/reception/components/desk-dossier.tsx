/**
 * One dossier at the desk: what it is (unit, nominee, award, campaign, achievement), its documents
 * (each opens), the completeness checklist, and the desk's actions — "Tiếp nhận" (the receipt
 * number, then "In giấy tiếp nhận") and "Trả lại để bổ sung" with reasons. A dossier missing a
 * required document cannot be received: the page says so and offers the return instead.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, List, Space, Typography } from 'antd';
import { CheckOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { RECEPTION_CHECKLIST, type ReceptionChecklistKey, type ReceptionDossier } from '@thidua/contract';
import { currentLanguage } from '../../../lib/i18n.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { DossierDocuments } from '../../../components/dossiers/dossier-documents.tsx';
import { DossierLoader } from '../../../components/dossiers/dossier-loader.tsx';
import { DossierStatusTag } from '../../../components/dossiers/dossier-status-tag.tsx';
import { useDossierSharedTranslation } from '../../../components/dossiers/dossier-texts.ts';
import { useDeskDossier } from '../api/get-desk-dossier.ts';
import { useReceiveDossier, useUpdateChecklist } from '../api/desk-actions.ts';
import { useReceptionTranslation } from '../locales/register.ts';
import { ReturnModal } from './return-modal.tsx';

export function DeskDossier({ id }: { id: string }) {
  const { t } = useReceptionTranslation();
  const dossier = useDeskDossier(id);
  return (
    <DossierLoader query={dossier} notFound={t('reception.desk.notFound')}>
      {(d) => <DeskDossierView d={d} />}
    </DossierLoader>
  );
}

function DeskDossierView({ d }: { d: ReceptionDossier }) {
  const { t } = useReceptionTranslation();
  const shared = useDossierSharedTranslation();
  const { message } = App.useApp();
  const receive = useReceiveDossier();
  const checklist = useUpdateChecklist();
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const atDesk = d.status === 'submitted' || d.status === 'received';
  const english = currentLanguage() === 'en';

  async function doReceive() {
    setError(null);
    try {
      await receive.mutateAsync({ id: d.id, version: d.version });
    } catch (err) {
      setError(problemMessage(err));
    }
  }

  async function toggle(key: ReceptionChecklistKey, checked: boolean) {
    setError(null);
    try {
      await checklist.mutateAsync({ id: d.id, version: d.version, checklist: { [key]: checked } });
      void message.success(t('reception.desk.checklistSaved'));
    } catch (err) {
      setError(problemMessage(err));
    }
  }

  function printReceipt() {
    void downloadFile(
      `/dossiers/${encodeURIComponent(d.id)}/receipt.docx`,
      `giay-tiep-nhan-${d.receiptNumber ?? d.id}.docx`,
    ).catch((e: unknown) => message.error(problemMessage(e)));
  }

  const missing = d.missingDocuments.map((k) => shared.t(`dossierShared.documentKind.${k}`)).join(', ');

  return (
    <Flex vertical gap={16}>
      {d.receiptNumber && d.status !== 'submitted' && d.status !== 'returned' && (
        <Alert
          type="success"
          showIcon
          data-testid="receipt-alert"
          title={t('reception.desk.received', { number: d.receiptNumber })}
          description={d.receivedAt ? t('reception.desk.receivedAt', { at: formatDateTime(d.receivedAt) }) : undefined}
          action={
            <Button icon={<PrinterOutlined />} onClick={printReceipt} data-testid="print-receipt">
              {t('reception.desk.print')}
            </Button>
          }
        />
      )}
      {d.status === 'submitted' && d.missingDocuments.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('reception.desk.missing', { documents: missing })}
          data-testid="missing-alert"
        />
      )}
      {error && (
        <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} data-testid="desk-error" />
      )}

      <Card
        title={t('reception.desk.summary')}
        extra={
          <Space wrap>
            {d.status === 'submitted' && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={receive.isPending}
                disabled={d.missingDocuments.length > 0}
                onClick={() => void doReceive()}
                data-testid="receive-button"
              >
                {t('reception.desk.receive')}
              </Button>
            )}
            {atDesk && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="return-button">
                {t('reception.desk.return')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('reception.fields.status')}>
            <DossierStatusTag status={d.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('reception.fields.receiptNumber')}>
            <span data-testid="receipt-number">{d.receiptNumber ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reception.fields.nominee')}>{d.nomineeName}</Descriptions.Item>
          <Descriptions.Item label={t('reception.fields.unit')}>{d.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('reception.fields.awardType')}>{d.awardTypeName}</Descriptions.Item>
          <Descriptions.Item label={t('reception.fields.campaign')}>{d.campaignTitle}</Descriptions.Item>
          <Descriptions.Item label={t('reception.fields.submittedAt')}>
            {formatDateTime(d.submittedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('reception.fields.waiting')}>
            {t('reception.queue.days', { count: d.waitingWorkingDays })}
          </Descriptions.Item>
          {d.receivedWorkingDays !== null && (
            <Descriptions.Item label={t('reception.fields.sinceReceipt')}>
              {t('reception.queue.days', { count: d.receivedWorkingDays })}
            </Descriptions.Item>
          )}
          {d.achievement && (
            <Descriptions.Item label={t('reception.fields.achievement')} span={2}>
              {d.achievement}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {d.returns.length > 0 && (
        <Card title={t('reception.desk.returns')} size="small">
          <List
            size="small"
            dataSource={[...d.returns].reverse()}
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Typography.Text type="secondary">{formatDateTime(r.returnedAt)}</Typography.Text>
                  {r.reasons.map((reason, i) => (
                    <Typography.Text key={i}>- {reason}</Typography.Text>
                  ))}
                  {r.note && <Typography.Text italic>{r.note}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card title={t('reception.desk.documents')}>
        <DossierDocuments dossier={d} showMissing />
      </Card>

      <Card title={t('reception.desk.checklist')}>
        {!atDesk && <Typography.Paragraph type="secondary">{t('reception.desk.checklistClosed')}</Typography.Paragraph>}
        <Flex vertical gap={8}>
          {RECEPTION_CHECKLIST.map((item) => (
            <Checkbox
              key={item.key}
              checked={d.checklist[item.key] === true}
              disabled={!atDesk || checklist.isPending}
              onChange={(e) => void toggle(item.key, e.target.checked)}
              data-testid={`checklist-${item.key}`}
            >
              {english ? item.en : item.vi}
            </Checkbox>
          ))}
        </Flex>
      </Card>

      <ReturnModal dossier={d} open={returning} onClose={() => setReturning(false)} />
    </Flex>
  );
}
