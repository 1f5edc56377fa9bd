/** A person picked by name from the directory (GET /people?q=), for the council's members. */
import { useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { SearchSelect } from '../../../components/search-select.tsx';
import { usePeopleSearch } from '../api/councils.ts';

interface Props {
  value?: string | undefined;
  onChange?: (personId: string, label: string) => void;
  placeholder?: string;
  /** Already chosen, not offered again. */
  exclude?: readonly string[];
  'data-testid'?: string;
}

export function PersonPicker({ value, onChange, placeholder, exclude = [], ...rest }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const people = usePeopleSearch(q);
  const options = (people.data?.items ?? [])
    .filter((p) => !exclude.includes(p.id))
    .map((p) => ({
      value: p.id,
      label: `${p.fullName}${p.position ? ` - ${p.position}` : ''}${p.unitName ? ` (${p.unitName})` : ''}`,
    }));
  return (
    <SearchSelect
      value={value}
      placeholder={placeholder}
      onSearch={setSearch}
      loading={people.isFetching}
      options={options}
      onChange={(id: string) => onChange?.(id, options.find((o) => o.value === id)?.label ?? id)}
      style={{ minWidth: 320 }}
      data-testid={rest['data-testid']}
    />
  );
}
