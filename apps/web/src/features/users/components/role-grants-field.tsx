/**
 * The roles of an account as an editable list: a role, and for unit roles (unit officer, unit
 * head, staff) the unit it applies to; an authority-wide role (leader, secretariat …) may be held
 * at an authority unit (a commune's People's Committee), or left without one to cover every unit.
 */
import { Button, Flex, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RoleName, Unit } from '@thidua/contract';
import { AUTHORITY_ROLES, ROLES, UNIT_ROLES } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';

export interface GrantValue {
  role: RoleName | undefined;
  unitId: string | null | undefined;
}

export function isUnitRole(role: RoleName | undefined): boolean {
  return role !== undefined && UNIT_ROLES.includes(role);
}

/** Whether a grant of this role keeps a unit: required for unit roles, optional for authority roles. */
export function takesUnit(role: RoleName | undefined): boolean {
  return role !== undefined && (UNIT_ROLES.includes(role) || AUTHORITY_ROLES.includes(role));
}

export function RoleGrantsField({ units }: { units: readonly Unit[] }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, grants: GrantValue[] | undefined) => {
            if (!grants || grants.length === 0) throw new Error(t('users.rolesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('users.fields.roles')} required>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap>
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: t('validation.required') }]}
                style={{ flex: '0 0 220px', marginBottom: 8 }}
              >
                <Select
                  placeholder={t('users.fields.role')}
                  options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                />
              </Form.Item>
              <Form.Item
                noStyle
                shouldUpdate={(prev, next) => prev.roles?.[field.name]?.role !== next.roles?.[field.name]?.role}
              >
                {({ getFieldValue }) => {
                  const role = getFieldValue(['roles', field.name, 'role']) as RoleName | undefined;
                  if (!takesUnit(role)) return <div style={{ flex: '1 1 240px' }} />;
                  const required = isUnitRole(role);
                  return (
                    <Form.Item
                      name={[field.name, 'unitId']}
                      rules={required ? [{ required: true, message: t('users.unitRequired') }] : []}
                      extra={required ? undefined : t('users.authorityUnitHint')}
                      style={{ flex: '1 1 240px', marginBottom: 8 }}
                    >
                      <UnitTreeSelect
                        units={units}
                        placeholder={t(required ? 'users.fields.unit' : 'users.fields.authorityUnit')}
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('users.removeRole')}
                title={t('users.removeRole')}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: undefined, unitId: null })}>
            {t('users.addRole')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
