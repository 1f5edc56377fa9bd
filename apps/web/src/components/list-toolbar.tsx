/**
 * The row above a searchable list: the search box with the list's own filters beside it, and the
 * list's actions (e.g. "Add") on the right. One component so that every list lays out, labels and
 * wraps its search the same way on narrow screens.
 */
import type { ReactNode } from 'react';
import { Input, Space } from 'antd';

interface ListToolbarProps {
  search: string;
  /** Called on every keystroke; the caller debounces the query it sends. */
  onSearchChange: (value: string) => void;
  /** Also the search box's accessible name. */
  searchPlaceholder: string;
  /** Filters shown after the search box. */
  filters?: ReactNode;
  /** Actions on the right. */
  actions?: ReactNode;
}

export function ListToolbar({ search, onSearchChange, searchPlaceholder, filters, actions }: ListToolbarProps) {
  return (
    <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
      <Space wrap>
        <Input.Search allowClear placeholder={searchPlaceholder} aria-label={searchPlaceholder} value={search} onChange={(e) => onSearchChange(e.target.value)} style={{ width: 280 }} />
        {filters}
      </Space>
      {actions}
    </Space>
  );
}
