import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { SEARCH_MAX_RESULTS, type SearchType } from '../../../lib/search/results';
import { hasPhrase, type SearchQuery, searchTsQuery } from '../../../lib/search-text';
import type { Db } from '../../index';
import { rowsOf } from '../../rows';
import { exactAll, type SearchHit } from './source';

/** The kinds of content in search_entries (kept by triggers: drizzle/0014_search_entries_triggers.sql). */
export const INDEXED_TYPES = ['tin-tuc', 'van-ban', 'thu-tuc', 'hoi-dap'] as const satisfies readonly SearchType[];
export type IndexedType = (typeof INDEXED_TYPES)[number];

export type IndexedHit = SearchHit & { type: IndexedType };

type RankedRow = { kind: IndexedType; ref_id: number; shown_at: Date | string | null; exact: boolean; in_title: boolean };

/**
 * One statement in a transaction of its own that may not read search_entries in full: the GIN
 * index is then its only way in. The planner's estimate for words that go together ("tan chau",
 * "ke hoach") assumes they are independent and can be far off, and for common words it may prefer
 * a sequential scan that reads every row's words. The setting lasts until the transaction ends.
 */
function throughWordsIndex<T>(db: Db, statement: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return rowsOf<T>(tx.execute(statement));
  });
}

/**
 * The site search over search_entries, two statements at once (on PostgreSQL, on two connections):
 *
 * 1. How many public items of each kind hold every term: the filter's counts, exact. The GIN
 *    index finds them, and each match costs one visit to a narrow row (words without positions).
 * 2. The newest SEARCH_MAX_RESULTS matches of `types`, then the best `limit` of those: first the
 *    ones whose exact text holds every word as typed with its diacritics (only when the query has
 *    them), then those whose title holds every term (the words weighted A), then the newest. Only
 *    these candidates' wide rows (search_texts) are read.
 *
 * A phrase ("vị trí việc làm", or a number like 42/2022/NĐ-CP) is found by its words in any order
 * through the index, then kept only where search_texts' positions show them in a row.
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
  const matched = sql`
    search_entries e
    ${hasPhrase(query) ? sql`join search_texts phrase on phrase.ref_id = e.ref_id and phrase.kind = e.kind and phrase.words @@ to_tsquery('simple', ${searchTsQuery(query)})` : sql``}
    where e.words @@ to_tsquery('simple', ${searchTsQuery(query, { anyOrder: true })})
      and (e.visible_from is null or e.visible_from <= now())`;
  const [counted, ranked] = await Promise.all([
    throughWordsIndex<{ kind: IndexedType; n: number }>(db, sql`select e.kind, count(*)::int as n from ${matched} group by e.kind`),
    types.length === 0
      ? []
      : throughWordsIndex<RankedRow>(
          db,
          sql`
            select newest.kind, newest.ref_id, newest.shown_at,
              ${exactAll(sql`entry.exact_text`, query)} as exact,
              entry.words @@ to_tsquery('simple', ${searchTsQuery(query, { weight: 'A' })}) as in_title
            from (
              select e.kind, e.ref_id, e.shown_at from ${matched}
                and e.kind in (${sql.join(
                  types.map((type) => sql`${type}`),
                  sql`, `,
                )})
              order by e.shown_at desc nulls last, e.ref_id desc limit ${SEARCH_MAX_RESULTS}
            ) newest
            join search_texts entry on entry.ref_id = newest.ref_id and entry.kind = newest.kind
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
