/**
 * Create a unit, or edit one (PATCH with the ETag read when the dialog opened: if someone else
 * saved in between, the server answers 412 and the form reloads the current values).
 */
import { useMemo } from 'react';
import { App, Form, Input, InputNumber, Select } from 'antd';
import type { CreateUnitBody, Unit, UpdateUnitBody } from '@thidua/contract';
import { UNIT_KINDS } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { subtreeIds } from '../../../lib/unit-tree.ts';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { EditDialog, mountedWhileOpen } from '../../../components/edit-dialog.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useCreateUnit } from '../api/create-unit.ts';
import { useUnit } from '../api/get-unit.ts';
import { useUpdateUnit } from '../api/update-unit.ts';

export type UnitFormTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; unitId: string };

interface Props {
  target: UnitFormTarget | null;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

interface Values {
  parentId: string | null;
  code: string;
  name: string;
  kind: Unit['kind'];
  displayOrder: number | null;
  address: string;
  phone: string;
  email: string;
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function toValues(unit: Unit): Values {
  return {
    parentId: unit.parentId,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    displayOrder: unit.displayOrder,
    address: unit.address ?? '',
    phone: unit.phone ?? '',
    email: unit.email ?? '',
  };
}

/** Only what changed goes into the PATCH, so the audit log shows the real edit. */
function changes(before: Unit, v: Values): UpdateUnitBody {
  const body: UpdateUnitBody = {};
  if (v.parentId !== before.parentId) body.parentId = v.parentId;
  if (v.code.trim() !== before.code) body.code = v.code.trim();
  if (v.name.trim() !== before.name) body.name = v.name.trim();
  if (v.kind !== before.kind) body.kind = v.kind;
  if (v.displayOrder !== null && v.displayOrder !== before.displayOrder) body.displayOrder = v.displayOrder;
  if (blank(v.address) !== before.address) body.address = blank(v.address);
  if (blank(v.phone) !== before.phone) body.phone = blank(v.phone);
  if (blank(v.email) !== before.email) body.email = blank(v.email);
  return body;
}

function UnitFormDialog({ target, units, onClose, onSaved }: Props & { target: UnitFormTarget }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const editId = target.mode === 'edit' ? target.unitId : null;
  const existing = useUnit(editId);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const keyFor = useIdempotencyKey(target);

  // A unit cannot be moved under itself or its own descendants.
  const disabledParents = useMemo(() => (editId ? subtreeIds(units, editId) : undefined), [units, editId]);

  async function save(values: Values) {
    let saved: Unit;
    if (target.mode === 'edit') {
      if (!existing.data) return;
      const body = changes(existing.data.unit, values);
      if (Object.keys(body).length === 0) {
        onClose();
        return;
      }
      saved = await update.mutateAsync({ id: target.unitId, etag: existing.data.etag, body });
    } else {
      const body: CreateUnitBody = {
        parentId: values.parentId ?? null,
        code: values.code.trim(),
        name: values.name.trim(),
        kind: values.kind,
        address: blank(values.address),
        phone: blank(values.phone),
        email: blank(values.email),
        ...(values.displayOrder !== null && values.displayOrder !== undefined
          ? { displayOrder: values.displayOrder }
          : {}),
      };
      saved = await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
    }
    void message.success(t('units.saved', { name: saved.name }));
    onSaved(saved);
  }

  return (
    <EditDialog
      title={target.mode === 'edit' ? t('units.editTitle') : t('units.createTitle')}
      width={640}
      createValues={
        target.mode === 'create'
          ? { parentId: target.parentId, kind: 'office', displayOrder: null, address: '', phone: '', email: '' }
          : undefined
      }
      record={existing}
      toValues={(data) => toValues(data.unit)}
      saving={create.isPending || update.isPending}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="parentId" label={t('units.fields.parent')} extra={t('units.fields.parentHint')}>
        <UnitTreeSelect units={units} disabledIds={disabledParents} placeholder={t('units.fields.parentNone')} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('units.fields.code')}
        rules={[
          { required: true, message: t('validation.required') },
          { pattern: /^[A-Za-z0-9_.-]+$/, message: t('units.fields.codePattern') },
          { max: 32, message: t('validation.maxLength', { max: 32 }) },
        ]}
      >
        <Input style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('units.fields.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 300, message: t('validation.maxLength', { max: 300 }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('units.fields.kind')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="displayOrder" label={t('units.fields.displayOrder')} extra={t('units.fields.displayOrderHint')}>
        <InputNumber min={0} max={100000} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('units.fields.address')}
        rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('units.fields.phone')}
        rules={[{ max: 50, message: t('validation.maxLength', { max: 50 }) }]}
      >
        <Input style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('units.fields.email')}
        rules={[{ type: 'email', message: t('validation.email') }]}
      >
        <Input style={{ maxWidth: 360 }} />
      </Form.Item>
    </EditDialog>
  );
}

export const UnitFormModal = mountedWhileOpen(UnitFormDialog);
