import { and, eq, getTableName, inArray, lt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '@/db';
import {
  articles,
  categories,
  pageViewDaily,
  visitDaily,
  visitDimensionDaily,
  visitHourly,
  visitorPresence,
} from '@/db/schema';
import { classifyPath, normalizePath, parseDevice, referrerDomain } from '@/lib/visits/parse';
import { OTHER_PATH, OTHER_VALUE, PRESENCE_RETENTION_MS, PRESENCE_WRITE_DELAY_MS, VISIT_GAP_MS } from '@/lib/visits/rules';
import { startOfHour, vietnamDay } from '@/lib/time';
import { routes } from '@/lib/routes';

/** One page view as the proxy saw it. Referrer and user agent stay in memory only, until flush. */
export type PageViewHit = {
  visitorId: string;
  /** The cookie was issued by this very request: a visitor never seen before. */
  isNew: boolean;
  at: number;
  /** The request path without its query string, still percent-encoded. */
  path: string;
  referrer: string | null;
  userAgent: string;
  host: string;
};

/** A page view that may start a visit, with what the visit's dimensions are read from. */
export type VisitStart = { at: number; referrer: string | null; userAgent: string | null; host: string | null };

/**
 * One visitor's page views within a batch, reduced to what the flush needs. starts[0] is the
 * first view (whether it starts a visit depends on the database); later entries follow 30 minutes
 * of silence inside the batch and start a visit for sure. days[0] likewise: later days are days on
 * which this visitor is certainly new.
 */
export type VisitorBatch = { isNew: boolean; first: number; last: number; starts: VisitStart[]; days: string[] };

type Batch = {
  visitors: Map<string, VisitorBatch>;
  /** Page views per hour (epoch ms of the hour's start). */
  hourViews: Map<number, number>;
  /** Page views per `${day}\t${normalized path}`. */
  pathViews: Map<string, number>;
  /** Visitors that arrived after the visitor bound was reached: only certain facts are kept. */
  overflow: { newVisitorsByHour: Map<number, number> };
  size: number;
};

type DayTotals = { pageViews: number; visits: number; visitors: number; newVisitors: number };
type Dimension = (typeof visitDimensionDaily.dimension.enumValues)[number];

export type VisitRecorderOptions = {
  getDb: () => Promise<Db>;
  now?: () => number;
  /** Distinct visitors held between flushes; beyond it only new visitors' visits stay exact. */
  maxVisitors?: number;
  /** Distinct day-and-path keys held between flushes; beyond it paths fold into OTHER_PATH. */
  maxPathKeys?: number;
  /** Distinct values per dimension per day; the rest are counted as OTHER_VALUE. */
  maxDimensionValues?: number;
  flushIntervalMs?: number;
  /** Start the flush timer on the first hit (the app); tests flush by hand. */
  autoFlush?: boolean;
  log?: (message: string, error?: unknown) => void;
};

export type VisitRecorder = {
  record: (hit: PageViewHit) => void;
  /**
   * Writes the pending page views. Resolves false (and keeps the hits) when the database failed.
   * `final` (at shutdown) also writes every last_seen still held back (see `seen` below).
   */
  flush: (options?: { final?: boolean }) => Promise<boolean>;
  /** Stops the timer; pending hits stay until the next flush(). */
  stop: () => void;
  /** What is not in the database yet: visitors and page views, and last_seen values held back. */
  pending: () => { visitors: number; pageViews: number; presence: number };
};

/** Keeps statements well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 2000;
/** Dimensions are read for this many visit starts per visitor and batch; more are still counted. */
const MAX_STARTS_WITH_DETAILS = 8;
const MAX_REFERRER_LENGTH = 512;
const MAX_USER_AGENT_LENGTH = 512;

function emptyBatch(): Batch {
  return { visitors: new Map(), hourViews: new Map(), pathViews: new Map(), overflow: { newVisitorsByHour: new Map() }, size: 0 };
}

function add<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Rows of a raw statement: postgres.js returns an array, PGlite an object with `rows`. */
async function rowsOf<T>(result: Promise<unknown>): Promise<T[]> {
  const value = (await result) as T[] | { rows: T[] };
  return Array.isArray(value) ? value : value.rows;
}

/** `<table>.<column> + excluded.<column>`: the additive half of an upsert. */
function plusExcluded(table: PgTable, column: PgColumn) {
  return sql.raw(`"${getTableName(table)}"."${column.name}" + excluded."${column.name}"`);
}

/** Folds the hits of a later batch into an earlier one for the same visitor, as if seen in one. */
function mergeVisitor(older: VisitorBatch, newer: VisitorBatch): VisitorBatch {
  const starts = [...older.starts];
  newer.starts.forEach((start, index) => {
    if (index > 0 || start.at - older.last > VISIT_GAP_MS) starts.push(start);
  });
  const days = [...older.days];
  for (const day of newer.days) if (!days.includes(day)) days.push(day);
  return {
    isNew: older.isNew || newer.isNew,
    first: older.first,
    last: Math.max(older.last, newer.last),
    starts,
    days,
  };
}

function mergeBatches(older: Batch, newer: Batch): Batch {
  const merged = older;
  for (const [id, visitor] of newer.visitors) {
    const existing = merged.visitors.get(id);
    merged.visitors.set(id, existing ? mergeVisitor(existing, visitor) : visitor);
  }
  for (const [k, n] of newer.hourViews) add(merged.hourViews, k, n);
  for (const [k, n] of newer.pathViews) add(merged.pathViews, k, n);
  for (const [k, n] of newer.overflow.newVisitorsByHour) add(merged.overflow.newVisitorsByHour, k, n);
  merged.size += newer.size;
  return merged;
}

function visitStartOf(hit: PageViewHit, withDetails = true): VisitStart {
  if (!withDetails) return { at: hit.at, referrer: null, userAgent: null, host: null };
  return {
    at: hit.at,
    referrer: hit.referrer ? hit.referrer.slice(0, MAX_REFERRER_LENGTH) : null,
    userAgent: hit.userAgent.slice(0, MAX_USER_AGENT_LENGTH),
    host: hit.host.slice(0, 255),
  };
}

/** A visitor's first page view in a batch. */
export function startVisitorBatch(hit: PageViewHit): VisitorBatch {
  return { isNew: hit.isNew, first: hit.at, last: hit.at, starts: [visitStartOf(hit)], days: [vietnamDay(hit.at)] };
}

/** A later page view of the same visitor in the same batch: after 30 minutes of silence it starts a visit. */
export function addViewToVisitor(visitor: VisitorBatch, hit: PageViewHit): void {
  // Clocks can step back; a view is never earlier than the one before it for this visitor.
  const at = Math.max(hit.at, visitor.last);
  if (at - visitor.last > VISIT_GAP_MS) {
    visitor.starts.push(visitStartOf({ ...hit, at }, visitor.starts.length < MAX_STARTS_WITH_DETAILS));
  }
  const day = vietnamDay(at);
  if (visitor.days[visitor.days.length - 1] !== day) visitor.days.push(day);
  visitor.last = at;
  visitor.isNew ||= hit.isNew;
}

/**
 * Which of a visitor's candidate visit starts are visits, and on which days the visitor counts,
 * given their last page view before this batch (null: none in the last ~25 hours).
 */
export function decideVisitor(visitor: VisitorBatch, lastSeen: number | null): { visitStarts: VisitStart[]; visitorDays: string[] } {
  const continuesVisit = lastSeen !== null && visitor.first - lastSeen <= VISIT_GAP_MS;
  const seenThatDay = lastSeen !== null && vietnamDay(lastSeen) >= visitor.days[0]!;
  return {
    visitStarts: continuesVisit ? visitor.starts.slice(1) : visitor.starts,
    visitorDays: seenThatDay ? visitor.days.slice(1) : visitor.days,
  };
}

/**
 * Sums page views in memory and writes them every few seconds in one transaction of additive
 * upserts, so any number of processes can share one database and the totals stay exact.
 * The app keeps one on globalThis (see ./index.ts); tests build their own over a given database.
 */
export function createVisitRecorder(options: VisitRecorderOptions): VisitRecorder {
  const now = options.now ?? Date.now;
  const maxVisitors = options.maxVisitors ?? 50_000;
  const maxPathKeys = options.maxPathKeys ?? 50_000;
  const maxDimensionValues = options.maxDimensionValues ?? 500;
  const flushIntervalMs = options.flushIntervalMs ?? 2000;
  const autoFlush = options.autoFlush ?? true;
  const log = options.log ?? ((message, error) => console.warn(`[visits] ${message}`, error ?? ''));

  let current = emptyBatch();
  let timer: ReturnType<typeof setInterval> | null = null;
  let flushing: Promise<boolean> | null = null;
  let warnedBound = false;
  let failingSince: number | null = null;
  /**
   * Visitors whose page views this process committed within the last visit gap: their latest page
   * view here (`last`) and the last_seen this process wrote for them (`written`). A visitor in it
   * whose next view comes within 30 minutes of `last` goes on with their visit, and was seen that
   * day, whatever other processes wrote: no need to read their row. And their row need not be
   * raised at every flush: writing it once PRESENCE_WRITE_DELAY_MS have passed since `written`
   * keeps every count exact (see rules.ts), and on a busy site writes a small part of the rows.
   */
  const seen = new Map<string, { last: number; written: number }>();
  /** Ids in `seen` whose `last` is later than `written`. */
  const unwritten = new Set<string>();
  let lastEviction = 0;
  /** Values already written per `${day}\t${dimension}`, to cap each dimension per day. */
  const dimensionValues = new Map<string, Set<string>>();

  function startTimer(): void {
    if (timer || !autoFlush) return;
    timer = setInterval(() => void flush(), flushIntervalMs);
    // The timer alone must not keep a process alive; shutdown flushes explicitly.
    timer.unref?.();
  }

  function warnBoundOnce(): void {
    if (warnedBound) return;
    warnedBound = true;
    log(
      `Bộ đệm lượt xem đã đầy (${maxVisitors} khách, ${maxPathKeys} đường dẫn) vì chưa ghi được vào cơ sở dữ liệu; ` +
        'lượt xem vẫn được đếm, chi tiết theo trang và khách quay lại được gộp.',
    );
  }

  function record(hit: PageViewHit): void {
    const batch = current;
    batch.size += 1;
    const day = vietnamDay(hit.at);
    add(batch.hourViews, startOfHour(hit.at));

    const pathKey = `${day}\t${normalizePath(hit.path)}`;
    if (batch.pathViews.has(pathKey) || batch.pathViews.size < maxPathKeys) add(batch.pathViews, pathKey);
    else {
      warnBoundOnce();
      add(batch.pathViews, `${day}\t${OTHER_PATH}`);
    }

    const visitor = batch.visitors.get(hit.visitorId);
    if (!visitor) {
      if (batch.visitors.size >= maxVisitors) {
        warnBoundOnce();
        // A just-issued cookie is a new visitor and a new visit, whatever the database holds.
        if (hit.isNew) add(batch.overflow.newVisitorsByHour, startOfHour(hit.at));
      } else {
        batch.visitors.set(hit.visitorId, startVisitorBatch(hit));
      }
    } else {
      addViewToVisitor(visitor, hit);
    }
    startTimer();
  }

  function cappedDimensionValue(day: string, dimension: Dimension, value: string): string {
    const key = `${day}\t${dimension}`;
    let values = dimensionValues.get(key);
    if (!values) {
      // Only the days being written matter; older ones are dropped so the sets stay bounded.
      if (dimensionValues.size > 16) dimensionValues.clear();
      values = new Set();
      dimensionValues.set(key, values);
    }
    if (values.has(value)) return value;
    if (values.size >= maxDimensionValues) return OTHER_VALUE;
    values.add(value);
    return value;
  }

  /** Writes a batch; returns the last_seen each visitor's row was raised to. */
  async function writeBatch(tx: Tx, batch: Batch, flushedAt: number, final: boolean): Promise<Map<string, number>> {
    const daily = new Map<string, DayTotals>();
    const dayTotals = (day: string) => {
      let totals = daily.get(day);
      if (!totals) daily.set(day, (totals = { pageViews: 0, visits: 0, visitors: 0, newVisitors: 0 }));
      return totals;
    };
    const hourly = new Map<number, { pageViews: number; visits: number }>();
    const hourTotals = (hour: number) => {
      let totals = hourly.get(hour);
      if (!totals) hourly.set(hour, (totals = { pageViews: 0, visits: 0 }));
      return totals;
    };
    const dimensions = new Map<string, number>();

    for (const [hour, n] of batch.hourViews) {
      hourTotals(hour).pageViews += n;
      dayTotals(vietnamDay(hour)).pageViews += n;
    }
    for (const [hour, n] of batch.overflow.newVisitorsByHour) {
      hourTotals(hour).visits += n;
      const totals = dayTotals(vietnamDay(hour));
      totals.visits += n;
      totals.visitors += n;
      totals.newVisitors += n;
    }

    // Visitors, in one order everywhere, so two processes lock presence rows in the same order.
    const ids = [...batch.visitors.keys()].sort();
    const previous = new Map<string, number | null>();
    const uncertain: string[] = [];
    for (const id of ids) {
      const visitor = batch.visitors.get(id)!;
      const local = seen.get(id);
      // Another process can only have seen this visitor later than `local.last`, which changes
      // neither decision (decideVisitor): no need to ask the database.
      if (local && visitor.first - local.last <= VISIT_GAP_MS && vietnamDay(local.last) >= visitor.days[0]!) {
        previous.set(id, local.last);
      } else {
        uncertain.push(id);
      }
    }
    // The last_seen each visitor's row is raised to in this transaction: every uncertain visitor,
    // and the held-back ones whose delay is up (or all of them, at shutdown).
    const raise = new Map<string, number>();
    for (const id of uncertain) raise.set(id, batch.visitors.get(id)!.last);
    for (const id of new Set([...unwritten, ...ids])) {
      const local = seen.get(id);
      if (!local || raise.has(id)) continue;
      if (final || flushedAt - local.written >= PRESENCE_WRITE_DELAY_MS) {
        raise.set(id, Math.max(local.last, batch.visitors.get(id)?.last ?? -Infinity));
      }
    }
    // One JSON parameter for the whole list: cheap to parse (it matters on PGlite) and passed the
    // same way by both drivers.
    const presenceRows = (part: string[]) =>
      JSON.stringify(part.map((id) => ({ visitor_id: id, last_seen: new Date(raise.get(id)!).toISOString() })));

    // A brand-new id inserted by another process at the same moment makes this insert wait and
    // then do nothing, so exactly one of the two counts the new visit.
    const inserted = new Set<string>();
    if (uncertain.length > 0) {
      const rows = await rowsOf<{ visitor_id: string }>(
        tx.execute(sql`
          insert into visitor_presence (visitor_id, last_seen)
          select * from jsonb_to_recordset(${presenceRows(uncertain)}::jsonb) as t(visitor_id text, last_seen timestamptz)
          on conflict (visitor_id) do nothing
          returning visitor_id`),
      );
      for (const row of rows) {
        inserted.add(row.visitor_id);
        previous.set(row.visitor_id, null);
      }
    }
    // Every other row is read as it was and raised, in one statement: both sub-statements see the
    // same snapshot, so `locked` returns the last_seen from before this batch. Rows are locked in
    // id order, so two processes never wait on each other's rows in opposite orders.
    const known = [...raise.keys()].filter((id) => !inserted.has(id)).sort();
    if (known.length > 0) {
      const rows = await rowsOf<{ visitor_id: string; last_seen: string | Date }>(
        tx.execute(sql`
          with input as (
            select * from jsonb_to_recordset(${presenceRows(known)}::jsonb) as t(visitor_id text, last_seen timestamptz)
          ), locked as (
            select p.visitor_id, p.last_seen from visitor_presence p join input using (visitor_id)
            order by p.visitor_id for update of p
          ), raised as (
            insert into visitor_presence (visitor_id, last_seen) select visitor_id, last_seen from input
            on conflict (visitor_id) do update set last_seen = greatest(visitor_presence.last_seen, excluded.last_seen)
          )
          select visitor_id, last_seen from locked`),
      );
      // Held-back rows were decided above from what this process knows; only the others read theirs.
      for (const row of rows) if (!previous.has(row.visitor_id)) previous.set(row.visitor_id, new Date(row.last_seen).getTime());
    }
    for (const id of ids) {
      const visitor = batch.visitors.get(id)!;
      const lastSeen = previous.get(id) ?? null;
      const { visitStarts, visitorDays } = decideVisitor(visitor, lastSeen);
      for (const start of visitStarts) {
        const day = vietnamDay(start.at);
        dayTotals(day).visits += 1;
        hourTotals(startOfHour(start.at)).visits += 1;
        const device = start.userAgent === null ? null : parseDevice(start.userAgent);
        const values: [Dimension, string][] = [
          ['referrer', start.userAgent === null ? OTHER_VALUE : referrerDomain(start.referrer, start.host)],
          ['device', device?.device ?? OTHER_VALUE],
          ['browser', device?.browser ?? OTHER_VALUE],
          ['os', device?.os ?? OTHER_VALUE],
        ];
        for (const [dimension, value] of values) {
          add(dimensions, `${day}\t${dimension}\t${cappedDimensionValue(day, dimension, value)}`);
        }
      }
      for (const day of visitorDays) dayTotals(day).visitors += 1;
      // Decided by the cookie, not by the stored row: another process may have stored this
      // visitor's second page view before we store the first.
      if (visitor.isNew) dayTotals(visitor.days[0]!).newVisitors += 1;
    }

    await upsertPageViews(tx, batch.pathViews);

    const dailyRows = [...daily].sort(([a], [b]) => a.localeCompare(b)).map(([day, totals]) => ({ day, ...totals }));
    if (dailyRows.length > 0) {
      await tx
        .insert(visitDaily)
        .values(dailyRows)
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
    const hourlyRows = [...hourly].sort(([a], [b]) => a - b).map(([hour, totals]) => ({ hour: new Date(hour), ...totals }));
    if (hourlyRows.length > 0) {
      await tx
        .insert(visitHourly)
        .values(hourlyRows)
        .onConflictDoUpdate({
          target: visitHourly.hour,
          set: {
            pageViews: plusExcluded(visitHourly, visitHourly.pageViews),
            visits: plusExcluded(visitHourly, visitHourly.visits),
          },
        });
    }
    const dimensionRows = [...dimensions].sort(([a], [b]) => a.localeCompare(b)).map(([key, visits]) => {
      const [day, dimension, value] = key.split('\t') as [string, Dimension, string];
      return { day, dimension, value, visits };
    });
    for (const part of chunks(dimensionRows)) {
      await tx
        .insert(visitDimensionDaily)
        .values(part)
        .onConflictDoUpdate({
          target: [visitDimensionDaily.day, visitDimensionDaily.dimension, visitDimensionDaily.value],
          set: { visits: plusExcluded(visitDimensionDaily, visitDimensionDaily.visits) },
        });
    }

    await tx.delete(visitorPresence).where(lt(visitorPresence.lastSeen, new Date(flushedAt - PRESENCE_RETENTION_MS)));
    return raise;
  }

  /**
   * Page views per day and page. Only pages that exist keep their own row (articles also get
   * their id, so a renamed slug still adds up); every other path is folded into OTHER_PATH.
   */
  async function upsertPageViews(tx: Tx, pathViews: Map<string, number>): Promise<void> {
    if (pathViews.size === 0) return;
    const refs = new Map<string, ReturnType<typeof classifyPath>>();
    const articleSlugs = new Set<string>();
    const categorySlugs = new Set<string>();
    for (const key of pathViews.keys()) {
      const path = key.slice(key.indexOf('\t') + 1);
      if (refs.has(path)) continue;
      const ref = classifyPath(path);
      refs.set(path, ref);
      if (ref.kind === 'article') articleSlugs.add(ref.slug);
      if (ref.kind === 'category') categorySlugs.add(ref.slug);
    }
    const articleIds = new Map<string, number>();
    for (const part of chunks([...articleSlugs])) {
      const rows = await tx
        .select({ id: articles.id, slug: articles.slug })
        .from(articles)
        .where(and(inArray(articles.slug, part), eq(articles.status, 'published')));
      for (const row of rows) articleIds.set(row.slug, row.id);
    }
    const knownCategories = new Set<string>();
    for (const part of chunks([...categorySlugs])) {
      const rows = await tx.select({ slug: categories.slug }).from(categories).where(inArray(categories.slug, part));
      for (const row of rows) knownCategories.add(row.slug);
    }

    const rows = new Map<string, { day: string; path: string; articleId: number | null; views: number }>();
    for (const [key, views] of pathViews) {
      const tab = key.indexOf('\t');
      const day = key.slice(0, tab);
      const ref = refs.get(key.slice(tab + 1))!;
      let path = OTHER_PATH;
      let articleId: number | null = null;
      if (ref.kind === 'home' || ref.kind === 'static') path = ref.path;
      else if (ref.kind === 'article' && articleIds.has(ref.slug)) {
        path = routes.article(ref.slug);
        articleId = articleIds.get(ref.slug)!;
      } else if (ref.kind === 'category' && knownCategories.has(ref.slug)) path = routes.category(ref.slug);
      const rowKey = `${day}\t${path}`;
      const row = rows.get(rowKey);
      if (row) row.views += views;
      else rows.set(rowKey, { day, path, articleId, views });
    }
    const sorted = [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
    for (const part of chunks(sorted)) {
      await tx
        .insert(pageViewDaily)
        .values(part)
        .onConflictDoUpdate({
          target: [pageViewDaily.day, pageViewDaily.path],
          set: { views: plusExcluded(pageViewDaily, pageViewDaily.views), articleId: sql`excluded."article_id"` },
        });
    }
  }

  /** After a commit: what this process now knows of each visitor, and which rows are held back. */
  function remember(batch: Batch, raised: Map<string, number>, flushedAt: number): void {
    for (const [id, visitor] of batch.visitors) {
      const local = seen.get(id);
      if (local) local.last = Math.max(local.last, visitor.last);
      else seen.set(id, { last: visitor.last, written: -Infinity });
    }
    for (const [id, value] of raised) seen.get(id)!.written = value;
    for (const id of [...batch.visitors.keys(), ...raised.keys()]) {
      const local = seen.get(id)!;
      if (local.last > local.written) unwritten.add(id);
      else unwritten.delete(id);
    }
    // Forgetting a visitor only costs a read of their row next time, unless their row is held back.
    const tooMany = seen.size > maxVisitors * 2;
    if (tooMany || flushedAt - lastEviction > 60_000) {
      lastEviction = flushedAt;
      for (const [id, local] of seen) {
        if (!unwritten.has(id) && (tooMany || flushedAt - local.last > VISIT_GAP_MS)) seen.delete(id);
      }
    }
  }

  /** Held-back rows whose delay is up (all of them when `final`): a flush is due even without new views. */
  function presenceDue(final: boolean, at: number): boolean {
    if (final) return unwritten.size > 0;
    for (const id of unwritten) if (at - seen.get(id)!.written >= PRESENCE_WRITE_DELAY_MS) return true;
    return false;
  }

  async function writeCurrent(final: boolean): Promise<boolean> {
    if (current.size === 0 && !presenceDue(final, now())) return true;
    const batch = current;
    current = emptyBatch();
    try {
      const db = await options.getDb();
      const flushedAt = now();
      const raised = await db.transaction((tx) => writeBatch(tx, batch, flushedAt, final));
      remember(batch, raised, flushedAt);
      if (failingSince !== null) {
        log(`Đã ghi lại được lượt xem sau ${Math.round((now() - failingSince) / 1000)} giây gián đoạn.`);
        failingSince = null;
      }
      warnedBound = false;
      return true;
    } catch (error) {
      // Keep every hit: the older batch first, so visit starts are decided in time order.
      current = mergeBatches(batch, current);
      if (failingSince === null) {
        failingSince = now();
        log('Không ghi được lượt xem vào cơ sở dữ liệu; giữ lại trong bộ nhớ và thử lại.', error);
      }
      return false;
    }
  }

  function flush({ final = false }: { final?: boolean } = {}): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      while (flushing) await flushing;
      flushing = writeCurrent(final);
      try {
        return await flushing;
      } finally {
        flushing = null;
      }
    };
    return run();
  }

  return {
    record,
    flush,
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
    pending: () => ({ visitors: current.visitors.size, pageViews: current.size, presence: unwritten.size }),
  };
}
