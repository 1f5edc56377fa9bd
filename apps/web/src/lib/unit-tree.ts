/**
 * The unit tree arrives as a flat, depth-first list with parentId; these helpers turn it into
 * nested nodes and filter it by a diacritics-free search ("thach hai" finds "Thạch Hải"), keeping
 * the ancestors of every match so each hit is shown in its place.
 */
import type { Unit } from '@thidua/contract';
import { foldVietnamese, keyMatchesSearch } from './search.ts';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** Nested nodes in the server's order; a unit whose parent is not in the list becomes a root. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export function unitSearchText(unit: Pick<Unit, 'name' | 'code'>): string {
  return foldVietnamese(`${unit.name} ${unit.code}`);
}

/**
 * Units to show for a search: the matches and all their ancestors. Null when the query is empty
 * (show everything).
 */
export function filterUnits(
  units: readonly Unit[],
  query: string,
): { visible: Set<string>; matches: Set<string> } | null {
  if (!foldVietnamese(query)) return null;
  const byId = new Map(units.map((u) => [u.id, u]));
  const matches = new Set<string>();
  const visible = new Set<string>();
  for (const unit of units) {
    if (!keyMatchesSearch(unitSearchText(unit), query)) continue;
    matches.add(unit.id);
    for (let u: Unit | undefined = unit; u && !visible.has(u.id); u = u.parentId ? byId.get(u.parentId) : undefined)
      visible.add(u.id);
  }
  return { visible, matches };
}

/** The unit and everything below it (a unit cannot be moved under any of these). */
export function subtreeIds(units: readonly Unit[], rootId: string): Set<string> {
  const out = new Set<string>([rootId]);
  // Depth-first order means descendants follow their ancestor, so one pass suffices.
  for (const unit of units) if (unit.parentId && out.has(unit.parentId)) out.add(unit.id);
  return out;
}

/** Ids from the root down to (excluding) the unit, for expanding the tree to it. */
export function ancestorIds(units: readonly Unit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  for (let u = byId.get(id); u?.parentId; u = byId.get(u.parentId)) out.unshift(u.parentId);
  return out;
}
