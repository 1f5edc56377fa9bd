/** The leader revokes an award: the reason is required; the award stays in the register, marked. */
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { Award } from '@thidua/contract';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { formatDate } from '../../../lib/format.ts';
import { useRevokeAward } from '../api/revoke-award.ts';
import { useAwardsTranslation } from '../locales/register.ts';

export function RevokeAwardModal({ award, onClose }: { award: Award | null; onClose: () => void }) {
  const { t } = useAwardsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const revoke = useRevokeAward();

  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v || !award) return;
    try {
      await revoke.mutateAsync({ award, reason: v.reason.trim() });
      void message.success(t('awardRegister.revoke.saved'));
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
      open={award !== null}
      title={t('awardRegister.revoke.title')}
      okText={t('awardRegister.revoke.save')}
      okButtonProps={{ danger: true, loading: revoke.isPending, 'data-testid': 'revoke-award-save' } as ButtonProps}
      cancelText={t('awardRegister.revoke.cancel')}
      onOk={() => void save()}
      onCancel={close}
      destroyOnHidden
    >
      {award && (
        <Typography.Paragraph>
          <Typography.Text strong>{award.recipientName}</Typography.Text> — {award.awardTypeName}
          <br />
          {t('awardRegister.fields.decisionLine', { number: award.decisionNumber, date: formatDate(award.decidedOn) })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{t('awardRegister.revoke.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="reason"
          label={t('awardRegister.revoke.reason')}
          rules={[{ required: true, whitespace: true, message: t('awardRegister.revoke.reasonRequired') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder={t('awardRegister.revoke.reasonPlaceholder')}
            data-testid="revoke-award-reason"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
