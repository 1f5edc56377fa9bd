import { describe, expect, it } from 'vitest';
import { vietnamese } from './providers.tsx';

describe("antd's Vietnamese locale as the app uses it", () => {
  it('date fields say "Chọn ngày", not antd\'s "Chọn thời điểm"', () => {
    expect(vietnamese.DatePicker?.lang.placeholder).toBe('Chọn ngày');
    // The rest of antd's Vietnamese stays.
    expect(vietnamese.DatePicker?.lang.rangePlaceholder).toEqual(['Ngày bắt đầu', 'Ngày kết thúc']);
  });
});
