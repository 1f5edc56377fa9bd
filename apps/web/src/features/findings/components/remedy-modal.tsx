/** The unit reports its remedy of a finding: what it did, and at least one evidence file of the unit. */
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { FileInfo, Finding } from '@thidua/contract';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { useRemedyFinding } from '../api/remedy-finding.ts';
import { useFindingsTranslation } from '../locales/register.ts';
import type { EvidenceSlot } from '../../../components/file-slots.ts';

export function RemedyModal({
  finding,
  Evidence,
  onClose,
}: {
  finding: Finding | null;
  Evidence: EvidenceSlot;
  onClose: () => void;
}) {
  const { t } = useFindingsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  // A reopened finding starts from the remedy it had: the unit usually adds to it.
  const [files, setFiles] = useState<FileInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remedy = useRemedyFinding();
  const current = files ?? finding?.remedy?.files ?? [];

  async function save() {
    // Invalid fields show their messages under them; nothing to send yet.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { text } = values;
    if (current.length === 0) {
      setError(t('findings.remedy.fileRequired'));
      return;
    }
    try {
      await remedy.mutateAsync({ id: finding!.id, body: { text: text.trim(), fileIds: current.map((f) => f.id) } });
      void message.success(t('findings.remedy.saved'));
      close();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }

  function close() {
    form.resetFields();
    setFiles(null);
    setError(null);
    onClose();
  }

  return (
    <Modal
      open={finding !== null}
      title={t('findings.remedy.title')}
      okText={t('findings.remedy.save')}
      cancelText={t('findings.cancel')}
      onOk={() => void save()}
      onCancel={close}
      okButtonProps={{ loading: remedy.isPending }}
      width={680}
      destroyOnHidden
    >
      {finding && (
        <>
          <Typography.Paragraph strong>{finding.title}</Typography.Paragraph>
          {finding.reopenReason && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('findings.reopenedBecause', { reason: finding.reopenReason })}
            />
          )}
          <Form form={form} layout="vertical" requiredMark initialValues={{ text: finding.remedy?.text ?? '' }}>
            <Form.Item
              name="text"
              label={t('findings.remedy.text')}
              rules={[{ required: true, whitespace: true, message: t('findings.remedy.textRequired') }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={10000}
                placeholder={t('findings.remedy.textPlaceholder')}
              />
            </Form.Item>
            <Form.Item label={t('findings.remedy.evidence')} required>
              <Evidence
                files={current}
                ownerUnitId={finding.unitId}
                onAdd={(f) => setFiles([...current, f])}
                onRemove={(id) => setFiles(current.filter((f) => f.id !== id))}
                uploadLabel={t('findings.remedy.upload')}
                testId="remedy-evidence"
              />
            </Form.Item>
          </Form>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
