/**
 * The pieces the catalogue's tabs share: the table (its load error instead of it, "Chưa có dữ
 * liệu" when empty), the actions column shown only to those who may manage the catalogue, and
 * the delete button that asks first and says how it went.
 */
import type { ReactNode } from 'react';
import { Alert, App, Button, Popconfirm, Table } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { problemMessage } from '../../../lib/problem.ts';
import { useAwardCatalogueTranslation } from '../locales/register.ts';

export function CatalogueTable<T extends object>({ error, ...table }: TableProps<T> & { error?: unknown }) {
  const { t } = useAwardCatalogueTranslation();
  if (error) return <Alert type="error" showIcon title={problemMessage(error)} />;
  return <Table<T> size="middle" pagination={false} locale={{ emptyText: t('awardCatalogue.empty') }} {...table} />;
}

/** The "Thao tác" column, for those who may manage the catalogue (none for the others). */
export function actionsColumn<T>(
  canManage: boolean,
  title: string,
  render: (row: T) => ReactNode,
): TableColumnsType<T> {
  return canManage ? [{ title, key: 'actions', render: (_: unknown, row: T) => render(row) }] : [];
}

/** "Xoá", after "are you sure"; then "Đã xoá" or the problem. */
export function DeleteRowButton({ onDelete }: { onDelete: () => Promise<unknown> }) {
  const { t } = useAwardCatalogueTranslation();
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={t('awardCatalogue.confirmDelete')}
      onConfirm={() =>
        onDelete().then(
          () => void message.success(t('awardCatalogue.deleted')),
          (err: unknown) => void message.error(problemMessage(err)),
        )
      }
    >
      <Button size="small" danger>
        {t('awardCatalogue.delete')}
      </Button>
    </Popconfirm>
  );
}
