/**
 * The standing office records a finding of an inspection for a participating unit: what was found,
 * the inspection, its date, the due date for the remedy and the inspection's documents (authority
 * files, readable by the unit through the finding).
 */
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import type { FileInfo, Unit } from '@thidua/contract';
import type { Dayjs } from 'dayjs';
import { applyProblemToForm } from '../../../lib/problem.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useCreateFinding } from '../api/create-finding.ts';
import { useFindingsTranslation } from '../locales/register.ts';
import type { EvidenceSlot } from '../../../components/file-slots.ts';

interface Values {
  unitId: string;
  title: string;
  description?: string;
  inspectionName: string;
  inspectedOn: Dayjs;
  dueOn?: Dayjs | null;
}

interface Props {
  open: boolean;
  campaignId: string;
  units: readonly Unit[];
  Evidence: EvidenceSlot;
  onClose: () => void;
}

const DATE_FORMAT = 'DD/MM/YYYY';

export function FindingFormModal({ open, campaignId, units, Evidence, onClose }: Props) {
  const { t } = useFindingsTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<FileInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateFinding();
  // A new key per opening of the dialog: the same finding typed again later is a second finding.
  const [opening, setOpening] = useState(0);
  const keyFor = useIdempotencyKey(opening);

  async function save() {
    // Invalid fields show their messages under them; nothing to send yet.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      unitId: v.unitId,
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      inspectionName: v.inspectionName.trim(),
      inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
      dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
      fileIds: files.map((f) => f.id),
    };
    try {
      await create.mutateAsync({ campaignId, body, idempotencyKey: keyFor(body) });
      void message.success(t('findings.form.saved'));
      close();
    } catch (err) {
      setError(applyProblemToForm(form, err));
    }
  }

  function close() {
    form.resetFields();
    setFiles([]);
    setError(null);
    setOpening((n) => n + 1);
    onClose();
  }

  return (
    <Modal open={open} title={t('findings.form.title')} okText={t('findings.form.save')} cancelText={t('findings.cancel')} onOk={() => void save()} onCancel={close} okButtonProps={{ loading: create.isPending }} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="unitId" label={t('findings.fields.unit')} rules={[{ required: true, message: t('findings.form.unitRequired') }]}>
          <UnitTreeSelect units={units} placeholder={t('findings.form.unitPlaceholder')} />
        </Form.Item>
        <Form.Item name="title" label={t('findings.fields.title')} rules={[{ required: true, whitespace: true, message: t('findings.form.titleRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder={t('findings.form.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('findings.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
        <Form.Item name="inspectionName" label={t('findings.fields.inspection')} rules={[{ required: true, whitespace: true, message: t('findings.form.inspectionRequired') }]}>
          <Input maxLength={500} placeholder={t('findings.form.inspectionPlaceholder')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="inspectedOn" label={t('findings.fields.inspectedOn')} rules={[{ required: true, message: t('findings.form.inspectedOnRequired') }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="dueOn"
            label={t('findings.fields.dueOn')}
            dependencies={['inspectedOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value: Dayjs | null | undefined) => {
                  const inspected = getFieldValue('inspectedOn') as Dayjs | undefined;
                  return value && inspected && value.isBefore(inspected, 'day') ? Promise.reject(new Error(t('findings.form.dueBeforeInspection'))) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
          </Form.Item>
        </div>
        <Form.Item label={t('findings.fields.documents')}>
          <Evidence files={files} onAdd={(f) => setFiles((list) => [...list, f])} onRemove={(id) => setFiles((list) => list.filter((f) => f.id !== id))} uploadLabel={t('findings.form.uploadDocuments')} hideEmpty />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
