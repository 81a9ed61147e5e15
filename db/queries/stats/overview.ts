import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../index';
import { visitDaily } from '../../schema';
import { readVisitorWidgetStats } from '../visits';
import { vietnamDay } from '@/lib/time';
import { addDays, monthStart, weekStart } from '@/lib/stats/range';
import { connection, num, type Totals } from './shared';

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
