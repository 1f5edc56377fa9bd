/**
 * "Nhập gói hồ sơ" on the desk's queue: a dialog with the ZIP, the campaign of the receiving
 * authority (given by the page) and the local unit the nominee is filed under. The imported dossier
 * waits in the queue like any submitted one.
 */
import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Upload, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useCan } from '../../../lib/permissions.ts';
import { applyProblemToForm, problemMessage } from '../../../lib/problem.ts';
import { useImportPackage, useUnitsForImport } from '../api/transfer.ts';
import { useTransferTranslation } from '../locales/register.ts';
import { SearchSelect } from '../../../components/search-select.tsx';

interface Props {
  campaigns: readonly { id: string; title: string }[];
}

interface Values {
  campaignId: string;
  unitId: string;
}

export function ImportPackageButton({ campaigns }: Props) {
  const { t } = useTransferTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<UploadFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const units = useUnitsForImport(open);
  const importPackage = useImportPackage();
  if (!can('dossier.receive')) return null;

  const close = () => {
    setOpen(false);
    setFile(null);
    setError(null);
    form.resetFields();
  };
  const onOk = async () => {
    const values = await form.validateFields();
    const raw = file?.originFileObj;
    if (!raw) {
      setError(t('dossierTransfer.import.required', { what: t('dossierTransfer.import.file') }));
      return;
    }
    setError(null);
    try {
      const d = await importPackage.mutateAsync({ file: raw, ...values });
      void message.success(t('dossierTransfer.import.done', { nominee: d.nomineeName }));
      close();
    } catch (err) {
      setError(applyProblemToForm(form, err) ?? problemMessage(err));
    }
  };

  return (
    <>
      <Button icon={<InboxOutlined />} onClick={() => setOpen(true)} data-testid="import-package">
        {t('dossierTransfer.import.button')}
      </Button>
      <Modal
        open={open}
        title={t('dossierTransfer.import.title')}
        okText={t('dossierTransfer.import.ok')}
        cancelText={t('dossierTransfer.import.cancel')}
        confirmLoading={importPackage.isPending}
        onOk={() => void onOk()}
        onCancel={close}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('dossierTransfer.import.hint')}</Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="import-error" />
        )}
        <Form form={form} layout="vertical">
          <Form.Item label={t('dossierTransfer.import.file')} required>
            <Upload
              accept=".zip,application/zip"
              maxCount={1}
              fileList={file ? [file] : []}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFile(fileList.at(-1) ?? null)}
              data-testid="import-file"
            >
              <Button>{t('dossierTransfer.import.chooseFile')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item
            name="campaignId"
            label={t('dossierTransfer.import.campaign')}
            rules={[
              {
                required: true,
                message: t('dossierTransfer.import.required', { what: t('dossierTransfer.import.campaign') }),
              },
            ]}
          >
            <SearchSelect
              options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
              data-testid="import-campaign"
            />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('dossierTransfer.import.unit')}
            rules={[
              {
                required: true,
                message: t('dossierTransfer.import.required', { what: t('dossierTransfer.import.unit') }),
              },
            ]}
          >
            <UnitTreeSelect units={units.data?.items ?? []} loading={units.isLoading} id="import-unit" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
