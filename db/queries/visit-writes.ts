import { and, eq, getTableName, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../index';
import { rowsOf } from '../rows';
import {
  articles,
  categories,
  documentFiles,
  documents,
  pageViewDaily,
  procedures,
  questions,
  visitDaily,
  visitDimensionDaily,
  visitBatches,
  visitHourly,
  visitorPresence,
} from '../schema';

// No 'server-only' here: the proxy's bundle loads the visit recorder, which writes through these.
// Every write is an additive upsert, each key once per statement and in one order, so any number
// of processes can share one database and the totals stay exact (server/visits/recorder.ts).

/** Keeps statements well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 2000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** `<table>.<column> + excluded.<column>`: the additive half of an upsert. */
function plusExcluded(table: PgTable, column: PgColumn) {
  return sql.raw(`"${getTableName(table)}"."${column.name}" + excluded."${column.name}"`);
}

export type PresenceRow = { visitorId: string; lastSeen: number };

/**
 * One JSON parameter for the whole list: cheap to parse (it matters on PGlite) and passed the same
 * way by both drivers.
 */
function presenceJson(rows: PresenceRow[]): string {
  return JSON.stringify(rows.map((row) => ({ visitor_id: row.visitorId, last_seen: new Date(row.lastSeen).toISOString() })));
}

/**
 * Inserts the rows of visitors not stored yet; returns the ids it inserted. A brand-new id inserted
 * by another process at the same moment makes this insert wait and then do nothing, so exactly one
 * of the two counts the new visit.
 */
export async function insertNewPresence({ db, rows }: { db: Tx; rows: PresenceRow[] }): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await rowsOf<{ visitor_id: string }>(
    db.execute(sql`
      insert into visitor_presence (visitor_id, last_seen)
      select * from jsonb_to_recordset(${presenceJson(rows)}::jsonb) as t(visitor_id text, last_seen timestamptz)
      on conflict (visitor_id) do nothing
      returning visitor_id`),
  );
  return new Set(inserted.map((row) => row.visitor_id));
}

/**
 * Reads each visitor's last_seen as it was and raises it, in one statement: both sub-statements
 * see the same snapshot, so `locked` returns the last_seen from before this batch. Rows are locked
 * in id order (the caller sorts them), so two processes never wait on each other's rows in
 * opposite orders. Returns the previous last_seen per visitor.
 */
export async function raisePresence({ db, rows }: { db: Tx; rows: PresenceRow[] }): Promise<Map<string, number>> {
  const previous = new Map<string, number>();
  if (rows.length === 0) return previous;
  const locked = await rowsOf<{ visitor_id: string; last_seen: string | Date }>(
    db.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${presenceJson(rows)}::jsonb) as t(visitor_id text, last_seen timestamptz)
      ), locked as (
        select p.visitor_id, p.last_seen from visitor_presence p join input using (visitor_id)
        order by p.visitor_id for update of p
      ), raised as (
        insert into visitor_presence (visitor_id, last_seen) select visitor_id, last_seen from input
        on conflict (visitor_id) do update set last_seen = greatest(visitor_presence.last_seen, excluded.last_seen)
      )
      select visitor_id, last_seen from locked`),
  );
  for (const row of locked) previous.set(row.visitor_id, new Date(row.last_seen).getTime());
  return previous;
}

/**
 * Claims batch ids for the transaction that writes them and returns the ids it could claim; an id
 * already claimed belongs to a batch that was written. A claim made by a transaction still under
 * way waits for it to end, so two writes of one batch never both count it.
 */
export async function claimVisitBatches({ db, ids, at }: { db: Tx; ids: string[]; at: Date }): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const claimed = await db
    .insert(visitBatches)
    .values(ids.map((id) => ({ id, writtenAt: at })))
    .onConflictDoNothing()
    .returning({ id: visitBatches.id });
  return new Set(claimed.map((row) => row.id));
}

/** Batch ids old enough that no process still retries their batch. */
export async function deleteOldVisitBatches({ db, before }: { db: Tx; before: Date }): Promise<void> {
  await db.delete(visitBatches).where(lt(visitBatches.writtenAt, before));
}

/** Presence rows no rule will ask about again. */
export async function deleteStalePresence({ db, before }: { db: Tx; before: Date }): Promise<void> {
  await db.delete(visitorPresence).where(lt(visitorPresence.lastSeen, before));
}

export type DayTotalsRow = { day: string; pageViews: number; visits: number; visitors: number; newVisitors: number };
export type HourTotalsRow = { hour: Date; pageViews: number; visits: number };
export type Dimension = (typeof visitDimensionDaily.dimension.enumValues)[number];
export type DimensionRow = { day: string; dimension: Dimension; value: string; visits: number };
export type PageViewRow = { day: string; path: string; articleId: number | null; views: number };

export async function addDayTotals({ db, rows }: { db: Tx; rows: DayTotalsRow[] }): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(visitDaily)
    .values(rows)
    .onConflictDoUpdate({
      target: visitDaily.day,
      set: {
        pageViews: plusExcluded(visitDaily, visitDaily.pageViews),
        visits: plusExcluded(visitDaily, visitDaily.visits),
        visitors: plusExcluded(visitDaily, visitDaily.visitors),
        newVisitors: plusExcluded(visitDaily, visitDaily.newVisitors),
      },
    });
}

export async function addHourTotals({ db, rows }: { db: Tx; rows: HourTotalsRow[] }): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(visitHourly)
    .values(rows)
    .onConflictDoUpdate({
      target: visitHourly.hour,
      set: { pageViews: plusExcluded(visitHourly, visitHourly.pageViews), visits: plusExcluded(visitHourly, visitHourly.visits) },
    });
}

export async function addDimensionVisits({ db, rows }: { db: Tx; rows: DimensionRow[] }): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insert(visitDimensionDaily)
      .values(part)
      .onConflictDoUpdate({
        target: [visitDimensionDaily.day, visitDimensionDaily.dimension, visitDimensionDaily.value],
        set: { visits: plusExcluded(visitDimensionDaily, visitDimensionDaily.visits) },
      });
  }
}

export async function addPageViews({ db, rows }: { db: Tx; rows: PageViewRow[] }): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insert(pageViewDaily)
      .values(part)
      .onConflictDoUpdate({
        target: [pageViewDaily.day, pageViewDaily.path],
        set: { views: plusExcluded(pageViewDaily, pageViewDaily.views), articleId: sql`excluded."article_id"` },
      });
  }
}

/** The published articles among these slugs, slug → id: only they keep their own page-view row. */
export async function findPublishedArticleIds({ db, slugs }: { db: Tx; slugs: string[] }): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(slugs)) {
    const rows = await db
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(and(inArray(articles.slug, part), eq(articles.status, 'published')));
    for (const row of rows) ids.set(row.slug, row.id);
  }
  return ids;
}

/** The published documents among these slugs. */
export async function findPublishedDocumentSlugs({ db, slugs }: { db: Tx; slugs: string[] }): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks(slugs)) {
    const rows = await db
      .select({ slug: documents.slug })
      .from(documents)
      .where(and(inArray(documents.slug, part), eq(documents.status, 'published')));
    for (const row of rows) known.add(row.slug);
  }
  return known;
}

/** The published procedures among these slugs. */
export async function findPublishedProcedureSlugs({ db, slugs }: { db: Tx; slugs: string[] }): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks(slugs)) {
    const rows = await db
      .select({ slug: procedures.slug })
      .from(procedures)
      .where(and(inArray(procedures.slug, part), eq(procedures.status, 'published')));
    for (const row of rows) known.add(row.slug);
  }
  return known;
}

/** The files among these ids that belong to a published document: the downloads worth a row of their own. */
export async function findPublishedDocumentFileIds({ db, ids }: { db: Tx; ids: number[] }): Promise<Set<number>> {
  const known = new Set<number>();
  for (const part of chunks(ids)) {
    const rows = await db
      .select({ id: documentFiles.id })
      .from(documentFiles)
      .innerJoin(documents, eq(documents.id, documentFiles.documentId))
      .where(and(inArray(documentFiles.id, part), eq(documents.status, 'published')));
    for (const row of rows) known.add(row.id);
  }
  return known;
}

/** The categories among these slugs. */
export async function findCategorySlugs({ db, slugs }: { db: Tx; slugs: string[] }): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks(slugs)) {
    const rows = await db.select({ slug: categories.slug }).from(categories).where(inArray(categories.slug, part));
    for (const row of rows) known.add(row.slug);
  }
  return known;
}

/** The published questions among these slugs. */
export async function findPublishedQuestionSlugs({ db, slugs }: { db: Tx; slugs: string[] }): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db
    .select({ slug: questions.slug })
    .from(questions)
    .where(and(inArray(questions.slug, slugs), isNotNull(questions.publishedAt), eq(questions.status, 'answered')));
  return new Set(rows.map((row) => row.slug!));
}
