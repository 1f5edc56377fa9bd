/** An import's problems as the contract's ImportRowError, worded in the caller's language. */
import type { ImportRowError } from '@thidua/contract';
import { message } from '../../lib/messages.ts';

/** A problem before it is put into words: the caller's language is chosen at the edge. */
export interface RowProblem {
  row: number;
  field?: string;
  code: string;
  params?: Record<string, string | number>;
}

export function describeProblems(problems: RowProblem[], lang: 'vi' | 'en'): ImportRowError[] {
  return problems.map((p) => ({
    row: p.row,
    ...(p.field !== undefined ? { field: p.field } : {}),
    code: p.code,
    message: message(lang, p.code, { ...(p.field ? { column: p.field } : {}), ...p.params }),
  }));
}
