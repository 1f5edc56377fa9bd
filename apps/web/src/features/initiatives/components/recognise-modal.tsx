/** The standing office records an initiative's recognition: the authority, its decision number and date, and the decision's scan. */
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { FileInfo, Initiative } from '@thidua/contract';
import type { Dayjs } from 'dayjs';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { useRecogniseInitiative } from '../api/recognise-initiative.ts';
import { useInitiativesTranslation } from '../locales/register.ts';
import type { EvidenceSlot } from '../../../components/file-slots.ts';

interface Values {
  authority: string;
  decisionNumber: string;
  decidedOn: Dayjs;
}

export function RecogniseModal({
  initiative,
  Evidence,
  onClose,
}: {
  initiative: Initiative | null;
  Evidence: EvidenceSlot;
  onClose: () => void;
}) {
  const { t } = useInitiativesTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<FileInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const recognise = useRecogniseInitiative();

  async function save() {
    // Invalid fields show their messages under them; nothing to send yet.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await recognise.mutateAsync({
        id: initiative!.id,
        body: {
          authority: v.authority.trim(),
          decisionNumber: v.decisionNumber.trim(),
          decidedOn: v.decidedOn.format('YYYY-MM-DD'),
          fileId: file?.id ?? null,
        },
      });
      void message.success(t('initiatives.recognise.saved'));
      close();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }

  function close() {
    form.resetFields();
    setFile(null);
    setError(null);
    onClose();
  }

  return (
    <Modal
      open={initiative !== null}
      title={t('initiatives.recognise.title')}
      okText={t('initiatives.recognise.save')}
      cancelText={t('initiatives.cancel')}
      onOk={() => void save()}
      onCancel={close}
      okButtonProps={{ loading: recognise.isPending }}
      destroyOnHidden
    >
      {initiative && <Typography.Paragraph strong>{initiative.title}</Typography.Paragraph>}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="authority"
          label={t('initiatives.recognise.authority')}
          rules={[{ required: true, whitespace: true, message: t('initiatives.recognise.authorityRequired') }]}
        >
          <Input maxLength={500} placeholder={t('initiatives.recognise.authorityPlaceholder')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="decisionNumber"
            label={t('initiatives.recognise.decisionNumber')}
            rules={[{ required: true, whitespace: true, message: t('initiatives.recognise.decisionNumberRequired') }]}
          >
            <Input maxLength={100} placeholder="1520/QĐ-UBND" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="decidedOn"
            label={t('initiatives.recognise.decidedOn')}
            rules={[{ required: true, message: t('initiatives.recognise.decidedOnRequired') }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
          </Form.Item>
        </div>
        <Form.Item label={t('initiatives.recognise.file')}>
          <Evidence
            files={file ? [file] : []}
            {...(file ? {} : { onAdd: setFile })}
            onRemove={() => setFile(null)}
            uploadLabel={t('initiatives.recognise.upload')}
            hideEmpty
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
