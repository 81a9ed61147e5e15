import 'server-only';
import { and, gte, lt, sql } from 'drizzle-orm';
import { addDays, addMonths, dayToMs, type DayRange, monthStart, monthsSpanned } from '@/lib/stats/range';
import { VIETNAM_UTC_OFFSET_MS } from '@/lib/time';
import { portalRatings } from '../../schema';
import { type Conn, connection, num } from './shared';

/**
 * Đánh giá cổng thông tin on the dashboard and in its CSV: over a range of Vietnamese days, the
 * number of ratings and the average of each criterion, in all and month by month.
 */
export type RatingAverages = {
  count: number;
  design: number | null;
  content: number | null;
  quality: number | null;
  support: number | null;
};
export type RatingMonth = RatingAverages & { month: string };
export type RatingSummary = { total: RatingAverages; months: RatingMonth[] };

const averages = {
  count: sql<string>`count(*)`,
  design: sql<string | null>`avg(${portalRatings.design})`,
  content: sql<string | null>`avg(${portalRatings.content})`,
  quality: sql<string | null>`avg(${portalRatings.quality})`,
  support: sql<string | null>`avg(${portalRatings.support})`,
};

const average = (value: string | number | null | undefined) =>
  value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100;

function toAverages(
  row:
    | { count: string | number; design: string | null; content: string | null; quality: string | null; support: string | null }
    | undefined,
): RatingAverages {
  return {
    count: num(row?.count),
    design: average(row?.design),
    content: average(row?.content),
    quality: average(row?.quality),
    support: average(row?.support),
  };
}

export async function getRatingSummary({ db, range }: { db?: Conn; range: DayRange }): Promise<RatingSummary> {
  const conn = await connection(db);
  const start = new Date(dayToMs(range.from) - VIETNAM_UTC_OFFSET_MS);
  const end = new Date(dayToMs(addDays(range.to, 1)) - VIETNAM_UTC_OFFSET_MS);
  const inRange = and(gte(portalRatings.createdAt, start), lt(portalRatings.createdAt, end));
  const monthExpr = sql<string>`to_char(${portalRatings.createdAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-01')`;
  const [totalRows, monthRows] = await Promise.all([
    conn.select(averages).from(portalRatings).where(inRange),
    conn
      .select({ month: monthExpr, ...averages })
      .from(portalRatings)
      .where(inRange)
      .groupBy(monthExpr),
  ]);
  const byMonth = new Map(monthRows.map((row) => [row.month, row]));
  const first = monthStart(range.from);
  const months = Array.from({ length: monthsSpanned(range.from, range.to) }, (_, i) => {
    const month = addMonths(first, i);
    return { month, ...toAverages(byMonth.get(month)) };
  });
  return { total: toAverages(totalRows[0]), months };
}
