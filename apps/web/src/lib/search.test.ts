import { describe, expect, it } from 'vitest';
import { filterOptionByLabel, foldVietnamese, keyMatchesSearch, matchesSearch } from './search.ts';

describe('foldVietnamese', () => {
  it('drops the marks of every Vietnamese vowel, đ/Đ included, in lower case with spaces collapsed', () => {
    expect(foldVietnamese('Nguyễn  Thị Ánh   Nguyệt')).toBe('nguyen thi anh nguyet');
    expect(foldVietnamese('ĐẶNG Đức Được')).toBe('dang duc duoc');
    expect(foldVietnamese('Ủy ban MTTQ Việt Nam')).toBe('uy ban mttq viet nam');
  });

  it('folds text typed in decomposed form (NFD, as some keyboards send it) like the precomposed form', () => {
    expect(foldVietnamese('Nguye\u0302\u0303n')).toBe('nguyen');
  });
});

describe('matchesSearch', () => {
  it('"nguyen" finds "Nguyễn", and the typed marks do not matter either way', () => {
    expect(matchesSearch('Nguyễn Văn Nam', 'nguyen')).toBe(true);
    expect(matchesSearch('Nguyễn Văn Nam', 'Nguyễn')).toBe(true);
    expect(matchesSearch('Nguyen Van Nam', 'Nguyễn')).toBe(true);
    expect(matchesSearch('Đỉnh Bàn', 'dinh ban')).toBe(true);
  });

  it('every word typed must be found, in any order; blank input matches everything', () => {
    expect(matchesSearch('UBND xã Thạch Hải', 'hai thach')).toBe(true);
    expect(matchesSearch('UBND xã Thạch Khê', 'thach hai')).toBe(false);
    expect(matchesSearch('Phòng Tư pháp', '   ')).toBe(true);
  });

  it('keyMatchesSearch takes a key folded beforehand', () => {
    expect(keyMatchesSearch(foldVietnamese('Phòng Giáo dục và Đào tạo (GDDT)'), 'giao duc dao tao')).toBe(true);
    expect(keyMatchesSearch('phong tu phap (tp)', 'tư pháp')).toBe(true);
  });
});

describe('filterOptionByLabel (antd Select)', () => {
  const option = (label: string) => ({ value: 'pe_1', label });

  it('keeps the author "Nguyễn Thị Hoa (Chuyên viên)" for "nguyen" and for "hoa chuyen vien"', () => {
    expect(filterOptionByLabel('nguyen', option('Nguyễn Thị Hoa (Chuyên viên)'))).toBe(true);
    expect(filterOptionByLabel('hoa chuyen vien', option('Nguyễn Thị Hoa (Chuyên viên)'))).toBe(true);
    expect(filterOptionByLabel('tran', option('Nguyễn Thị Hoa (Chuyên viên)'))).toBe(false);
  });

  it('falls back to the title when the label is not text, and refuses a missing option', () => {
    expect(filterOptionByLabel('dao', { value: 'x', label: null as unknown as string, title: 'Đào Thị Mai' })).toBe(
      true,
    );
    expect(filterOptionByLabel('dao', undefined)).toBe(false);
  });
});
