/**
 * Picks the staff member an account belongs to, searching the server as the name is typed (without
 * accents). Shows the linked person's name, unit and position before any search; clearing removes
 * the link (null).
 */
import { useMemo, useState } from 'react';
import type { Person } from '@thidua/contract';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { SearchSelect } from '../../../components/search-select.tsx';
import { useLinkedPerson, usePeopleToLink } from '../api/find-people.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}

function label(p: Person): string {
  return [p.fullName, p.position, p.unitName].filter(Boolean).join(' — ');
}

export function PersonPicker({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(search.trim());
  const found = usePeopleToLink(q, open);
  const linked = useLinkedPerson(value);
  const options = useMemo(() => {
    const people = new Map<string, Person>();
    if (linked.data) people.set(linked.data.id, linked.data);
    for (const p of found.data?.items ?? []) people.set(p.id, p);
    return [...people.values()].map((p) => ({ value: p.id, label: label(p) }));
  }, [found.data, linked.data]);

  return (
    <SearchSelect
      id={id}
      onSearch={setSearch}
      searchValue={search}
      allowClear
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      onOpenChange={setOpen}
      options={options}
      loading={found.isFetching || linked.isFetching}
      placeholder={t('users.personPlaceholder')}
      notFoundContent={found.isFetching ? t('users.personLoading') : t('users.personNotFound')}
      data-testid="user-person"
    />
  );
}
