/**
 * The standing office records a finding of an inspection for a participating unit: what was found,
 * the inspection, its date, the due date for the remedy and the inspection's documents (authority
 * files, readable by the unit through the finding).
 */
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Unit } from '@thidua/contract';
import type { Dayjs } from 'dayjs';
import { useCreateDialog } from '../../../lib/use-create-dialog.ts';
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
  const [form] = Form.useForm<Values>();
  const create = useCreateFinding();
  const dialog = useCreateDialog(form, onClose);

  const save = () =>
    dialog.save(
      (v, fileIds) => ({
        unitId: v.unitId,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
        inspectionName: v.inspectionName.trim(),
        inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
        dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null,
        fileIds,
      }),
      (body, idempotencyKey) => create.mutateAsync({ campaignId, body, idempotencyKey }),
      t('findings.form.saved'),
    );

  return (
    <Modal
      open={open}
      title={t('findings.form.title')}
      okText={t('findings.form.save')}
      cancelText={t('findings.cancel')}
      onOk={() => void save()}
      onCancel={dialog.close}
      okButtonProps={{ loading: create.isPending }}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="unitId"
          label={t('findings.fields.unit')}
          rules={[{ required: true, message: t('findings.form.unitRequired') }]}
        >
          <UnitTreeSelect units={units} placeholder={t('findings.form.unitPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('findings.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('findings.form.titleRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            placeholder={t('findings.form.titlePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="description" label={t('findings.fields.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
        <Form.Item
          name="inspectionName"
          label={t('findings.fields.inspection')}
          rules={[{ required: true, whitespace: true, message: t('findings.form.inspectionRequired') }]}
        >
          <Input maxLength={500} placeholder={t('findings.form.inspectionPlaceholder')} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="inspectedOn"
            label={t('findings.fields.inspectedOn')}
            rules={[{ required: true, message: t('findings.form.inspectedOnRequired') }]}
          >
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
                  return value && inspected && value.isBefore(inspected, 'day')
                    ? Promise.reject(new Error(t('findings.form.dueBeforeInspection')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
          </Form.Item>
        </div>
        <Form.Item label={t('findings.fields.documents')}>
          <Evidence
            files={dialog.files}
            onAdd={dialog.addFile}
            onRemove={dialog.removeFile}
            uploadLabel={t('findings.form.uploadDocuments')}
            hideEmpty
          />
        </Form.Item>
      </Form>
      {dialog.error && <Alert type="error" showIcon title={dialog.error} />}
    </Modal>
  );
}
