/** A user's roles as tags; unit roles name their unit ("Cán bộ đơn vị — UBND xã Thạch Hải"). */
import { Space, Tag } from 'antd';
import type { RoleGrant } from '@thidua/contract';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  admin: 'red',
  leader: 'gold',
  secretariat: 'volcano',
  reception: 'cyan',
  communications: 'purple',
  unit_head: 'blue',
  unit_officer: 'geekblue',
  staff: 'green',
  observer: 'default',
};

export function RoleTags({
  roles,
  unitNames,
}: {
  roles: readonly RoleGrant[];
  unitNames?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  if (roles.length === 0) return <Tag>{t('roles.none')}</Tag>;
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((g, i) => (
        <Tag key={`${g.role}:${g.unitId ?? ''}:${i}`} color={COLORS[g.role]}>
          {t(`roles.${g.role}`)}
          {g.unitId ? ` — ${unitNames?.get(g.unitId) ?? g.unitId}` : ''}
        </Tag>
      ))}
    </Space>
  );
}
