/**
 * antd's Select with a search box that ignores Vietnamese diacritics: "nguyen" finds "Nguyễn".
 * Without `onSearch` the options are filtered here by their label (lib/search.ts); with it, what is
 * typed goes to the caller, which asks the server (whose search ignores diacritics too) and passes
 * the options found. Every searchable Select of the app is this one.
 */
import { Select, type SelectProps } from 'antd';
import { filterOptionByLabel } from '../lib/search.ts';

export type SearchSelectProps<V> = Omit<
  SelectProps<V>,
  'showSearch' | 'filterOption' | 'optionFilterProp' | 'onSearch' | 'searchValue'
> & {
  /** Search on the server: called with the text typed; the options are the caller's results. */
  onSearch?: (text: string) => void;
  /** The text typed, when the caller keeps it (server search). */
  searchValue?: string;
};

/** `V`: the value's type, a string (an id) unless the props say otherwise. */
export function SearchSelect<V = string>({ onSearch, searchValue, ...props }: SearchSelectProps<V>) {
  const showSearch = onSearch
    ? { filterOption: false as const, onSearch, ...(searchValue !== undefined ? { searchValue } : {}) }
    : { filterOption: filterOptionByLabel };
  return <Select<V> {...props} showSearch={showSearch} />;
}
