/**
 * The state of a dialog that creates one record with attached files (a finding, an initiative):
 * the files uploaded so far, one Idempotency-Key space per opening (the same record typed again in
 * a later opening is a second record), validation before sending, field problems under their
 * fields and the rest above the form, and a clean slate on closing.
 */
import { useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import type { FileInfo } from '@thidua/contract';
import { applyProblemToForm } from './problem.ts';
import { useIdempotencyKey } from './use-idempotency-key.ts';

export function useCreateDialog<Values>(form: FormInstance<Values>, onClose: () => void) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<FileInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState(0);
  const keyFor = useIdempotencyKey(opening);

  function close() {
    form.resetFields();
    setFiles([]);
    setError(null);
    setOpening((n) => n + 1);
    onClose();
  }

  /** Validates, builds the body (with the files' ids), sends it once per body and closes on success. */
  async function save<Body>(
    toBody: (values: Values, fileIds: string[]) => Body,
    send: (body: Body, idempotencyKey: string) => Promise<unknown>,
    savedText: string,
  ) {
    // Invalid fields show their messages under them; nothing to send yet.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = toBody(
      values,
      files.map((f) => f.id),
    );
    try {
      await send(body, keyFor(body));
      void message.success(savedText);
      close();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }

  return {
    files,
    addFile: (file: FileInfo) => setFiles((list) => [...list, file]),
    removeFile: (id: string) => setFiles((list) => list.filter((f) => f.id !== id)),
    clearFiles: () => setFiles([]),
    error,
    save,
    close,
  };
}
