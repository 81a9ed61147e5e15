import 'server-only';
import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE, SEARCH_TYPES, type SearchType } from '../../../lib/search/results';
import type { SearchQuery } from '../../../lib/search-text';
import { sql } from 'drizzle-orm';
import { type Db, getDb } from '../../index';
import { articleSearch } from './articles';
import { documentSearch } from './documents';
import { pageSearch } from './pages';
import { procedureSearch } from './procedures';
import { questionSearch } from './questions';
import type { SearchHit, SearchResultItem, SearchSource } from './source';

export type { SearchResultItem } from './source';

/** Every kind of content the site search finds: one source each (./source.ts). */
const SOURCES: SearchSource[] = [articleSearch, documentSearch, procedureSearch, questionSearch, pageSearch];

export type SiteSearchResults = {
  /** Matches per type, for the filter; types without a source (yet) are absent. */
  counts: Partial<Record<SearchType, number>>;
  /** Matches of the type asked for (all types when none), among the newest SEARCH_MAX_RESULTS of each type. */
  total: number;
  /** Whether some type has older matches than those ranked: the page says "more than". */
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
 * One page of the site search: every source is asked for its count and its best results up to
 * this page (at most SEARCH_MAX_PAGE pages), the lists are merged by rank, and the page's results
 * are read. A query without any term finds nothing.
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
  const found = await Promise.all(
    SOURCES.map(async (source) => ({
      source,
      ...(await source.find({ db, query, limit: type === null || type === source.type ? limit : 1 })),
    })),
  );
  const counts: Partial<Record<SearchType, number>> = {};
  for (const { source, total } of found) counts[source.type] = total;
  const hits = found
    .filter(({ source }) => type === null || source.type === type)
    .flatMap(({ source, hits }) => hits.map((hit) => ({ ...hit, type: source.type })))
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
  const more = found.some((entry) => entry.more && (type === null || entry.source.type === type));
  return { counts, total, more, results };
}

/** The types in the order of the filter, for those who list them. */
export const SEARCHABLE_TYPES = SEARCH_TYPES.filter((entry) => SOURCES.some((source) => source.type === entry.key));

/** Fresh planner statistics after a bulk load (benchmarks): what autovacuum does a little later on its own. */
export async function vacuumSearchTables({ db }: { db: Db }): Promise<void> {
  await db.execute(sql`vacuum analyze articles`);
  await db.execute(sql`vacuum analyze documents`);
  await db.execute(sql`vacuum analyze procedures`);
}
