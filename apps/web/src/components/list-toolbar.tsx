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
  /** Where the search box goes: first (the default), or after the filters where they are the list's
   * main way in (a status switch) and the search only narrows them further. */
  searchPlacement?: 'first' | 'last';
  /** The search box's width in pixels; 280 unless a list's placeholder needs more or its filters
   * leave less room. */
  searchWidth?: number;
  /** Actions on the right. */
  actions?: ReactNode;
}

export function ListToolbar({
  search,
  onSearchChange,
  searchPlaceholder,
  filters,
  searchPlacement = 'first',
  searchWidth = 280,
  actions,
}: ListToolbarProps) {
  const searchBox = (
    <Input.Search
      allowClear
      placeholder={searchPlaceholder}
      aria-label={searchPlaceholder}
      value={search}
      onChange={(e) => onSearchChange(e.target.value)}
      style={{ width: searchWidth }}
    />
  );
  return (
    <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
      <Space wrap>
        {searchPlacement === 'first' && searchBox}
        {filters}
        {searchPlacement === 'last' && searchBox}
      </Space>
      {actions}
    </Space>
  );
}
