/**
 * Search in the browser as the server searches (apps/api/src/lib/search.ts): Vietnamese diacritics
 * and case ignored, đ as d ("nguyen" finds "Nguyễn", "dinh ban" finds "Đỉnh Bàn"), every word typed
 * found somewhere, in any order. Every picker that filters its options in the browser goes through
 * these: `<SearchSelect>` (components/search-select.tsx) for Select, `keyMatchesSearch` for trees.
 */
import type { ReactNode } from 'react';
import { searchKey } from '@thidua/contract';

/** Text without diacritics, in lower case, spaces collapsed: the contract's one folding. */
export const foldVietnamese: (text: string) => string = searchKey;

/** The folded words of what was typed (none for blank input). */
function searchWords(query: string): string[] {
  return foldVietnamese(query).split(' ').filter(Boolean);
}

/** An already folded text (e.g. a unit's precomputed key) holds every word of the query; blank matches all. */
export function keyMatchesSearch(key: string, query: string): boolean {
  return searchWords(query).every((word) => key.includes(word));
}

/** The text holds every word of the query, diacritics ignored; blank matches all. */
export function matchesSearch(text: string, query: string): boolean {
  return keyMatchesSearch(foldVietnamese(text), query);
}

/** The text an option is searched by: its label when it is text, else its title, else its value. */
function optionText(option: { label?: ReactNode; title?: string; value?: unknown }): string {
  if (typeof option.label === 'string' || typeof option.label === 'number') return String(option.label);
  return option.title ?? String(option.value ?? '');
}

/** antd Select's `filterOption`: the option's label holds every word typed, diacritics ignored. */
export function filterOptionByLabel(
  input: string,
  option?: { label?: ReactNode; title?: string; value?: unknown },
): boolean {
  return option ? matchesSearch(optionText(option), input) : false;
}
