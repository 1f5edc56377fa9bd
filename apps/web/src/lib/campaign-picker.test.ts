import { afterEach, describe, expect, it } from 'vitest';
import type { Campaign } from '@thidua/contract';
import { chooseCampaign, orderForPicking, pickerLabel, rememberCampaign } from './campaign-picker.ts';

type Pickable = Pick<Campaign, 'id' | 'title' | 'number' | 'year' | 'status' | 'upcoming' | 'startsOn'>;
const c = (id: string, over: Partial<Pickable> = {}): Pickable => ({
  id,
  title: `Phong trào ${id}`,
  number: `${id}/KH-UBND`,
  year: 2026,
  status: 'open',
  upcoming: false,
  startsOn: '2026-01-01',
  ...over,
});

// The unit tests run in Node, which has no web storage: a Map stands in for the browser's.
const store = new Map<string, string>();
Object.defineProperty(globalThis, 'localStorage', {
  configurable: true,
  value: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    clear: () => store.clear(),
  },
});
afterEach(() => store.clear());

describe('campaign picker', () => {
  it('puts the campaign in progress first, not the newest one', () => {
    const list = [
      c('new', { status: 'open', upcoming: true, startsOn: '2027-01-01' }),
      c('closed', { status: 'closed', startsOn: '2026-06-01' }),
      c('running', { startsOn: '2026-02-01' }),
      c('older-running', { startsOn: '2025-02-01' }),
    ];
    expect(orderForPicking(list).map((x) => x.id)).toEqual(['running', 'older-running', 'new', 'closed']);
  });

  it('tells two campaigns with the same title apart by number and year', () => {
    const a = c('a', { title: 'Thi đua CCHC', number: '12/KH-UBND', year: 2025 });
    const b = c('b', { title: 'Thi đua CCHC ', number: '3/KH-UBND', year: 2026 });
    const other = c('x');
    expect(pickerLabel(a, [a, b, other])).toBe('Thi đua CCHC (số 12/KH-UBND, năm 2025)');
    expect(pickerLabel(b, [a, b, other])).toBe('Thi đua CCHC  (số 3/KH-UBND, năm 2026)');
    expect(pickerLabel(other, [a, b, other])).toBe('Phong trào x');
  });

  it('remembers the last choice per page, the URL winning, and forgets one no longer listed', () => {
    const list = orderForPicking([c('running'), c('closed', { status: 'closed' })]);
    expect(chooseCampaign(list, undefined, 'ton-tai')?.id).toBe('running');
    rememberCampaign('ton-tai', 'closed');
    expect(chooseCampaign(list, undefined, 'ton-tai')?.id).toBe('closed');
    expect(chooseCampaign(list, undefined, 'sang-kien')?.id).toBe('running');
    expect(chooseCampaign(list, 'running', 'ton-tai')?.id).toBe('running');
    rememberCampaign('ton-tai', 'gone');
    expect(chooseCampaign(list, undefined, 'ton-tai')?.id).toBe('running');
  });
});
