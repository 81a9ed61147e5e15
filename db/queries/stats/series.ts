import 'server-only';
import { and, asc, between, gte, lt, sql } from 'drizzle-orm';
import { visitDaily, visitHourly } from '../../schema';
import { HOUR_MS, VIETNAM_UTC_OFFSET_MS } from '@/lib/time';
import { addDays, addMonths, dayToMs, daysBetween, monthStart, monthsSpanned, type DayRange, type StatsRange } from '@/lib/stats/range';
import { type Conn, connection, num, type Totals } from './shared';

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
export async function getTrafficSeries({
  db,
  range,
  now = Date.now(),
}: {
  db?: Conn;
  range: StatsRange;
  now?: number;
}): Promise<TrafficSeries> {
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
  const rows = await conn
    .select()
    .from(visitDaily)
    .where(between(visitDaily.day, range.from, range.to))
    .orderBy(asc(visitDaily.day));
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: daysBetween(range.from, range.to) + 1 }, (_, i) => {
    const day = addDays(range.from, i);
    const row = byDay.get(day);
    return {
      day,
      pageViews: num(row?.pageViews),
      visits: num(row?.visits),
      visitors: num(row?.visitors),
      newVisitors: num(row?.newVisitors),
    };
  });
}
