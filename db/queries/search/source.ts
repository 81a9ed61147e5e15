import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { SearchType } from '../../../lib/search/results';
import { type SearchQuery, wholeWordsPattern } from '../../../lib/search-text';
import type { Db } from '../../index';

/**
 * One kind of content the site search finds. Articles, documents, procedures and published
 * questions are found through search_entries (./entries.ts), which the database keeps; a source
 * only reads the results to show. The agency's few pages are folded as they are read (./pages.ts).
 *
 * Ranking, the same for every kind: first the results whose title/summary hold every word as it
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
  /** The results to show for some hits' ids. */
  load: (args: { db: Db; ids: number[] }) => Promise<SearchResultItem[]>;
};

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
