import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { SearchType } from '../../../lib/search/results';
import { type SearchQuery, wholeWordsPattern } from '../../../lib/search-text';
import type { Db } from '../../index';

/**
 * One kind of content the site search finds: how to find it (SQL over its folded words) and what a
 * result shows. A new kind is one file beside this one, listed in ./index.ts.
 *
 * Ranking, the same for every source: first the results whose title/summary hold every word as it
 * was typed with its diacritics (only when the query has diacritics), then those whose title holds
 * every word, then the newest.
 */
export type SearchHit = { id: number; exact: boolean; inTitle: boolean; date: Date | null };

export type SearchResultItem = {
  type: SearchType;
  id: number;
  title: string;
  href: string;
  date: Date | null;
  /** Plain text the snippet is cut from. */
  text: string;
  /** Synthetic content made by seed:demo is marked on every page that shows it. */
  synthetic?: boolean;
};

export type SearchSource = {
  type: SearchType;
  /** The matches' count and the best `limit` of them. */
  find: (args: { db: Db; query: SearchQuery; limit: number }) => Promise<{ total: number; hits: SearchHit[] }>;
  /** The results to show for some hits' ids. */
  load: (args: { db: Db; ids: number[] }) => Promise<SearchResultItem[]>;
};

/** Every term, as whole words, in folded words (a column or an expression indexed as such). */
export function matchesAll(words: SQL, query: SearchQuery): SQL {
  return and(...query.terms.map((term) => sql`${words} like ${wholeWordsPattern(term)}`))!;
}

/** Every word typed, diacritics kept, in this text (lower case); false when the query has no diacritics. */
export function exactAll(text: SQL, query: SearchQuery): SQL {
  if (!query.hasDiacritics) return sql`false`;
  const words = [...new Set(query.terms.flatMap((term) => term.exact.split(' ')))];
  return sql`(${sql.join(
    words.map((word) => sql`strpos(lower(${text}), ${word}) > 0`),
    sql` and `,
  )})`;
}

/**
 * The shared shape of a source's find(): the matches ranked, counted with a window so one scan
 * serves both. `rows` is a query returning id, exact, in_title, date and total, ordered and limited.
 */
export function hitsOf(rows: { id: number; exact: boolean; inTitle: boolean; date: Date | string | null; total: number }[]): {
  total: number;
  hits: SearchHit[];
} {
  return {
    total: Number(rows[0]?.total ?? 0),
    hits: rows.map((row) => ({
      id: row.id,
      exact: row.exact,
      inTitle: row.inTitle,
      date: row.date === null ? null : new Date(row.date),
    })),
  };
}
