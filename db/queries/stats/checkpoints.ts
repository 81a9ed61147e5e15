import 'server-only';
import { and, asc, between, eq, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import { pageViewCheckpoint, pageViewCumulative, pageViewDaily, visitDaily } from '../../schema';
import { vietnamDay } from '@/lib/time';
import { addDays, addMonths, daysBetween, monthStart, type DayRange } from '@/lib/stats/range';
import { type Conn, connection, num } from './shared';

// Page views by page over a range are C(to) - C(from - 1), where C (the running total) is read
// from page_view_cumulative's nearest checkpoint plus or minus a few days of page_view_daily.

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

export function freshCheckpoints(conn: Conn, now: number): Promise<CheckpointState> {
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
    conn
      .select({ day: visitDaily.day, pageViews: visitDaily.pageViews })
      .from(visitDaily)
      .where(lte(visitDaily.day, yesterday))
      .orderBy(asc(visitDaily.day)),
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
  // With no day before today (a new site, or a test), today is the first day that may have views:
  // a null here made every range read as empty, so "Hôm nay" showed 99 page views beside top
  // lists saying "Chưa có số liệu".
  const state = { firstDay: days[0]?.day ?? addDays(yesterday, 1), checkpoints: wanted };
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

export async function rangeParts(conn: Conn, range: DayRange, now: number): Promise<Part[]> {
  const { firstDay, checkpoints } = await freshCheckpoints(conn, now);
  return [
    ...runningTotalParts(range.to, checkpoints, firstDay, 1),
    ...runningTotalParts(addDays(range.from, -1), checkpoints, firstDay, -1),
  ];
}

/** Views per key over the range: every part summed in SQL by key, then signed and added here. */
export async function viewsByKey<K extends number | string>(
  conn: Conn,
  parts: Part[],
  key: 'article' | 'path',
  limit: number,
  articleIds?: number[],
): Promise<{ key: K; views: number }[]> {
  const results = await Promise.all(
    parts.map(async (part) => {
      if (part.checkpoint) {
        const column = key === 'article' ? pageViewCumulative.articleId : pageViewCumulative.path;
        const rows = await conn
          .select({ key: column, views: sql<number>`sum(${pageViewCumulative.views})`.mapWith(Number) })
          .from(pageViewCumulative)
          .where(
            and(
              eq(pageViewCumulative.through, part.checkpoint),
              key === 'article' ? ne(pageViewCumulative.articleId, 0) : undefined,
              articleIds ? inArray(pageViewCumulative.articleId, articleIds) : undefined,
            ),
          )
          .groupBy(column);
        return { sign: part.sign, rows };
      }
      const column = key === 'article' ? pageViewDaily.articleId : pageViewDaily.path;
      const rows = await conn
        .select({ key: column, views: sql<number>`sum(${pageViewDaily.views})`.mapWith(Number) })
        .from(pageViewDaily)
        .where(
          and(
            between(pageViewDaily.day, part.days!.from, part.days!.to),
            key === 'article' ? isNotNull(pageViewDaily.articleId) : undefined,
            articleIds ? inArray(pageViewDaily.articleId, articleIds) : undefined,
          ),
        )
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
