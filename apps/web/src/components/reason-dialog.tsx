/**
 * The dialog that asks for a required text and sends it: revoking an award, lifting a blocker,
 * reopening a finding, answering an objection, returning a dossier (whose reasons are a list, so
 * it brings its own fields). One handling of it all: nothing is sent while a field is invalid (the
 * messages show under the fields); the request's field problems go under their fields, any other
 * problem shows in the dialog; a success says so, then the form is cleared and the dialog closes.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { applyProblemToForm } from '../lib/problem.ts';

/** The one required text field of most reason dialogs. */
export interface ReasonField {
  /** The form field's name (and the request's: a problem about it shows under it). Default "reason". */
  name?: string;
  label: ReactNode;
  /** Shown when the field is left empty (antd's own message otherwise). */
  requiredMessage?: string;
  placeholder?: string;
  maxLength: number;
  showCount?: boolean;
  testId?: string;
}

interface ReasonDialogProps<V> {
  open: boolean;
  title: ReactNode;
  okText: string;
  cancelText: string;
  /** The action cannot be undone lightly: a red OK button. */
  danger?: boolean;
  /** The OK button's data-testid. */
  okTestId?: string;
  width?: number;
  /** The request is under way (the OK button spins). */
  saving: boolean;
  /** Said once the request succeeded. */
  savedMessage: string;
  /** Sends the request (with the values as typed: trim what must be trimmed); an error it throws is shown here. */
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  /** The single required text; leave it out when `fields` brings the form's fields. */
  reason?: ReasonField;
  /** The form's fields, instead of the single `reason`. */
  fields?: ReactNode;
  initialValues?: Partial<V>;
  /** Shown above the form: what is acted upon, what will happen. */
  children?: ReactNode;
}

export function ReasonDialog<V extends object = { reason: string }>({
  open,
  title,
  okText,
  cancelText,
  danger,
  okTestId,
  width,
  saving,
  savedMessage,
  onSubmit,
  onClose,
  reason,
  fields,
  initialValues,
  children,
}: ReasonDialogProps<V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);

  async function save() {
    // Invalid fields show their messages under them; nothing to send yet.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await onSubmit(values);
      void message.success(savedMessage);
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
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading: saving, 'data-testid': okTestId } as ButtonProps}
      cancelText={cancelText}
      onOk={() => void save()}
      onCancel={close}
      destroyOnHidden
      width={width}
    >
      {children}
      <Form form={form} layout="vertical" requiredMark initialValues={initialValues}>
        {fields ??
          (reason && (
            <Form.Item
              name={reason.name ?? 'reason'}
              label={reason.label}
              rules={[
                reason.requiredMessage
                  ? { required: true, whitespace: true, message: reason.requiredMessage }
                  : { required: true, whitespace: true },
              ]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={reason.maxLength}
                showCount={reason.showCount}
                placeholder={reason.placeholder}
                data-testid={reason.testId}
              />
            </Form.Item>
          ))}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
