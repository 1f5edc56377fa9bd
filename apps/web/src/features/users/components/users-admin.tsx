/** Account administration: search and filter accounts, create, edit roles, disable, reset password. */
import { useMemo, useState } from 'react';
import { Button, Dropdown, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, MoreOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { RoleName, Unit, User } from '@thidua/contract';
import { ROLES } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { useConfirmedAction } from '../../../lib/use-confirmed-action.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { RoleTags } from '../../../components/role-tags.tsx';
import { useUsers } from '../api/get-users.ts';
import { userQueryOptions } from '../api/get-user.ts';
import { useUpdateUser } from '../api/update-user.ts';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { UserFormModal, type UserFormTarget } from './user-form-modal.tsx';

type StatusFilter = 'all' | 'active' | 'disabled';

interface Props {
  units: readonly Unit[];
  /** The signed-in administrator: cannot disable their own account. */
  currentUserId: string;
}

export function UsersAdmin({ units, currentUserId }: Props) {
  const { t } = useTranslation();
  const confirmAction = useConfirmedAction();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<RoleName | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>('all');
  const paging = usePagination();
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const users = useUsers({
    q: q || undefined,
    role,
    disabled: status === 'all' ? undefined : status === 'disabled',
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const update = useUpdateUser();
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  function toggleDisabled(user: User) {
    const disabling = !user.disabled;
    confirmAction({
      title: disabling
        ? t('users.disableConfirmTitle', { name: user.fullName })
        : t('users.enableConfirmTitle', { name: user.fullName }),
      content: disabling ? t('users.disableConfirm') : undefined,
      okText: disabling ? t('users.disable') : t('users.enable'),
      danger: disabling,
      run: async () => {
        const { etag } = await qc.fetchQuery({ ...userQueryOptions(user.id), staleTime: 0 });
        await update.mutateAsync({ id: user.id, etag, body: { disabled: disabling } });
      },
      doneMessage: disabling
        ? t('users.disabled', { name: user.fullName })
        : t('users.enabled', { name: user.fullName }),
    });
  }

  const columns: TableColumnsType<User> = [
    { title: t('users.fields.fullName'), dataIndex: 'fullName' },
    { title: t('users.fields.email'), dataIndex: 'email' },
    {
      title: t('users.fields.roles'),
      key: 'roles',
      render: (_: unknown, u) => <RoleTags roles={u.roles} unitNames={unitNames} />,
    },
    {
      title: t('users.fields.status'),
      dataIndex: 'disabled',
      width: 160,
      render: (disabled: boolean, u) => (
        <Space size={4} wrap>
          {disabled ? (
            <Tag color="red">{t('users.statusDisabled')}</Tag>
          ) : (
            <Tag color="green">{t('users.statusActive')}</Tag>
          )}
          {u.mustChangePassword && <Tag color="orange">{t('users.mustChangeTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      responsive: ['xl'],
      render: (v: string | null) => (v ? formatDateTime(v) : t('users.neverSignedIn')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space size={0}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('actions.edit')}
            title={t('actions.edit')}
            onClick={() => setFormTarget({ mode: 'edit', userId: u.id })}
          />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'reset', icon: <KeyOutlined />, label: t('users.resetPassword'), onClick: () => setResetFor(u) },
                // An administrator cannot lock themselves out (the API refuses it too).
                ...(u.id === currentUserId
                  ? []
                  : [
                      {
                        key: 'toggle',
                        icon: u.disabled ? <UnlockOutlined /> : <LockOutlined />,
                        danger: !u.disabled,
                        label: u.disabled ? t('users.enable') : t('users.disable'),
                        onClick: () => toggleDisabled(u),
                      },
                    ]),
              ],
            }}
          >
            <Button type="text" icon={<MoreOutlined />} aria-label={t('common.more')} title={t('common.more')} />
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={t('users.searchPlaceholder')}
        filters={
          <>
            <Select<RoleName>
              allowClear
              placeholder={t('users.allRoles')}
              value={role}
              onChange={paging.resettingPage(setRole)}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              style={{ width: 220 }}
            />
            <Select<StatusFilter>
              value={status}
              onChange={paging.resettingPage(setStatus)}
              options={[
                { value: 'all', label: t('users.statusAll') },
                { value: 'active', label: t('users.statusActive') },
                { value: 'disabled', label: t('users.statusDisabled') },
              ]}
              style={{ width: 160 }}
            />
          </>
        }
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            {t('users.add')}
          </Button>
        }
      />
      <PagedTable<User>
        list={users}
        paging={paging}
        columns={columns}
        emptyText={t('users.empty')}
        totalText={(total) => t('users.total', { count: total, formatted: formatNumber(total) })}
      />
      <UserFormModal target={formTarget} units={units} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} />
    </div>
  );
}
