import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { SEARCH_MAX_RESULTS, type SearchType } from '../../../lib/search/results';
import { type SearchQuery, searchTsQuery } from '../../../lib/search-text';
import type { Db } from '../../index';
import { rowsOf } from '../../rows';
import { exactAll, type SearchHit } from './source';

/** The kinds of content in search_entries (kept by triggers: drizzle/0014_search_entries_triggers.sql). */
export const INDEXED_TYPES = ['tin-tuc', 'van-ban', 'thu-tuc', 'hoi-dap'] as const satisfies readonly SearchType[];
export type IndexedType = (typeof INDEXED_TYPES)[number];

export type IndexedHit = SearchHit & { type: IndexedType };

type RankedRow = { kind: IndexedType; ref_id: number; shown_at: Date | string | null; exact: boolean; in_title: boolean };

/**
 * One statement in a transaction of its own whose only index choice is the GIN index: the
 * planner's estimate for words that go together ("tan chau", "ke hoach") assumes they are
 * independent and can be far off, and its other choices (a sequential scan, or the primary key
 * in full) read every row's words, 10× slower. The settings last until the transaction ends.
 */
function throughWordsIndex<T>(db: Db, statement: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    return rowsOf<T>(tx.execute(statement));
  });
}

/**
 * The site search over search_entries, two statements at once (on PostgreSQL, on two connections):
 *
 * 1. How many public items of each kind hold every term: the filter's counts, exact. The GIN
 *    index finds them; only their narrow columns are read.
 * 2. The newest SEARCH_MAX_RESULTS matches of `types`, then the best `limit` of those: first the
 *    ones whose exact text holds every word as typed with its diacritics (only when the query has
 *    them), then those whose title holds every term (its words are weighted A), then the newest.
 *    Nothing wide goes through the sort: only these candidates' words and text are read again,
 *    by their primary key.
 */
export async function findEntries({
  db,
  query,
  types,
  limit,
}: {
  db: Db;
  query: SearchQuery;
  types: readonly IndexedType[];
  limit: number;
}): Promise<{ counts: Partial<Record<IndexedType, number>>; hits: IndexedHit[] }> {
  const matches = sql`words @@ to_tsquery('simple', ${searchTsQuery(query)}) and (visible_from is null or visible_from <= now())`;
  const [counted, ranked] = await Promise.all([
    throughWordsIndex<{ kind: IndexedType; n: number }>(
      db,
      sql`select kind, count(*)::int as n from search_entries where ${matches} group by kind`,
    ),
    types.length === 0
      ? []
      : throughWordsIndex<RankedRow>(
          db,
          sql`
            select newest.kind, newest.ref_id, newest.shown_at,
              ${exactAll(sql`entry.exact_text`, query)} as exact,
              entry.words @@ to_tsquery('simple', ${searchTsQuery(query, 'A')}) as in_title
            from (
              select kind, ref_id, shown_at from search_entries
              where ${matches} and kind in (${sql.join(
                types.map((type) => sql`${type}`),
                sql`, `,
              )})
              order by shown_at desc nulls last, ref_id desc limit ${SEARCH_MAX_RESULTS}
            ) newest
            join search_entries entry on entry.kind = newest.kind and entry.ref_id = newest.ref_id
            order by exact desc, in_title desc, newest.shown_at desc nulls last, newest.ref_id desc
            limit ${limit}`,
        ),
  ]);
  const counts: Partial<Record<IndexedType, number>> = {};
  for (const { kind, n } of counted) counts[kind] = n;
  return {
    counts,
    hits: ranked.map((row) => ({
      type: row.kind,
      id: row.ref_id,
      exact: row.exact,
      inTitle: row.in_title,
      date: row.shown_at === null ? null : new Date(row.shown_at),
    })),
  };
}
