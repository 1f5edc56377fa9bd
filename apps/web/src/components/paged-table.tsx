/**
 * An antd Table over one server-paged list query: the query's error in place of the table, the
 * loading state, an empty text (left blank while the first page loads, so "nothing found" never
 * flashes) and the paging from `usePagination`. Shared by the list screens so that they page,
 * load and fail alike; columns and anything else a Table takes are passed through.
 */
import type { ReactNode } from 'react';
import { Alert, Empty, Table } from 'antd';
import type { TableProps } from 'antd';
import { problemMessage } from '../lib/problem.ts';
import type { Pagination } from '../lib/use-pagination.ts';

/** The parts of a TanStack list query the table reads. */
interface ListQuery<T> {
  data?: { items: T[]; total: number } | undefined;
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
}

interface PagedTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'locale' | 'pagination'> {
  list: ListQuery<T>;
  paging: Pick<Pagination, 'tablePagination'>;
  /** "N records" under the table; none when left out. */
  totalText?: (total: number) => ReactNode;
  /** Shown when the list is empty. */
  emptyText: ReactNode;
}

export function PagedTable<T extends object>({ list, paging, totalText, emptyText, ...table }: PagedTableProps<T>) {
  if (list.isError) return <Alert type="error" showIcon title={problemMessage(list.error)} />;
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      dataSource={list.data?.items ?? []}
      loading={list.isPending || list.isFetching}
      locale={{
        emptyText: list.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />,
      }}
      pagination={paging.tablePagination(list.data?.total ?? 0, totalText)}
      scroll={{ x: 'max-content' }}
      {...table}
    />
  );
}
