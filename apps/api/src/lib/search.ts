/** Diacritics-free search over a table's search_key column (kept in step by the service that writes it). */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { searchKey } from '@thidua/contract';

export { searchKey };

/**
 * The letters searchKey folds (Vietnamese vowels with their marks, đ, capitals), as the two
 * arguments of SQL translate(): for text that keeps no search_key column of its own.
 */
const FOLD = (() => {
  let from = '';
  let to = '';
  for (let cp = 0x41; cp <= 0x1ef9; cp++) {
    const c = String.fromCodePoint(cp);
    const k = searchKey(c);
    if (k !== c && /^[a-z]$/.test(k)) {
      from += c;
      to += k;
    }
  }
  return { from, to };
})();

/** `text` folded in the query the way searchKey folds the words searched for (for matchesSearch). */
export function folded(text: AnyColumn | SQL): SQL {
  return sql`translate(${text}, ${FOLD.from}, ${FOLD.to})`;
}

/** q's characters as a LIKE pattern would read them literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** search_key (or a folded text) contains every word of q, in any order; LIKE wildcards in q are taken literally. */
export function matchesSearch(column: AnyColumn | SQL, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const words = searchKey(q).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  const parts = words.map((w) => sql`${column} LIKE ${'%' + likeLiteral(w) + '%'}`);
  return sql.join(parts, sql` AND `);
}

/**
 * The ORDER BY terms that put the best matches of q first, for a folded name (a search_key, or
 * `folded(column)`): the name equal to q, then names starting with q, then names with a word
 * starting with q, then by trigram similarity (pg_trgm, loaded on PostgreSQL and PGlite alike).
 * Empty without q; the caller adds its own order after these (by name, then id, for stable pages).
 */
export function searchRank(name: AnyColumn | SQL, q: string | undefined): SQL[] {
  const key = q ? searchKey(q) : '';
  if (!key) return [];
  const literal = likeLiteral(key);
  return [
    sql`(${name} = ${key}) DESC`,
    sql`(${name} LIKE ${literal + '%'}) DESC`,
    sql`(' ' || ${name} LIKE ${'% ' + literal + '%'}) DESC`,
    sql`similarity(${name}, ${key}) DESC`,
  ];
}
