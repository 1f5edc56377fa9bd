import { describe, expect, it } from 'vitest';
import { safeRedirect } from './auth.ts';

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
