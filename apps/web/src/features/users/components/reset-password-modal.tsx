/**
 * An administrator sets a new password for an account; its existing sessions end, and the person
 * must change the password at their next sign-in (the server's default for a reset).
 */
import { App, Form, Input, Modal, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { User } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { userQueryOptions } from '../api/get-user.ts';
import { useUpdateUser } from '../api/update-user.ts';

interface Values {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const update = useUpdateUser();

  async function submit(values: Values) {
    if (!user) return;
    try {
      const { etag } = await qc.fetchQuery({ ...userQueryOptions(user.id), staleTime: 0 });
      await update.mutateAsync({ id: user.id, etag, body: { password: values.password } });
      void message.success(t('users.passwordReset', { name: user.fullName }));
      onClose();
    } catch (err) {
      const rest = applyProblemToForm(form, err);
      if (rest) void message.error(rest);
    }
  }

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle')}
      okText={t('users.resetPassword')}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('users.resetPasswordIntro', { name: user?.fullName ?? '', email: user?.email ?? '' })}{' '}
        {t('users.mustChangeNotice')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} autoComplete="off">
        <Form.Item
          name="password"
          label={t('password.new')}
          extra={t('password.hint')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
