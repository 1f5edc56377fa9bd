import { describe, expect, it } from 'vitest';
import type { Unit } from '@thidua/contract';
import { bandRange, unitsUnder } from './scoring.ts';

const unit = (id: string, parentId: string | null, archived = false) => ({ id, parentId, archived }) as Unit;

describe('scoring on screen', () => {
  it('groups pick from the units under the issuing authority, archived ones left out', () => {
    const units = [
      unit('th', null),
      unit('nv', 'th'),
      unit('xa', 'th'),
      unit('thon', 'xa'),
      unit('old', 'th', true),
      unit('ts', null),
      unit('ts-vp', 'ts'),
    ];
    expect(
      unitsUnder(units, 'th')
        .map((u) => u.id)
        .sort(),
    ).toEqual(['nv', 'th', 'thon', 'xa']);
    expect(unitsUnder(units, 'missing')).toEqual([]);
  });

  it('a band reads "≥ minimum", a last band at 0 reads "otherwise"', () => {
    expect(bandRange({ label: 'Xuất sắc', minPoints: 90 }, 0, 4, 'còn lại')).toBe('≥ 90');
    expect(bandRange({ label: 'Trung bình', minPoints: 0 }, 3, 4, 'còn lại')).toBe('còn lại');
    expect(bandRange({ label: 'Khá', minPoints: 0 }, 0, 2, 'còn lại')).toBe('≥ 0');
  });
});
