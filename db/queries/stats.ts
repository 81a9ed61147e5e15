import 'server-only';
import { and, asc, between, desc, eq, gt, gte, inArray, isNotNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../index';
import { articles, pageViewCheckpoint, pageViewCumulative, pageViewDaily, visitDaily, visitDimensionDaily, visitHourly } from '../schema';
import { readVisitorWidgetStats } from './visits';
import { HOUR_MS, VIETNAM_UTC_OFFSET_MS, vietnamDay } from '@/lib/time';
import {
  addDays,
  addMonths,
  dayToMs,
  daysBetween,
  monthStart,
  monthsSpanned,
  weekStart,
  type DayRange,
  type StatsRange,
} from '../../lib/stats/range';

type Conn = Db | Tx;
export type Totals = { pageViews: number; visits: number; visitors: number };
export type Dimension = (typeof visitDimensionDaily.dimension.enumValues)[number];

const num = (value: string | number | null | undefined) => Number(value ?? 0);
const connection = async (db?: Conn) => db ?? (await getDb());

// ---------------------------------------------------------------------------
// At a glance
// ---------------------------------------------------------------------------

export type OverviewPeriod = 'today' | 'yesterday' | 'week' | 'month' | 'all';
export type StatsOverview = {
  readAt: string;
  online: number;
  /** Visits counted by the old site, included in periods.all.visits as the public widget does. */
  counterOffset: number;
  periods: Record<OverviewPeriod, Totals>;
};

/**
 * Đang online, Hôm nay, Hôm qua, this week (from Monday), this month and all time, read in one
 * snapshot. Today, all time and online are the public widget's own numbers (readVisitorWidgetStats),
 * so both show the same at the same moment; visitors are summed per day.
 */
export async function getStatsOverview({ db, now = Date.now() }: { db?: Db; now?: number } = {}): Promise<StatsOverview> {
  const conn = (await connection(db)) as Db;
  const today = vietnamDay(now);
  const yesterday = addDays(today, -1);
  const week = weekStart(today);
  const month = monthStart(today);
  return conn.transaction(
    async (tx) => {
      const widget = await readVisitorWidgetStats({ db: tx, now });
      const { pageViews: pv, visits: v, visitors: u, day } = visitDaily;
      const sumIf = (column: typeof pv | typeof v | typeof u, condition: SQL) =>
        sql<string>`coalesce(sum(${column}) filter (where ${condition}), 0)`;
      const [row] = await tx
        .select({
          todayVisitors: sumIf(u, sql`${day} = ${today}`),
          yesterdayPageViews: sumIf(pv, sql`${day} = ${yesterday}`),
          yesterdayVisits: sumIf(v, sql`${day} = ${yesterday}`),
          yesterdayVisitors: sumIf(u, sql`${day} = ${yesterday}`),
          weekPageViews: sumIf(pv, sql`${day} between ${week} and ${today}`),
          weekVisits: sumIf(v, sql`${day} between ${week} and ${today}`),
          weekVisitors: sumIf(u, sql`${day} between ${week} and ${today}`),
          monthPageViews: sumIf(pv, sql`${day} between ${month} and ${today}`),
          monthVisits: sumIf(v, sql`${day} between ${month} and ${today}`),
          monthVisitors: sumIf(u, sql`${day} between ${month} and ${today}`),
          allVisits: sql<string>`coalesce(sum(${v}), 0)`,
          allVisitors: sql<string>`coalesce(sum(${u}), 0)`,
        })
        .from(visitDaily);
      const r = row!;
      return {
        readAt: widget.readAt,
        online: widget.online,
        counterOffset: widget.totalVisits - num(r.allVisits),
        periods: {
          today: { pageViews: widget.todayPageViews, visits: widget.todayVisits, visitors: num(r.todayVisitors) },
          yesterday: { pageViews: num(r.yesterdayPageViews), visits: num(r.yesterdayVisits), visitors: num(r.yesterdayVisitors) },
          week: { pageViews: num(r.weekPageViews), visits: num(r.weekVisits), visitors: num(r.weekVisitors) },
          month: { pageViews: num(r.monthPageViews), visits: num(r.monthVisits), visitors: num(r.monthVisitors) },
          all: { pageViews: widget.totalPageViews, visits: widget.totalVisits, visitors: num(r.allVisitors) },
        },
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

// ---------------------------------------------------------------------------
// Over time
// ---------------------------------------------------------------------------

export type SeriesPoint = {
  /** The bucket's start: 'YYYY-MM-DD' for days and months, an ISO instant for hours. */
  key: string;
  previousKey: string;
  /** Null for hours of today that have not come yet. */
  current: Totals | null;
  previous: Totals;
};
export type TrafficSeries = { granularity: StatsRange['granularity']; points: SeriesPoint[] };

const zero = (): Totals => ({ pageViews: 0, visits: 0, visitors: 0 });

/** The range and the period before it, bucket by bucket (hour, day or month). */
export async function getTrafficSeries({ db, range, now = Date.now() }: { db?: Conn; range: StatsRange; now?: number }): Promise<TrafficSeries> {
  const conn = await connection(db);
  const { granularity, previous } = range;

  if (granularity === 'hour') {
    const start = (day: string) => dayToMs(day) - VIETNAM_UTC_OFFSET_MS;
    const hours = (daysBetween(range.from, range.to) + 1) * 24;
    const rows = await conn
      .select({ hour: visitHourly.hour, pageViews: visitHourly.pageViews, visits: visitHourly.visits })
      .from(visitHourly)
      .where(and(gte(visitHourly.hour, new Date(start(previous.from))), lt(visitHourly.hour, new Date(start(range.to) + 24 * HOUR_MS))));
    const byHour = new Map(rows.map((row) => [row.hour.getTime(), row]));
    const at = (ms: number): Totals => {
      const row = byHour.get(ms);
      // visit_hourly keeps no visitors: unique visitors exist per day only.
      return { pageViews: num(row?.pageViews), visits: num(row?.visits), visitors: 0 };
    };
    return {
      granularity,
      points: Array.from({ length: hours }, (_, i) => {
        const current = start(range.from) + i * HOUR_MS;
        const before = start(previous.from) + i * HOUR_MS;
        return {
          key: new Date(current).toISOString(),
          previousKey: new Date(before).toISOString(),
          current: current > now ? null : at(current),
          previous: at(before),
        };
      }),
    };
  }

  if (granularity === 'day') {
    const byDay = await readDailyTotals(conn, { from: previous.from, to: range.to });
    const length = daysBetween(range.from, range.to) + 1;
    return {
      granularity,
      points: Array.from({ length }, (_, i) => {
        const key = addDays(range.from, i);
        const previousKey = addDays(previous.from, i);
        return { key, previousKey, current: byDay.get(key) ?? zero(), previous: byDay.get(previousKey) ?? zero() };
      }),
    };
  }

  const monthExpr = sql<string>`to_char(date_trunc('month', ${visitDaily.day}), 'YYYY-MM-DD')`;
  const monthRows = async (span: DayRange) =>
    conn
      .select({
        month: monthExpr,
        pageViews: sql<string>`sum(${visitDaily.pageViews})`,
        visits: sql<string>`sum(${visitDaily.visits})`,
        visitors: sql<string>`sum(${visitDaily.visitors})`,
      })
      .from(visitDaily)
      .where(between(visitDaily.day, span.from, span.to))
      .groupBy(sql`date_trunc('month', ${visitDaily.day})`);
  // Two queries: with a custom start mid-month the previous period overlaps the range's first month.
  const [currentRows, previousRows] = [await monthRows(range), await monthRows(previous)];
  const toMap = (rows: Awaited<ReturnType<typeof monthRows>>) =>
    new Map(rows.map((row) => [row.month, { pageViews: num(row.pageViews), visits: num(row.visits), visitors: num(row.visitors) }]));
  const current = toMap(currentRows);
  const before = toMap(previousRows);
  return {
    granularity,
    points: Array.from({ length: monthsSpanned(range.from, range.to) }, (_, i) => {
      const key = monthStart(addMonths(monthStart(range.from), i));
      const previousKey = monthStart(addMonths(monthStart(previous.from), i));
      return { key, previousKey, current: current.get(key) ?? zero(), previous: before.get(previousKey) ?? zero() };
    }),
  };
}

async function readDailyTotals(conn: Conn, span: DayRange) {
  const rows = await conn
    .select({ day: visitDaily.day, pageViews: visitDaily.pageViews, visits: visitDaily.visits, visitors: visitDaily.visitors })
    .from(visitDaily)
    .where(between(visitDaily.day, span.from, span.to));
  return new Map(rows.map((row) => [row.day, { pageViews: num(row.pageViews), visits: num(row.visits), visitors: num(row.visitors) }]));
}

export type DailyRow = Totals & { day: string; newVisitors: number };

/** One row per day of the range, days without traffic included: the CSV export. */
export async function listDailyTotals({ db, range }: { db?: Conn; range: DayRange }): Promise<DailyRow[]> {
  const conn = await connection(db);
  const rows = await conn.select().from(visitDaily).where(between(visitDaily.day, range.from, range.to)).orderBy(asc(visitDaily.day));
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: daysBetween(range.from, range.to) + 1 }, (_, i) => {
    const day = addDays(range.from, i);
    const row = byDay.get(day);
    return { day, pageViews: num(row?.pageViews), visits: num(row?.visits), visitors: num(row?.visitors), newVisitors: num(row?.newVisitors) };
  });
}

// ---------------------------------------------------------------------------
// Page views by page: C(to) - C(from - 1), C read from page_view_cumulative's nearest checkpoint
// ---------------------------------------------------------------------------

/** Every day of this many last days is a checkpoint: the usual ranges end today and read no daily rows. */
const DAILY_CHECKPOINT_DAYS = 35;

/**
 * Checkpoints: the 8th, 15th, 22nd and last day of every month that has data (no day is more than
 * 4 days from one), and every one of the last DAILY_CHECKPOINT_DAYS days up to yesterday.
 */
export function checkpointDays(firstDay: string, yesterday: string): string[] {
  if (yesterday < firstDay) return [];
  const recent = addDays(yesterday, -(DAILY_CHECKPOINT_DAYS - 1));
  const days: string[] = [];
  for (let month = monthStart(firstDay); month <= yesterday; month = addMonths(month, 1)) {
    for (const day of [addDays(month, 7), addDays(month, 14), addDays(month, 21), addDays(addMonths(month, 1), -1)]) {
      if (day >= firstDay && day < recent && day <= yesterday) days.push(day);
    }
  }
  for (let day = recent > firstDay ? recent : firstDay; day <= yesterday; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Builds the checkpoints page_view_cumulative lacks, and rebuilds those whose visit_daily total
 * changed since (and every later one, which includes them). Cheap when nothing is to do: one read
 * of visit_daily (a row per day) and of page_view_checkpoint (four rows per month).
 */
export async function ensurePageViewCheckpoints({ db, now = Date.now() }: { db?: Conn; now?: number } = {}): Promise<number> {
  return (await checkCheckpoints(await connection(db), now)).rebuilt;
}

type CheckpointState = { rebuilt: number; firstDay: string | null; checkpoints: string[] };

/**
 * The state the reads need, checked at most every few seconds per database and day: a late write
 * to a past day shows in the lists within that time, and a dashboard's several lists share one check.
 */
const FRESH_MS = 5000;
const recentChecks = new WeakMap<object, { at: number; yesterday: string; state: Promise<CheckpointState> }>();

function freshCheckpoints(conn: Conn, now: number): Promise<CheckpointState> {
  const yesterday = addDays(vietnamDay(now), -1);
  const recent = recentChecks.get(conn);
  const at = Date.now();
  if (recent && recent.yesterday === yesterday && at - recent.at < FRESH_MS) return recent.state;
  const state = checkCheckpoints(conn, now);
  recentChecks.set(conn, { at, yesterday, state });
  state.catch(() => recentChecks.delete(conn));
  return state;
}

async function checkCheckpoints(conn: Conn, now: number): Promise<CheckpointState> {
  const yesterday = addDays(vietnamDay(now), -1);
  const [days, stored] = await Promise.all([
    conn.select({ day: visitDaily.day, pageViews: visitDaily.pageViews }).from(visitDaily).where(lte(visitDaily.day, yesterday)).orderBy(asc(visitDaily.day)),
    conn.select().from(pageViewCheckpoint),
  ]);
  const storedTotals = new Map(stored.map((row) => [row.through, num(row.pageViews)]));
  const wanted = days.length ? checkpointDays(days[0]!.day, yesterday) : [];
  const wantedSet = new Set(wanted);
  const outdated = stored.filter((row) => !wantedSet.has(row.through)).map((row) => row.through);

  // visit_daily's running total at each checkpoint: what the checkpoint must add up to.
  const totals = new Map<string, number>();
  let running = 0;
  let i = 0;
  for (const day of wanted) {
    while (i < days.length && days[i]!.day <= day) running += num(days[i++]!.pageViews);
    totals.set(day, running);
  }
  const firstStale = wanted.findIndex((day) => storedTotals.get(day) !== totals.get(day));
  const state = { firstDay: days[0]?.day ?? null, checkpoints: wanted };
  if (firstStale === -1 && outdated.length === 0) return { rebuilt: 0, ...state };

  const rebuild = firstStale === -1 ? [] : wanted.slice(firstStale);
  await conn.transaction(async (tx) => {
    if (outdated.length) {
      await tx.delete(pageViewCumulative).where(inArray(pageViewCumulative.through, outdated));
      await tx.delete(pageViewCheckpoint).where(inArray(pageViewCheckpoint.through, outdated));
    }
    let previous = firstStale > 0 ? wanted[firstStale - 1]! : null;
    for (const through of rebuild) {
      await tx.delete(pageViewCumulative).where(eq(pageViewCumulative.through, through));
      // The previous checkpoint's totals plus the days since: a few days of rows.
      await tx.execute(sql`
        insert into ${pageViewCumulative} (through, path, article_id, views)
        select ${through}::date, path, article_id, sum(views) from (
          select path, article_id, views from ${pageViewCumulative} where through = ${previous ?? '0001-01-01'}::date
          union all
          select path, coalesce(article_id, 0), views from ${pageViewDaily}
          where day > ${previous ?? '0001-01-01'}::date and day <= ${through}::date
        ) parts
        group by path, article_id
        on conflict (through, path, article_id) do update set views = excluded.views`);
      await tx
        .insert(pageViewCheckpoint)
        .values({ through, pageViews: totals.get(through)! })
        .onConflictDoUpdate({ target: pageViewCheckpoint.through, set: { pageViews: totals.get(through)! } });
      previous = through;
    }
  });
  return { rebuilt: rebuild.length + outdated.length, ...state };
}

type Part = { sign: 1 | -1; checkpoint?: string; days?: DayRange };

/**
 * C(day) as signed parts: the nearest checkpoint (or zero before the first day) plus or minus the
 * days between: at most 4 days of rows, none for the last weeks but today's.
 */
function runningTotalParts(day: string, checkpoints: string[], firstDay: string | null, sign: 1 | -1): Part[] {
  if (firstDay === null || day < firstDay) return [];
  let best: { at: string | null; distance: number } = { at: null, distance: daysBetween(addDays(firstDay, -1), day) };
  for (const at of checkpoints) {
    const distance = Math.abs(daysBetween(at, day));
    if (distance < best.distance) best = { at, distance };
  }
  const parts: Part[] = [];
  if (best.at) parts.push({ sign, checkpoint: best.at });
  const base = best.at ?? addDays(firstDay, -1);
  if (base < day) parts.push({ sign, days: { from: addDays(base, 1), to: day } });
  if (base > day) parts.push({ sign: sign === 1 ? -1 : 1, days: { from: addDays(day, 1), to: base } });
  return parts;
}

async function rangeParts(conn: Conn, range: DayRange, now: number): Promise<Part[]> {
  const { firstDay, checkpoints } = await freshCheckpoints(conn, now);
  return [...runningTotalParts(range.to, checkpoints, firstDay, 1), ...runningTotalParts(addDays(range.from, -1), checkpoints, firstDay, -1)];
}

/** Views per key over the range: every part summed in SQL by key, then signed and added here. */
async function viewsByKey<K extends number | string>(
  conn: Conn,
  parts: Part[],
  key: 'article' | 'path',
  limit: number,
): Promise<{ key: K; views: number }[]> {
  const results = await Promise.all(
    parts.map(async (part) => {
      if (part.checkpoint) {
        const column = key === 'article' ? pageViewCumulative.articleId : pageViewCumulative.path;
        const rows = await conn
          .select({ key: column, views: sql<number>`sum(${pageViewCumulative.views})`.mapWith(Number) })
          .from(pageViewCumulative)
          .where(and(eq(pageViewCumulative.through, part.checkpoint), key === 'article' ? ne(pageViewCumulative.articleId, 0) : undefined))
          .groupBy(column);
        return { sign: part.sign, rows };
      }
      const column = key === 'article' ? pageViewDaily.articleId : pageViewDaily.path;
      const rows = await conn
        .select({ key: column, views: sql<number>`sum(${pageViewDaily.views})`.mapWith(Number) })
        .from(pageViewDaily)
        .where(and(between(pageViewDaily.day, part.days!.from, part.days!.to), key === 'article' ? isNotNull(pageViewDaily.articleId) : undefined))
        .groupBy(column);
      return { sign: part.sign, rows };
    }),
  );
  const totals = new Map<K, number>();
  for (const { sign, rows } of results) {
    for (const row of rows) totals.set(row.key as K, (totals.get(row.key as K) ?? 0) + sign * row.views);
  }
  return [...totals]
    .filter(([, views]) => views > 0)
    .map(([k, views]) => ({ key: k, views }))
    .sort((a, b) => b.views - a.views || String(a.key).localeCompare(String(b.key)))
    .slice(0, limit);
}

export type TopArticle = { id: number; title: string; slug: string; views: number };

/** The most viewed articles of the range, by title (an article's old and new addresses add up). */
export async function listTopArticles({
  db,
  range,
  limit = 10,
  now = Date.now(),
}: {
  db?: Conn;
  range: DayRange;
  limit?: number;
  now?: number;
}): Promise<TopArticle[]> {
  const conn = await connection(db);
  // A few spare rows: an article deleted since keeps its views in the running totals but has no title.
  const top = await viewsByKey<number>(conn, await rangeParts(conn, range, now), 'article', limit + 5);
  if (top.length === 0) return [];
  const rows = await conn
    .select({ id: articles.id, title: articles.title, slug: articles.slug })
    .from(articles)
    .where(inArray(articles.id, top.map((row) => row.key)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return top
    .flatMap((row) => {
      const article = byId.get(row.key);
      return article ? [{ ...article, views: row.views }] : [];
    })
    .slice(0, limit);
}

export type TopPage = { path: string; views: number };

/** The most viewed pages (paths) of the range; unknown addresses are one row, '(khác)'. */
export async function listTopPages({
  db,
  range,
  limit = 10,
  now = Date.now(),
}: {
  db?: Conn;
  range: DayRange;
  limit?: number;
  now?: number;
}): Promise<TopPage[]> {
  const conn = await connection(db);
  const top = await viewsByKey<string>(conn, await rangeParts(conn, range, now), 'path', limit);
  return top.map((row) => ({ path: row.key, views: row.views }));
}

export type DimensionValue = { value: string; visits: number };

/** Visits of the range by referrer domain, device class, browser or OS. */
export async function listDimensionBreakdown({
  db,
  range,
  dimension,
  limit = 10,
}: {
  db?: Conn;
  range: DayRange;
  dimension: Dimension;
  limit?: number;
}): Promise<DimensionValue[]> {
  const conn = await connection(db);
  const visits = sql<number>`sum(${visitDimensionDaily.visits})`.mapWith(Number);
  return conn
    .select({ value: visitDimensionDaily.value, visits })
    .from(visitDimensionDaily)
    .where(and(eq(visitDimensionDaily.dimension, dimension), between(visitDimensionDaily.day, range.from, range.to)))
    .groupBy(visitDimensionDaily.value)
    .orderBy(desc(visits), asc(visitDimensionDaily.value))
    .limit(limit);
}

/** All-time page views of each article (every address it had), for the admin article list. */
export async function getArticleViews({
  db,
  articleIds,
  now = Date.now(),
}: {
  db?: Conn;
  articleIds: number[];
  now?: number;
}): Promise<Map<number, number>> {
  const views = new Map<number, number>(articleIds.map((id) => [id, 0]));
  if (articleIds.length === 0) return views;
  const conn = await connection(db);
  const { checkpoints } = await freshCheckpoints(conn, now);
  const ids = [...new Set(articleIds)];
  const through = checkpoints.at(-1) ?? null;
  const [cumulative, recent] = await Promise.all([
    through
      ? conn
          .select({ id: pageViewCumulative.articleId, views: sql<number>`sum(${pageViewCumulative.views})`.mapWith(Number) })
          .from(pageViewCumulative)
          .where(and(inArray(pageViewCumulative.articleId, ids), eq(pageViewCumulative.through, through)))
          .groupBy(pageViewCumulative.articleId)
      : [],
    conn
      .select({ id: sql<number>`${pageViewDaily.articleId}`.mapWith(Number), views: sql<number>`sum(${pageViewDaily.views})`.mapWith(Number) })
      .from(pageViewDaily)
      .where(and(inArray(pageViewDaily.articleId, ids), through ? gt(pageViewDaily.day, through) : undefined))
      .groupBy(pageViewDaily.articleId),
  ]);
  for (const row of [...cumulative, ...recent]) views.set(row.id, (views.get(row.id) ?? 0) + row.views);
  return views;
}
