import 'server-only';
import { SEARCH_MAX_PAGE, SEARCH_MAX_RESULTS, SEARCH_PAGE_SIZE, SEARCH_TYPES, type SearchType } from '../../../lib/search/results';
import type { SearchQuery } from '../../../lib/search-text';
import { sql } from 'drizzle-orm';
import { type Db, getDb } from '../../index';
import { articleSearch } from './articles';
import { documentSearch } from './documents';
import { pageSearch } from './pages';
import { procedureSearch } from './procedures';
import { questionSearch } from './questions';
import { findEntries, INDEXED_TYPES } from './entries';
import type { SearchHit, SearchResultItem, SearchSource } from './source';

export type { SearchResultItem } from './source';

/** What each kind of content shows as a result (./source.ts). */
const SOURCES: SearchSource[] = [articleSearch, documentSearch, procedureSearch, questionSearch, pageSearch];

export type SiteSearchResults = {
  /** Matches per type, for the filter: up to SEARCH_COUNT_CAP, or SEARCH_COUNT_CAP + 1 for "more". */
  counts: Partial<Record<SearchType, number>>;
  /** Matches of the type asked for (all types when none). */
  total: number;
  /** More matches than are ranked (the newest SEARCH_MAX_RESULTS): the page suggests more words. */
  more: boolean;
  results: SearchResultItem[];
};

type TypedHit = SearchHit & { type: SearchType };

/** Best first: exact diacritics, then the title, then the newest. */
function compareHits(a: TypedHit, b: TypedHit): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  if (a.inTitle !== b.inTitle) return a.inTitle ? -1 : 1;
  return (b.date?.getTime() ?? 0) - (a.date?.getTime() ?? 0);
}

/**
 * One page of the site search: the counts of every type and the best results up to this page (at
 * most SEARCH_MAX_PAGE pages) from the index (./entries.ts) and the agency's pages, merged by rank;
 * then the page's results are read. A query without any term finds nothing.
 */
export async function searchSite({
  query,
  type,
  page,
}: {
  query: SearchQuery;
  type: SearchType | null;
  page: number;
}): Promise<SiteSearchResults> {
  if (query.terms.length === 0) return { counts: {}, total: 0, more: false, results: [] };
  const db = await getDb();
  const shown = Math.min(Math.max(1, page), SEARCH_MAX_PAGE);
  const limit = shown * SEARCH_PAGE_SIZE;
  const types = INDEXED_TYPES.filter((indexed) => type === null || type === indexed);
  const [indexed, pages] = await Promise.all([
    findEntries({ db, query, types, limit }),
    pageSearch.find({ db, query, limit: type === null || type === 'trang' ? limit : 0 }),
  ]);
  const counts: Partial<Record<SearchType, number>> = { ...indexed.counts };
  if (pages.total > 0) counts.trang = pages.total;
  const hits = [...indexed.hits, ...pages.hits.map((hit) => ({ ...hit, type: 'trang' as const }))]
    .sort(compareHits)
    .slice(limit - SEARCH_PAGE_SIZE, limit);
  const loaded = await Promise.all(
    SOURCES.map((source) => {
      const ids = hits.filter((hit) => hit.type === source.type).map((hit) => hit.id);
      return ids.length === 0 ? [] : source.load({ db, ids });
    }),
  );
  const byKey = new Map(loaded.flat().map((item) => [`${item.type}:${item.id}`, item]));
  const results = hits.map((hit) => byKey.get(`${hit.type}:${hit.id}`)).filter((item) => item !== undefined);
  const total = type === null ? Object.values(counts).reduce((sum, n) => sum + n, 0) : (counts[type] ?? 0);
  const ranked = types.reduce((sum, indexedType) => sum + (counts[indexedType] ?? 0), 0);
  return { counts, total, more: ranked > SEARCH_MAX_RESULTS, results };
}

/** The types in the order of the filter, for those who list them. */
export const SEARCHABLE_TYPES = SEARCH_TYPES.filter((entry) => SOURCES.some((source) => source.type === entry.key));

/**
 * Fresh planner statistics after a bulk load (benchmarks): what autovacuum (PostgreSQL) or the
 * server's own loop (PGlite, server/embedded-maintenance.ts) does a little later.
 */
export async function vacuumSearchTables({ db }: { db: Db }): Promise<void> {
  await db.execute(sql`vacuum analyze search_entries`);
  await db.execute(sql`vacuum analyze search_texts`);
}
