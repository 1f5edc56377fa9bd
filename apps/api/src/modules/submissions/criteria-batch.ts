/**
 * A batch of changes that name criteria (a unit's answers, the office's review): each must be a
 * criterion of the submission's target, named once; `check` adds what is wrong with the item
 * itself. One field error per problem (e.g. `/answers/2/criterionId`), 400 with the first code.
 */
import { Invalid, type FieldProblem } from '../../lib/errors.ts';
import type { CriterionRow } from './submissions.repository.ts';

export function assertCriteriaBatch<T extends { criterionId: string }>(
  items: readonly T[],
  criteria: ReadonlyMap<string, CriterionRow>,
  /** The body's list (`answers`, `criteria`) and the prefix of the codes (`submission`, `review`). */
  where: { list: string; codes: string },
  check: (item: T, criterion: CriterionRow) => { field: string; code: string } | null,
): void {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const at = (field: string) => `/${where.list}/${i}/${field}`;
    const c = criteria.get(item.criterionId);
    if (!c) return problems.push({ field: at('criterionId'), code: `${where.codes}.criterion_unknown` });
    if (seen.has(c.id)) return problems.push({ field: at('criterionId'), code: `${where.codes}.criterion_repeated` });
    seen.add(c.id);
    const problem = check(item, c);
    if (problem) problems.push({ field: at(problem.field), code: problem.code });
  });
  if (problems.length) throw Invalid(problems, problems[0]!.code);
}
