import { describe, expect, it } from 'vitest';
import type { Me } from '@thidua/contract';
import { hasAnyRole, safeRedirect, unitsWithRole } from './auth.ts';

const officer: Me = {
  id: 'us_1',
  email: 'canbo.thachhai@thachha.gov.vn',
  fullName: 'Cán bộ UBND xã Thạch Hải',
  personId: null,
  roles: [
    { role: 'unit_officer', unitId: 'un_th' },
    { role: 'staff', unitId: 'un_th' },
  ],
  disabled: false,
  lastLoginAt: null,
};

describe('after sign-in', () => {
  it('returns to a page of this site', () => {
    expect(safeRedirect('/can-bo?unitId=un_1')).toBe('/can-bo?unitId=un_1');
  });

  it('never follows a redirect off the site or back to sign-in', () => {
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect('//evil.example/')).toBe('/');
    expect(safeRedirect('/dang-nhap?redirect=/x')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});

describe('roles in the UI', () => {
  it('opens a page with no required roles to anyone signed in, and no page to nobody', () => {
    expect(hasAnyRole(officer, undefined)).toBe(true);
    expect(hasAnyRole(null, undefined)).toBe(false);
  });

  it('opens a role-bound page only to holders of one of its roles', () => {
    expect(hasAnyRole(officer, ['admin', 'secretariat'])).toBe(false);
    expect(hasAnyRole(officer, ['unit_officer', 'unit_head'])).toBe(true);
  });

  it('lists the units a unit role applies to', () => {
    expect(unitsWithRole(officer, 'unit_head', 'unit_officer')).toEqual(['un_th']);
  });
});
