/** Create an account with roles and its staff record, or change an account's name, staff record and roles (PATCH with If-Match). */
import { Alert, App, Form, Input } from 'antd';
import type { CreateUserBody, RoleGrant, Unit, UpdateUserBody, User } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '../../../lib/use-idempotency-key.ts';
import { EditDialog, mountedWhileOpen } from '../../../components/edit-dialog.tsx';
import { useCreateUser } from '../api/create-user.ts';
import { useUser } from '../api/get-user.ts';
import { useUpdateUser } from '../api/update-user.ts';
import { PersonPicker } from './person-picker.tsx';
import { RoleGrantsField, takesUnit, type GrantValue } from './role-grants-field.tsx';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; userId: string };

interface Props {
  target: UserFormTarget | null;
  units: readonly Unit[];
  onClose: () => void;
}

interface Values {
  email: string;
  fullName: string;
  password: string;
  personId: string | null;
  roles: GrantValue[];
}

function toGrants(values: GrantValue[]): RoleGrant[] {
  return values
    .filter((g): g is GrantValue & { role: RoleGrant['role'] } => g.role !== undefined)
    .map((g) => (takesUnit(g.role) ? { role: g.role, unitId: g.unitId ?? null } : { role: g.role }));
}

function sameGrants(a: readonly RoleGrant[], b: readonly RoleGrant[]): boolean {
  const key = (g: RoleGrant) => `${g.role}:${g.unitId ?? ''}`;
  const sa = new Set(a.map(key));
  const sb = new Set(b.map(key));
  return sa.size === sb.size && [...sa].every((k) => sb.has(k));
}

function toValues(u: User): Values {
  return {
    email: u.email,
    fullName: u.fullName,
    password: '',
    personId: u.personId,
    roles: u.roles.map((g) => ({ role: g.role, unitId: g.unitId ?? null })),
  };
}

function UserFormDialog({ target, units, onClose }: Props & { target: UserFormTarget }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const existing = useUser(target.mode === 'edit' ? target.userId : null);
  const create = useCreateUser();
  const update = useUpdateUser();
  const keyFor = useIdempotencyKey(target);

  async function save(values: Values) {
    const roles = toGrants(values.roles ?? []);
    if (target.mode === 'edit') {
      if (!existing.data) return;
      const before = existing.data.user;
      const body: UpdateUserBody = {};
      if (values.fullName.trim() !== before.fullName) body.fullName = values.fullName.trim();
      if ((values.personId ?? null) !== before.personId) body.personId = values.personId ?? null;
      if (!sameGrants(roles, before.roles)) body.roles = roles;
      if (Object.keys(body).length > 0) await update.mutateAsync({ id: before.id, etag: existing.data.etag, body });
    } else {
      const body: CreateUserBody = {
        email: values.email.trim(),
        fullName: values.fullName.trim(),
        password: values.password,
        roles,
        ...(values.personId ? { personId: values.personId } : {}),
      };
      await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
    }
    void message.success(t('users.saved', { name: values.fullName.trim() }));
    onClose();
  }

  const editing = target.mode === 'edit';
  return (
    <EditDialog
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      width={720}
      createValues={
        target.mode === 'create'
          ? { email: '', fullName: '', password: '', personId: null, roles: [{ role: undefined, unitId: null }] }
          : undefined
      }
      record={existing}
      toValues={(data) => toValues(data.user)}
      saving={create.isPending || update.isPending}
      onSave={save}
      onClose={onClose}
      autoComplete="off"
    >
      <Form.Item
        name="email"
        label={t('users.fields.email')}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'email', message: t('validation.email') },
        ]}
        extra={editing ? t('users.emailFixed') : undefined}
      >
        <Input disabled={editing} inputMode="email" />
      </Form.Item>
      <Form.Item
        name="fullName"
        label={t('users.fields.fullName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 200, message: t('validation.maxLength', { max: 200 }) },
        ]}
      >
        <Input />
      </Form.Item>
      {!editing && (
        <Form.Item
          name="password"
          label={t('users.fields.password')}
          extra={`${t('password.hint')} ${t('users.mustChangeNotice')}`}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      {editing && (
        <Alert type="info" showIcon title={t('users.rolesChangeEndsSessions')} style={{ marginBottom: 16 }} />
      )}
      <RoleGrantsField units={units} />
      <Form.Item name="personId" label={t('users.fields.person')} extra={t('users.personHint')}>
        <PersonPicker />
      </Form.Item>
    </EditDialog>
  );
}

export const UserFormModal = mountedWhileOpen(UserFormDialog);
