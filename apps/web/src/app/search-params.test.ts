import { describe, expect, it } from 'vitest';
import { parseCampaignEditSearch, parseFindingsSearch, parseSignInSearch, parseUnitsSearch } from './search-params.ts';

describe('search params', () => {
  it('sign-in: keeps the redirect and a known reason, drops the rest', () => {
    expect(parseSignInSearch({ redirect: '/don-vi?id=un_1', reason: 'expired' })).toEqual({
      redirect: '/don-vi?id=un_1',
      reason: 'expired',
    });
    expect(parseSignInSearch({ redirect: 42, reason: 'hacked' })).toEqual({ redirect: undefined, reason: undefined });
    expect(parseSignInSearch({})).toEqual({ redirect: undefined, reason: undefined });
  });

  it('units: the selected unit id, when it is a non-empty string', () => {
    expect(parseUnitsSearch({ id: 'un_1' })).toEqual({ id: 'un_1' });
    expect(parseUnitsSearch({ id: '' })).toEqual({ id: undefined });
    expect(parseUnitsSearch({ id: { x: 1 } })).toEqual({ id: undefined });
  });

  it('findings: the chosen campaign', () => {
    expect(parseFindingsSearch({ 'phong-trao': 'cp_1' })).toEqual({ 'phong-trao': 'cp_1' });
    expect(parseFindingsSearch({ 'phong-trao': ['cp_1'] })).toEqual({ 'phong-trao': undefined });
  });

  it('campaign editor: the criteria and scoring tabs are tabs to open on', () => {
    expect(parseCampaignEditSearch({ tab: 'tieu-chuan' })).toEqual({ tab: 'tieu-chuan' });
    expect(parseCampaignEditSearch({ tab: 'cham-diem' })).toEqual({ tab: 'cham-diem' });
    expect(parseCampaignEditSearch({ tab: 'ke-hoach' })).toEqual({ tab: undefined });
    expect(parseCampaignEditSearch({})).toEqual({ tab: undefined });
  });
});
