/** Add a staff member to a unit, or edit one (PATCH with the ETag read when the dialog opened). */
import { App, Form, Input, InputNumber, Select } from 'antd';
import type { CreatePersonBody, Person, Unit, UpdatePersonBody } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { EditDialog, mountedWhileOpen } from '../../../components/edit-dialog.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { useCreatePerson } from '../api/create-person.ts';
import { usePerson } from '../api/get-person.ts';
import { useUpdatePerson } from '../api/update-person.ts';

export type PersonFormTarget = { mode: 'create'; unitId: string | null } | { mode: 'edit'; personId: string };

interface Props {
  target: PersonFormTarget | null;
  units: readonly Unit[];
  /** Units the user may add staff to; null = every unit. */
  manageableUnitIds: ReadonlySet<string> | null;
  onClose: () => void;
}

type Gender = NonNullable<Person['gender']>;
const GENDERS: Gender[] = ['female', 'male', 'other'];

interface Values {
  unitId: string | null;
  fullName: string;
  position: string;
  email: string;
  phone: string;
  gender: Gender | null;
  birthYear: number | null;
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function toValues(p: Person): Values {
  return {
    unitId: p.unitId,
    fullName: p.fullName,
    position: p.position ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    gender: p.gender,
    birthYear: p.birthYear,
  };
}

function changes(before: Person, v: Values): UpdatePersonBody {
  const body: UpdatePersonBody = {};
  if (v.unitId && v.unitId !== before.unitId) body.unitId = v.unitId;
  if (v.fullName.trim() !== before.fullName) body.fullName = v.fullName.trim();
  if (blank(v.position) !== before.position) body.position = blank(v.position);
  if (blank(v.email) !== before.email) body.email = blank(v.email);
  if (blank(v.phone) !== before.phone) body.phone = blank(v.phone);
  if ((v.gender ?? null) !== before.gender) body.gender = v.gender ?? null;
  if ((v.birthYear ?? null) !== before.birthYear) body.birthYear = v.birthYear ?? null;
  return body;
}

function PersonFormDialog({ target, units, manageableUnitIds, onClose }: Props & { target: PersonFormTarget }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const existing = usePerson(target.mode === 'edit' ? target.personId : null);
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const keyFor = useIdempotencyKey(target);

  async function save(values: Values) {
    if (target.mode === 'edit') {
      if (!existing.data) return;
      const body = changes(existing.data.person, values);
      if (Object.keys(body).length > 0)
        await update.mutateAsync({ id: target.personId, etag: existing.data.etag, body });
    } else {
      const body: CreatePersonBody = {
        unitId: values.unitId ?? '',
        fullName: values.fullName.trim(),
        position: blank(values.position),
        email: blank(values.email),
        phone: blank(values.phone),
        gender: values.gender ?? null,
        birthYear: values.birthYear ?? null,
      };
      await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
    }
    void message.success(t('people.saved', { name: values.fullName.trim() }));
    onClose();
  }

  return (
    <EditDialog
      title={target.mode === 'edit' ? t('people.editTitle') : t('people.createTitle')}
      width={600}
      createValues={
        target.mode === 'create'
          ? { unitId: target.unitId, fullName: '', position: '', email: '', phone: '', gender: null, birthYear: null }
          : undefined
      }
      record={existing}
      toValues={(data) => toValues(data.person)}
      saving={create.isPending || update.isPending}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item
        name="unitId"
        label={t('people.fields.unit')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <UnitTreeSelect
          units={units}
          allowedIds={manageableUnitIds}
          allowClear={false}
          placeholder={t('people.fields.unitPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="fullName"
        label={t('people.fields.fullName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 200, message: t('validation.maxLength', { max: 200 }) },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="position"
        label={t('people.fields.position')}
        rules={[{ max: 200, message: t('validation.maxLength', { max: 200 }) }]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="gender" label={t('people.fields.gender')}>
        <Select
          allowClear
          options={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
          style={{ maxWidth: 200 }}
        />
      </Form.Item>
      <Form.Item name="birthYear" label={t('people.fields.birthYear')}>
        <InputNumber min={1900} max={2100} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('people.fields.phone')}
        rules={[{ max: 50, message: t('validation.maxLength', { max: 50 }) }]}
      >
        <Input style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('people.fields.email')}
        rules={[{ type: 'email', message: t('validation.email') }]}
      >
        <Input style={{ maxWidth: 360 }} />
      </Form.Item>
    </EditDialog>
  );
}

export const PersonFormModal = mountedWhileOpen(PersonFormDialog);
