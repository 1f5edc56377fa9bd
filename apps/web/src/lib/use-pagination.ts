/**
 * Page state for a server-paged antd Table: the page and page size sent to the API, a reset for
 * when a filter changes (page 3 of the old results means nothing in the new ones), and the
 * Table's `pagination` prop built from the total the API returned.
 */
import { useState, type ReactNode } from 'react';
import type { TablePaginationConfig } from 'antd';

export function usePagination(sizes: number[] = [10, 20, 50, 100]) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(sizes.includes(20) ? 20 : (sizes[0] ?? 20));

  function tablePagination(total: number, showTotal?: (total: number) => ReactNode): TablePaginationConfig {
    return {
      current: page,
      pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: sizes,
      showTotal,
      onChange: (next, size) => {
        setPage(size === pageSize ? next : 1);
        setPageSize(size);
      },
    };
  }

  /** Wraps a filter's setter so that changing the filter goes back to the first page. */
  function resettingPage<T>(set: (value: T) => void): (value: T) => void {
    return (value) => {
      set(value);
      setPage(1);
    };
  }

  return { page, pageSize, tablePagination, resettingPage };
}

export type Pagination = ReturnType<typeof usePagination>;
