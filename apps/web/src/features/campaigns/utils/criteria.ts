/**
 * How criteria read to people: the threshold as the plan prints it ("> 30%", "= 100%", "≥ 1"),
 * and the grouping of the plan's section III (collective / individual, then general / specific).
 */
import { COMPARATOR_SYMBOLS, CRITERION_GROUPS, CRITERION_TARGETS, DERIVED_SOURCE_MEASURE } from '@thidua/contract';
import type { Criterion, CriterionGroup, CriterionTarget } from '@thidua/contract';
import { formatNumber } from '../../../lib/format.ts';

/** The fields of a criterion every view needs (the public one lacks the bookkeeping fields). */
export type CriterionView = Pick<
  Criterion,
  | 'id'
  | 'code'
  | 'target'
  | 'group'
  | 'title'
  | 'guidance'
  | 'kind'
  | 'comparator'
  | 'threshold'
  | 'derivedSource'
  | 'maxScore'
  | 'weight'
  | 'evidenceRequired'
  | 'order'
>;

/** What the threshold measures: a percent, a count, or nothing (boolean and text criteria). */
export function measureOf(c: Pick<Criterion, 'kind' | 'derivedSource'>): 'ratio' | 'count' | null {
  if (c.kind === 'ratio' || c.kind === 'count') return c.kind;
  if (c.kind === 'derived' && c.derivedSource) return DERIVED_SOURCE_MEASURE[c.derivedSource];
  return null;
}

/** "> 30%", "= 100%", "≥ 1"; null when the criterion has no threshold. */
export function thresholdText(
  c: Pick<Criterion, 'kind' | 'comparator' | 'threshold' | 'derivedSource'>,
): string | null {
  const measure = measureOf(c);
  if (!measure || !c.comparator || c.threshold === null || c.threshold === undefined) return null;
  const value = formatNumber(c.threshold, 2);
  return `${COMPARATOR_SYMBOLS[c.comparator]} ${value}${measure === 'ratio' ? '%' : ''}`;
}

export interface CriteriaSection<T extends CriterionView = CriterionView> {
  target: CriterionTarget;
  group: CriterionGroup;
  items: T[];
}

/** Sections in the plan's order (collective before individual, general before specific); each keeps the campaign's order. */
export function groupCriteria<T extends CriterionView>(criteria: readonly T[]): CriteriaSection<T>[] {
  const sorted = [...criteria].sort((a, b) => a.order - b.order);
  const sections: CriteriaSection<T>[] = [];
  for (const target of CRITERION_TARGETS) {
    for (const group of CRITERION_GROUPS) {
      const items = sorted.filter((c) => c.target === target && c.group === group);
      if (items.length > 0) sections.push({ target, group, items });
    }
  }
  return sections;
}

/**
 * The whole order after moving one criterion up or down among those of its section (same target
 * and group): it swaps places with its neighbour there, everything else stays where it was.
 * Null when it is already first or last.
 */
export function moveWithinSection(criteria: readonly CriterionView[], id: string, direction: -1 | 1): string[] | null {
  const sorted = [...criteria].sort((a, b) => a.order - b.order);
  const index = sorted.findIndex((c) => c.id === id);
  const moving = sorted[index];
  if (!moving) return null;
  let j = index + direction;
  while (j >= 0 && j < sorted.length && (sorted[j]!.target !== moving.target || sorted[j]!.group !== moving.group))
    j += direction;
  const other = sorted[j];
  if (!other) return null;
  sorted[index] = other;
  sorted[j] = moving;
  return sorted.map((c) => c.id);
}
