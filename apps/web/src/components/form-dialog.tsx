/**
 * A dialog whose OK sends its form: the catalogue's add/edit dialogs, the reason dialogs (see
 * reason-dialog.tsx). One handling of it all: nothing is sent while a field is invalid (the
 * messages show under the fields); the request's field problems go under their fields, any other
 * problem shows in the dialog; a success says so, then the form is cleared and the dialog closes.
 * An optional second action (e.g. delete the edited row) sits left of Cancel, asks for confirmation,
 * and is handled the same way.
 *
 * (The dialogs that edit a record loaded by its own query use edit-dialog.tsx.)
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, App, Button, Form, Modal, Popconfirm } from 'antd';
import type { ButtonProps, FormInstance } from 'antd';
import { applyProblemToForm } from '../lib/problem.ts';

/** A second action of the dialog, with a confirmation (e.g. delete the edited row). */
export interface FormDialogAction {
  label: string;
  /** The confirmation question. */
  confirm: string;
  busy: boolean;
  /** Said once `run` succeeded; the dialog then closes. */
  doneMessage: string;
  run: () => Promise<unknown>;
}

export interface FormDialogProps<V> {
  /** Default true: dialogs mounted only while open. */
  open?: boolean;
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
  /** Sends the request with the form's values; an error it throws is shown here. */
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** The form, when the fields need it (to watch a value, to set one); the dialog makes its own otherwise. */
  form?: FormInstance<V>;
  /** Shown above the form: what is acted upon, what will happen. */
  intro?: ReactNode;
  /** A second action, left of Cancel. */
  action?: FormDialogAction;
  /** The Form.Items. */
  children: ReactNode;
}

export function FormDialog<V>({
  open = true,
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
  initialValues,
  form: given,
  intro,
  action,
  children,
}: FormDialogProps<V>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>(given);
  const [error, setError] = useState<string | null>(null);

  async function attempt(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      void message.success(done);
      close();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }

  async function save() {
    // Invalid fields show their messages under them; nothing to send yet.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await attempt(() => onSubmit(values), savedMessage);
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
      footer={
        action
          ? (_, { OkBtn, CancelBtn }) => (
              <>
                <Popconfirm title={action.confirm} onConfirm={() => attempt(action.run, action.doneMessage)}>
                  <Button danger loading={action.busy}>
                    {action.label}
                  </Button>
                </Popconfirm>
                <CancelBtn />
                <OkBtn />
              </>
            )
          : undefined
      }
    >
      {intro}
      <Form form={form} layout="vertical" requiredMark initialValues={initialValues}>
        {children}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
