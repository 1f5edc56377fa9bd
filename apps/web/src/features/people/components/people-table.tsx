/**
 * Staff list with server-side search (diacritics ignored), unit filter and paging. Used on its own
 * page and, with a fixed unit, under a unit's details.
 */
import { useState, type ReactNode } from 'react';
import { Button, Checkbox, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, InboxOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Person, Unit } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { useConfirmedAction } from '../../../lib/use-confirmed-action.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { usePagination } from '../../../lib/use-pagination.ts';
import { ListToolbar } from '../../../components/list-toolbar.tsx';
import { PagedTable } from '../../../components/paged-table.tsx';
import { UnitTreeSelect } from '../../../components/unit-tree-select.tsx';
import { usePeople } from '../api/get-people.ts';
import { personQueryOptions } from '../api/get-person.ts';
import { useUpdatePerson } from '../api/update-person.ts';
import { PersonFormModal, type PersonFormTarget } from './person-form-modal.tsx';

interface Props {
  units: readonly Unit[];
  /** Show only this unit's staff (no unit filter, no unit column). */
  fixedUnitId?: string;
  /** Units whose staff the user may change; null = every unit, empty = none. */
  manageableUnitIds: ReadonlySet<string> | null;
  /** What a row shows when expanded (e.g. the person's awards, from the page); no expansion when left out. */
  personDetails?: (person: Person) => ReactNode;
}

export function PeopleTable({ units, fixedUnitId, manageableUnitIds, personDetails }: Props) {
  const { t } = useTranslation();
  const confirmAction = useConfirmedAction();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [unitFilter, setUnitFilter] = useState<string | null>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  // A search looks at the name unless asked to look at the position and e-mail too.
  const [searchAll, setSearchAll] = useState(false);
  const paging = usePagination();
  const [formTarget, setFormTarget] = useState<PersonFormTarget | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const unitId = fixedUnitId ?? unitFilter ?? undefined;

  const people = usePeople({
    unitId,
    q: q || undefined,
    searchIn: searchAll ? 'all' : undefined,
    includeArchived,
    page: paging.page,
    pageSize: paging.pageSize,
  });
  const update = useUpdatePerson();

  const canManage = (id: string) => manageableUnitIds === null || manageableUnitIds.has(id);
  const canAdd = fixedUnitId ? canManage(fixedUnitId) : manageableUnitIds === null || manageableUnitIds.size > 0;
  // A unit officer of one unit adds staff to that unit: no need to pick it.
  const onlyManageableUnit = manageableUnitIds?.size === 1 ? ([...manageableUnitIds][0] ?? null) : null;

  function toggleArchived(person: Person) {
    const archiving = !person.archived;
    confirmAction({
      title: archiving
        ? t('people.archiveConfirmTitle', { name: person.fullName })
        : t('people.restoreConfirmTitle', { name: person.fullName }),
      okText: archiving ? t('people.archive') : t('people.restore'),
      danger: archiving,
      run: async () => {
        const { etag } = await qc.fetchQuery({ ...personQueryOptions(person.id), staleTime: 0 });
        await update.mutateAsync({ id: person.id, etag, body: { archived: archiving } });
      },
      doneMessage: archiving
        ? t('people.archived', { name: person.fullName })
        : t('people.restored', { name: person.fullName }),
    });
  }

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.fields.fullName'),
      dataIndex: 'fullName',
      render: (name: string, p) => (
        <Space size={4} wrap>
          <span>{name}</span>
          {p.archived && <Tag>{t('people.archivedTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('people.fields.position'), dataIndex: 'position', render: (v: string | null) => v ?? '' },
    ...(fixedUnitId ? [] : [{ title: t('people.fields.unit'), dataIndex: 'unitName' } as const]),
    {
      title: t('people.fields.gender'),
      dataIndex: 'gender',
      width: 90,
      render: (g: Person['gender']) => (g ? t(`genders.${g}`) : ''),
    },
    { title: t('people.fields.birthYear'), dataIndex: 'birthYear', width: 90, responsive: ['md'] },
    // Under a unit's details the table is half as wide: contact columns only on wide screens.
    {
      title: t('people.fields.phone'),
      dataIndex: 'phone',
      responsive: fixedUnitId ? ['xxl'] : ['lg'],
      render: (v: string | null) => v ?? '',
    },
    {
      title: t('people.fields.email'),
      dataIndex: 'email',
      responsive: fixedUnitId ? ['xxl'] : ['xl'],
      render: (v: string | null) => v ?? '',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, p) =>
        canManage(p.unitId) ? (
          <Space size={0}>
            <Button
              type="text"
              icon={<EditOutlined />}
              aria-label={t('actions.edit')}
              title={t('actions.edit')}
              onClick={() => setFormTarget({ mode: 'edit', personId: p.id })}
            />
            <Button
              type="text"
              danger={!p.archived}
              icon={p.archived ? <UndoOutlined /> : <InboxOutlined />}
              aria-label={p.archived ? t('people.restore') : t('people.archive')}
              title={p.archived ? t('people.restore') : t('people.archive')}
              onClick={() => toggleArchived(p)}
            />
          </Space>
        ) : null,
    },
  ];

  return (
    <div>
      <ListToolbar
        search={search}
        onSearchChange={paging.resettingPage(setSearch)}
        searchPlaceholder={searchAll ? t('people.searchPlaceholderAll') : t('people.searchPlaceholder')}
        filters={
          <>
            {!fixedUnitId && (
              <UnitTreeSelect
                units={units}
                value={unitFilter}
                onChange={paging.resettingPage(setUnitFilter)}
                placeholder={t('people.allUnits')}
                style={{ width: 300 }}
              />
            )}
            <Checkbox checked={searchAll} onChange={(e) => paging.resettingPage(setSearchAll)(e.target.checked)}>
              {t('people.searchAllFields')}
            </Checkbox>
            <Checkbox
              checked={includeArchived}
              onChange={(e) => paging.resettingPage(setIncludeArchived)(e.target.checked)}
            >
              {t('people.includeArchived')}
            </Checkbox>
          </>
        }
        actions={
          canAdd && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormTarget({ mode: 'create', unitId: unitId ?? onlyManageableUnit })}
            >
              {t('people.add')}
            </Button>
          )
        }
      />
      <PagedTable<Person>
        list={people}
        paging={paging}
        columns={columns}
        {...(personDetails ? { expandable: { expandedRowRender: personDetails } } : {})}
        emptyText={q ? t('people.noMatch') : t('people.empty')}
        totalText={(total) => t('people.total', { count: total, formatted: formatNumber(total) })}
      />
      <PersonFormModal
        target={formTarget}
        units={units}
        manageableUnitIds={manageableUnitIds}
        onClose={() => setFormTarget(null)}
      />
    </div>
  );
}
