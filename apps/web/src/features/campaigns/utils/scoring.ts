/**
 * Scoring rules as people read them: which units a campaign's named groups may hold (those under
 * its issuing authority, not archived), and a short line per rule for the campaign page.
 */
import type { ScoreBand, Unit } from '@thidua/contract';

/** The units in the subtree of `rootId` (itself included) that are not archived. */
export function unitsUnder(units: readonly Unit[], rootId: string): Unit[] {
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const out: Unit[] = [];
  const root = units.find((u) => u.id === rootId);
  const stack = root ? [root] : [];
  while (stack.length) {
    const u = stack.pop()!;
    if (!u.archived) out.push(u);
    stack.push(...(children.get(u.id) ?? []));
  }
  return out;
}

/** "≥ 90" for a band, "còn lại" (otherwise) for a last band at 0, which catches every other total. */
export function bandRange(band: ScoreBand, index: number, count: number, otherwise: string): string {
  if (index === count - 1 && band.minPoints === 0) return otherwise;
  return `≥ ${band.minPoints.toLocaleString('vi-VN')}`;
}
