/** The standing office sends a remedy back (or reopens a verified finding), with the reason. */
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { Finding } from '@thidua/contract';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { useReopenFinding } from '../api/reopen-finding.ts';
import { useFindingsTranslation } from '../locales/register.ts';

export function ReopenModal({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  const { t } = useFindingsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const reopen = useReopenFinding();

  async function save() {
    // Invalid fields show their messages under them; nothing to send yet.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    try {
      await reopen.mutateAsync({ id: finding!.id, reason: reason.trim() });
      void message.success(t('findings.reopen.saved'));
      close();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }

  function close() {
    form.resetFields();
    setError(null);
    onClose();
  }

  return (
    <Modal
      open={finding !== null}
      title={t('findings.reopen.title')}
      okText={t('findings.reopen.save')}
      okButtonProps={{ danger: true, loading: reopen.isPending }}
      cancelText={t('findings.cancel')}
      onOk={() => void save()}
      onCancel={close}
      destroyOnHidden
    >
      {finding && <Typography.Paragraph strong>{finding.title}</Typography.Paragraph>}
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="reason"
          label={t('findings.reopen.reason')}
          rules={[{ required: true, whitespace: true, message: t('findings.reopen.reasonRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={5000}
            placeholder={t('findings.reopen.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
