import 'server-only';
import { searchSite, type SiteSearchResults } from '@/db/queries/search';
import type { SearchType } from '@/lib/search/results';
import type { SearchQuery } from '@/lib/search-text';

/**
 * The site search with a small per-process cache of recent queries: the same query asked again
 * within a minute (a second page view, a shared link, a refresh) costs no database work. Bounded in
 * size and age, so a flood of distinct queries cannot grow it and a change to the content shows in
 * the results within a minute on every instance.
 */
const MAX_ENTRIES = 200;
const MAX_AGE_MS = 60_000;

type Entry = { at: number; value: Promise<SiteSearchResults> };
const cacheKey = Symbol.for('portal.searchCache');
const store = globalThis as typeof globalThis & { [cacheKey]?: Map<string, Entry> };

export async function searchSiteCached(args: { query: SearchQuery; type: SearchType | null; page: number }): Promise<SiteSearchResults> {
  const cache = (store[cacheKey] ??= new Map());
  const key = JSON.stringify([args.query.terms, args.type, args.page]);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < MAX_AGE_MS) {
    // Most recently used last: the oldest key is the first one dropped.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value;
  }
  const value = searchSite(args);
  cache.set(key, { at: now, value });
  // A failed search is not kept: the next request tries again.
  value.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

/** For tests: forget every cached query. */
export function clearSearchCache(): void {
  store[cacheKey]?.clear();
}
