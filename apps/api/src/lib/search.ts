/** Diacritics-free search over a table's search_key column (kept in step by the service that writes it). */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { searchKey } from '@thidua/contract';

export { searchKey };

/** search_key contains every word of q, in any order; LIKE wildcards in q are taken literally. */
export function matchesSearch(column: AnyColumn, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const words = searchKey(q).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  const parts = words.map((w) => sql`${column} LIKE ${'%' + w.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  return sql.join(parts, sql` AND `);
}
