import { describe, expect, it } from 'vitest';
import { PROGRESS_FILTERS } from '@thidua/contract';
import { parseProgressSearch, PROGRESS_FILTER_VALUES } from './search-params.ts';

describe('progress dashboard search params', () => {
  it('accepts exactly the filters the API accepts (the start-up bundle keeps its own copy of the list)', () => {
    expect([...PROGRESS_FILTER_VALUES].sort()).toEqual([...PROGRESS_FILTERS].sort());
  });

  it('keeps a known filter and drops anything else', () => {
    expect(parseProgressSearch({ 'trang-thai': 'late' })).toEqual({ 'trang-thai': 'late' });
    expect(parseProgressSearch({ 'trang-thai': 'deleted' })).toEqual({ 'trang-thai': undefined });
    expect(parseProgressSearch({ 'trang-thai': ['late'] })).toEqual({ 'trang-thai': undefined });
    expect(parseProgressSearch({})).toEqual({ 'trang-thai': undefined });
  });
});
