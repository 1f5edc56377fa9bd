/**
 * Records an initiative: its unit (the office chooses any unit; others record for their own), the
 * campaign it is entered for (optional), the year, title and summary, the authors among the unit's
 * staff (a staff member recording alone must be one of them) and its files.
 */
import { useEffect, useMemo } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Campaign, Unit } from '@thidua/contract';
import { useSession } from '../../../lib/auth.ts';
import { useCreateDialog } from '../../../lib/use-create-dialog.ts';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useCreateInitiative } from '../api/create-initiative.ts';
import { useUnitPeople } from '../api/get-unit-people.ts';
import { useInitiativesTranslation } from '../locales/register.ts';
import { recordingUnits, recordsAsAuthor } from '../utils/permissions.ts';
import type { EvidenceSlot } from '../../../components/file-slots.ts';
import { SearchSelect } from '../../../components/search-select.tsx';
import { pickerLabel } from '../../../lib/campaign-picker.ts';

interface Values {
  unitId: string;
  campaignId?: string | null;
  year?: number | null;
  title: string;
  summary?: string;
  authorPersonIds: string[];
}

interface Props {
  open: boolean;
  units: readonly Unit[];
  campaigns: readonly Pick<Campaign, 'id' | 'title' | 'number' | 'year'>[];
  Evidence: EvidenceSlot;
  onClose: () => void;
}

export function InitiativeFormModal({ open, units, campaigns, Evidence, onClose }: Props) {
  const { t } = useInitiativesTranslation();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const create = useCreateInitiative();
  const dialog = useCreateDialog(form, onClose);
  const own = useMemo(() => recordingUnits(user), [user]);
  const unitId = Form.useWatch('unitId', form) ?? null;
  const people = useUnitPeople(unitId);
  const asAuthor = unitId ? recordsAsAuthor(user, unitId) : false;

  // Someone of one unit records for it; a staff member starts as the author.
  useEffect(() => {
    if (!open) return;
    if (own && own.length === 1) form.setFieldValue('unitId', own[0]);
    if (user?.personId && own && own.length > 0 && !form.getFieldValue('authorPersonIds')?.length)
      form.setFieldValue('authorPersonIds', [user.personId]);
  }, [open, own, user, form]);

  const save = () =>
    dialog.save(
      (v, fileIds) => ({
        unitId: v.unitId,
        campaignId: v.campaignId ?? null,
        year: v.year ?? null,
        title: v.title.trim(),
        summary: v.summary?.trim() ?? '',
        authorPersonIds: v.authorPersonIds,
        fileIds,
      }),
      (body, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
      t('initiatives.form.saved'),
    );

  const unitOptions = own ? units.filter((u) => own.includes(u.id)).map((u) => ({ value: u.id, label: u.name })) : [];

  return (
    <Modal
      open={open}
      title={t('initiatives.form.title')}
      okText={t('initiatives.form.save')}
      cancelText={t('initiatives.cancel')}
      onOk={() => void save()}
      onCancel={dialog.close}
      okButtonProps={{ loading: create.isPending }}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ year: new Date().getFullYear() }}
        onValuesChange={(changed: Partial<Values>) => {
          // Authors and files belong to a unit: another unit starts them afresh.
          if ('unitId' in changed) {
            form.setFieldValue(
              'authorPersonIds',
              changed.unitId && user?.personId && recordsAsAuthor(user, changed.unitId) ? [user.personId] : [],
            );
            dialog.clearFiles();
          }
        }}
      >
        <Form.Item
          name="unitId"
          label={t('initiatives.fields.unit')}
          rules={[{ required: true, message: t('initiatives.form.unitRequired') }]}
        >
          {own ? (
            <Select
              options={unitOptions}
              disabled={unitOptions.length === 1}
              placeholder={t('initiatives.form.unitPlaceholder')}
            />
          ) : (
            <UnitTreeSelect units={units} placeholder={t('initiatives.form.unitPlaceholder')} />
          )}
        </Form.Item>
        <Form.Item
          name="title"
          label={t('initiatives.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('initiatives.form.titleRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={1000}
            placeholder={t('initiatives.form.titlePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="summary" label={t('initiatives.fields.summary')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={20000}
            placeholder={t('initiatives.form.summaryPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="authorPersonIds"
          label={t('initiatives.fields.authors')}
          extra={asAuthor ? t('initiatives.form.selfAuthor') : undefined}
          rules={[
            { required: true, type: 'array', min: 1, message: t('initiatives.form.authorsRequired') },
            {
              validator: (_r, value: string[] | undefined) =>
                asAuthor && user?.personId && !(value ?? []).includes(user.personId)
                  ? Promise.reject(new Error(t('initiatives.form.selfAuthor')))
                  : Promise.resolve(),
            },
          ]}
        >
          <SearchSelect
            mode="multiple"
            disabled={!unitId}
            loading={people.isFetching}
            placeholder={unitId ? t('initiatives.form.authorsPlaceholder') : t('initiatives.form.unitFirst')}
            options={(people.data?.items ?? [])
              .filter((p) => !p.archived)
              .map((p) => ({ value: p.id, label: p.position ? `${p.fullName} (${p.position})` : p.fullName }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="campaignId"
            label={t('initiatives.fields.campaign')}
            style={{ flex: 1, minWidth: 320 }}
            extra={t('initiatives.form.campaignHint')}
          >
            <SearchSelect
              allowClear
              placeholder={t('initiatives.form.anyCampaign')}
              options={campaigns.map((c) => ({ value: c.id, label: pickerLabel(c, campaigns) }))}
            />
          </Form.Item>
          <Form.Item name="year" label={t('initiatives.fields.year')}>
            <InputNumber min={1900} max={2200} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </div>
        <Form.Item label={t('initiatives.fields.files')}>
          <Evidence
            files={dialog.files}
            ownerUnitId={unitId}
            disabled={!unitId}
            onAdd={dialog.addFile}
            onRemove={dialog.removeFile}
            uploadLabel={t('initiatives.form.upload')}
            hideEmpty
          />
        </Form.Item>
      </Form>
      {dialog.error && <Alert type="error" showIcon title={dialog.error} />}
    </Modal>
  );
}
