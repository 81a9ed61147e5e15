import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { INDEXED_SEARCH_TYPES, SEARCH_COUNT_CAP, SEARCH_MAX_RESULTS } from '../../../lib/search/results';
import { hasPhrase, type SearchQuery, searchTsQuery } from '../../../lib/search-text';
import type { Db } from '../../index';
import { rowsOf } from '../../rows';
import { exactAll, type SearchHit } from './source';

/** The kinds of content in search_entries (kept by triggers: drizzle/0014_search_entries_triggers.sql). */
export const INDEXED_TYPES = INDEXED_SEARCH_TYPES;
export type IndexedType = (typeof INDEXED_TYPES)[number];

export type IndexedHit = SearchHit & { type: IndexedType };

type Candidate = { kind: IndexedType; ref_id: number; shown_at: Date | string | null };
type Ranked = { kind: IndexedType; ref_id: number; exact: boolean; in_title: boolean };

/**
 * From this many matches of a kind on, its newest are found by walking the kind's entries from the
 * newest (search_entries_newest_idx) and checking each one's words, rather than through the words
 * index and a sort of every match. The walk reads about SEARCH_MAX_RESULTS × (entries of the
 * kind) ÷ (matches) entries: at most 5,000 of 50,000 from here on. Measured on the embedded
 * database with 50,000 articles and 50,000 documents, twelve queries found 2,500 to 50,000 times,
 * interleaved: medians adding up to 502 ms from 2,000, 535 ms from 5,000, 677 ms never walking.
 * The counts go up to SEARCH_COUNT_CAP + 1, so this must not be above that.
 */
export const WALK_FROM_MATCHES = 2_000;

/**
 * One statement in a transaction of its own that may not read search_entries in full: `words`
 * comes in through the GIN index (then a sort), `newest` walks the date index and checks each
 * entry's words. The planner's estimate for words that go together ("tan chau", "ke hoach")
 * assumes they are independent and can be far off, and for common words it may prefer a
 * sequential scan that reads every row's words; the counts tell when walking is cheaper, so that
 * choice is not left to it. The settings last until the transaction ends.
 */
function through<T>(db: Db, way: 'words' | 'newest', statement: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    if (way === 'newest') await tx.execute(sql`set local enable_bitmapscan = off`);
    return rowsOf<T>(tx.execute(statement));
  });
}

const newestFirst = sql`order by e.shown_at desc nulls last, e.ref_id desc nulls last limit ${SEARCH_MAX_RESULTS}`;

function byNewest(a: Candidate, b: Candidate): number {
  const at = (row: Candidate) => (row.shown_at === null ? Number.NEGATIVE_INFINITY : new Date(row.shown_at).getTime());
  return at(b) - at(a) || b.ref_id - a.ref_id;
}

/**
 * The site search over search_entries:
 *
 * 1. How many public items of each kind hold every term, up to SEARCH_COUNT_CAP: the filter's
 *    counts. Each kind's GIN index finds them, and each match counted costs one visit to a narrow
 *    row (words without positions): counting stops at the cap.
 * 2. The newest SEARCH_MAX_RESULTS matches of `types`, through the words index and a sort.
 * 3. The best `limit` of those: first the ones whose exact text holds every word as typed with its
 *    diacritics (only when the query has them), then those whose title holds every term (the words
 *    weighted A), then the newest. Only these candidates' wide rows (search_texts) are read.
 *
 * 2 waits for the counts and uses them: kinds with none are not searched again, and kinds with
 * many (WALK_FROM_MATCHES) are walked from their newest entries instead of found and sorted in
 * full. Running 1 and 2 at once on two PostgreSQL connections instead was slower at the 95th
 * percentile (interleaved on 50,000 articles and 50,000 documents: 53.6–61.1 ms against
 * 49.2–56.9), since the sort of tens of thousands of matches costs more than the count.
 *
 * A phrase ("vị trí việc làm", or a number like 42/2022/NĐ-CP) is found by its words in any order
 * through the index, then kept only where search_texts' positions show them in a row; its
 * candidates always come through the words index (a walk would check the positions of every
 * entry that has the words in some order).
 */
export async function findEntries({
  db,
  query,
  types,
  limit,
  walkFrom = WALK_FROM_MATCHES,
  countCap = SEARCH_COUNT_CAP,
}: {
  db: Db;
  query: SearchQuery;
  types: readonly IndexedType[];
  limit: number;
  /** WALK_FROM_MATCHES; tests lower it to compare both ways on a few rows. */
  walkFrom?: number;
  /** SEARCH_COUNT_CAP; tests lower it. */
  countCap?: number;
}): Promise<{ counts: Partial<Record<IndexedType, number>>; hits: IndexedHit[] }> {
  const phrase = hasPhrase(query);
  const matched = sql`
    search_entries e
    ${phrase ? sql`join search_texts phrase on phrase.ref_id = e.ref_id and phrase.kind = e.kind and phrase.words @@ to_tsquery('simple', ${searchTsQuery(query)})` : sql``}
    where e.words @@ to_tsquery('simple', ${searchTsQuery(query, { anyOrder: true })})
      and (e.visible_from is null or e.visible_from <= now())`;
  // Every statement reads one kind at a time, through that kind's words index (a partial index:
  // the kind must be a literal for the planner to pick it).
  const ofKind = (kind: IndexedType) => sql`${matched} and e.kind = ${sql.raw(`'${kind}'`)}`;
  const countStatement = sql.join(
    INDEXED_TYPES.map(
      (kind) => sql`(select ${kind}::text as kind, count(*)::int as n from (select 1 from ${ofKind(kind)} limit ${countCap + 1}) capped)`,
    ),
    sql` union all `,
  );
  const newestOf = (kind: IndexedType) => sql`(select e.kind, e.ref_id, e.shown_at from ${ofKind(kind)} ${newestFirst})`;
  const throughWords = (kinds: readonly IndexedType[]) =>
    kinds.length === 0 ? Promise.resolve([]) : through<Candidate>(db, 'words', sql.join(kinds.map(newestOf), sql` union all `));
  const walking = (kind: IndexedType) => through<Candidate>(db, 'newest', newestOf(kind));

  const counts: Partial<Record<IndexedType, number>> = {};
  for (const { kind, n } of await through<{ kind: IndexedType; n: number }>(db, 'words', countStatement)) if (n > 0) counts[kind] = n;
  const found = types.filter((type) => (counts[type] ?? 0) > 0);
  const walked = phrase ? [] : found.filter((type) => counts[type]! >= walkFrom);
  const batches = await Promise.all([throughWords(found.filter((type) => !walked.includes(type))), ...walked.map(walking)]);
  const candidates = batches.flat().sort(byNewest).slice(0, SEARCH_MAX_RESULTS);
  if (candidates.length === 0) return { counts, hits: [] };

  const ranked = await rowsOf<Ranked>(
    db.execute(sql`
      select entry.kind, entry.ref_id,
        ${exactAll(sql`entry.exact_text`, query)} as exact,
        entry.words @@ to_tsquery('simple', ${searchTsQuery(query, { weight: 'A' })}) as in_title
      from unnest(
        array[${sql.join(
          candidates.map((row) => sql`${row.ref_id}`),
          sql`, `,
        )}]::int[],
        array[${sql.join(
          candidates.map((row) => sql`${row.kind}`),
          sql`, `,
        )}]::text[]
      ) as candidate(ref_id, kind)
      join search_texts entry on entry.ref_id = candidate.ref_id and entry.kind = candidate.kind`),
  );
  const rank = new Map(ranked.map((row) => [`${row.kind}:${row.ref_id}`, row]));
  const hits: IndexedHit[] = candidates.map((row) => {
    const { exact = false, in_title = false } = rank.get(`${row.kind}:${row.ref_id}`) ?? {};
    return { type: row.kind, id: row.ref_id, exact, inTitle: in_title, date: row.shown_at === null ? null : new Date(row.shown_at) };
  });
  // Stable: the newest first among equals, as the candidates came.
  hits.sort((a, b) => Number(b.exact) - Number(a.exact) || Number(b.inTitle) - Number(a.inTitle));
  return { counts, hits: hits.slice(0, limit) };
}
