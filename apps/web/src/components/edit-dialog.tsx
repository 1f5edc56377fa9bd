/**
 * The shell shared by the dialogs that create a record or edit one: a Modal whose Save submits the
 * Form, a skeleton (or the load error) while the edited record loads, and one handling of a failed
 * save — field problems under their fields, a 412 refills the form with the current version. Each
 * dialog keeps only its fields and the building of its request body (in `onSave`).
 *
 * A dialog built on it is mounted only while open (see `mountedWhileOpen`), so the form's initial
 * values suffice: antd ignores their later changes, and a refetch does not wipe what the user typed.
 */
import type { ComponentType, ReactNode } from 'react';
import { Alert, App, Form, Modal, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { explainSaveError, problemMessage } from '../lib/problem.ts';

/** The parts of the edited record's TanStack query the dialog reads. */
interface RecordQuery<D> {
  data: D | undefined;
  error: unknown;
  refetch: () => Promise<{ data?: D | undefined }>;
}

interface EditDialogProps<V, D> {
  title: ReactNode;
  width: number;
  /** When creating: the values the form starts from. Undefined when editing. */
  createValues: Partial<V> | undefined;
  /** When editing: the record's query. Its values fill the form once loaded, its error shows instead
   * of the form, and after a 412 it is fetched again to refill the form with the current version. */
  record: RecordQuery<D>;
  /** The form values of a loaded record. */
  toValues: (data: D) => V;
  /** A save is under way (the Save button spins). */
  saving: boolean;
  /** Sends the request, then says so and closes; an error it throws is explained here. */
  onSave: (values: V) => Promise<void>;
  onClose: () => void;
  /** The Form's autoComplete attribute (e.g. "off" where the browser must not fill in accounts). */
  autoComplete?: string;
  /** The Form.Items. */
  children: ReactNode;
}

export function EditDialog<V, D>({
  title,
  width,
  createValues,
  record,
  toValues,
  saving,
  onSave,
  onClose,
  autoComplete,
  children,
}: EditDialogProps<V, D>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const initialValues: Partial<V> | undefined =
    createValues ?? (record.data === undefined ? undefined : toValues(record.data));

  async function reload(): Promise<V | undefined> {
    const fresh = await record.refetch();
    return fresh.data === undefined ? undefined : toValues(fresh.data);
  }

  async function submit(values: V) {
    try {
      await onSave(values);
    } catch (err) {
      const rest = await explainSaveError(form, err, reload);
      if (rest) void message.error(rest);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ disabled: !initialValues }}
      destroyOnHidden
      width={width}
    >
      {!initialValues ? (
        record.error ? (
          <Alert type="error" title={problemMessage(record.error)} showIcon />
        ) : (
          <Skeleton active />
        )
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues} autoComplete={autoComplete}>
          {children}
        </Form>
      )}
    </Modal>
  );
}

/**
 * The dialog for a target (what to create or edit) mounts when there is one and unmounts when it
 * is cleared, so each opening gets a fresh form: antd keeps a form's last values as the base for
 * the next initial values otherwise (an "add" after an "edit" would show the edited record).
 */
export function mountedWhileOpen<P extends { target: unknown }>(Dialog: ComponentType<P>) {
  function WhileOpen(props: Omit<P, 'target'> & { target: P['target'] | null }) {
    return props.target ? <Dialog {...(props as P)} /> : null;
  }
  WhileOpen.displayName = `MountedWhileOpen(${Dialog.displayName ?? Dialog.name})`;
  return WhileOpen;
}
