import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { SEARCH_MAX_RESULTS, type SearchType } from '../../../lib/search/results';
import { type SearchQuery, searchTsQuery, wholeWordsPattern } from '../../../lib/search-text';
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
export type SourceHits = { total: number; more: boolean; hits: SearchHit[] };

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
  /**
   * The best `limit` matches among the newest SEARCH_MAX_RESULTS, how many of those there are, and
   * whether older ones were left out.
   */
  find: (args: { db: Db; query: SearchQuery; limit: number }) => Promise<SourceHits>;
  /** The results to show for some hits' ids. */
  load: (args: { db: Db; ids: number[] }) => Promise<SearchResultItem[]>;
};

/** Every term in a full-text vector of folded words (a column or an expression indexed as such). */
export function matchesVector(vector: SQL, query: SearchQuery): SQL {
  return sql`${vector} @@ to_tsquery('simple', ${searchTsQuery(query)})`;
}

/** Every term, as whole words, in folded words (searchWordsText): for short texts, never indexed. */
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
 * The shared shape of a source's find(): the newest SEARCH_MAX_RESULTS + 1 matches are taken in a
 * subquery (by the date index when matches are many, by the trigram index when they are few), then
 * ranked and counted with a window, so one scan serves both. `rows` returns id, exact, in_title,
 * date and total, ordered and limited.
 */
/** How many matches a subquery takes: one more than are ranked, to know whether there are more. */
export const CANDIDATES = SEARCH_MAX_RESULTS + 1;

export function hitsOf(rows: { id: number; exact: boolean; inTitle: boolean; date: Date | string | null; total: number }[]): SourceHits {
  const total = Number(rows[0]?.total ?? 0);
  return {
    total: Math.min(total, SEARCH_MAX_RESULTS),
    more: total > SEARCH_MAX_RESULTS,
    hits: rows.map((row) => ({
      id: row.id,
      exact: row.exact,
      inTitle: row.inTitle,
      date: row.date === null ? null : new Date(row.date),
    })),
  };
}
