/**
 * The dialog that asks for a required text and sends it: revoking an award, lifting a blocker,
 * reopening a finding, answering an objection, returning a dossier (whose reasons are a list, so
 * it brings its own fields). A FormDialog (form-dialog.tsx: validation, problems, success, close)
 * with that one field.
 */
import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { FormDialog, type FormDialogProps } from './form-dialog.tsx';

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

type ReasonDialogProps<V> = Omit<FormDialogProps<V>, 'children' | 'intro' | 'action'> & {
  /** The single required text; leave it out when `fields` brings the form's fields. */
  reason?: ReasonField;
  /** The form's fields, instead of the single `reason`. */
  fields?: ReactNode;
  /** Shown above the form: what is acted upon, what will happen. */
  children?: ReactNode;
};

export function ReasonDialog<V extends object = { reason: string }>({
  reason,
  fields,
  children,
  ...dialog
}: ReasonDialogProps<V>) {
  return (
    <FormDialog<V> {...dialog} intro={children}>
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
    </FormDialog>
  );
}
