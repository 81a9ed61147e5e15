import 'server-only';
import { count, eq, gt, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../index';
import { siteSettings, visitDaily, visitorPresence } from '../schema';
import { SETTING_KEYS } from '../settings-defaults';
import { ONLINE_WINDOW_MS } from '../../lib/visits/rules';
import { vietnamDay } from '@/lib/time';

export type VisitorWidgetStats = {
  /** Lượt truy cập: all visits plus the old site's counter. */
  totalVisits: number;
  /** Hôm nay: visits since 00:00 Asia/Ho_Chi_Minh. */
  todayVisits: number;
  /** Đang online: distinct visitors with a page view in the last 5 minutes. */
  online: number;
  totalPageViews: number;
  todayPageViews: number;
  /** When these numbers were read, ISO 8601. */
  readAt: string;
};

/** The starting offset: VISIT_COUNTER_OFFSET when set, else the site setting, else 0. */
async function readCounterOffset(db: Db | Tx): Promise<number> {
  const fromEnv = process.env.VISIT_COUNTER_OFFSET;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const n = Number(fromEnv);
    if (Number.isSafeInteger(n) && n >= 0) return n;
  }
  const [row] = await db
    .select({ value: siteSettings.value })
    .from(siteSettings)
    .where(eq(siteSettings.key, SETTING_KEYS.visitCounterOffset));
  const n = Number(row?.value ?? 0);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** The widget's numbers read straight from the database; getVisitorWidgetStats() caches them. */
export async function readVisitorWidgetStats({ db, now = Date.now() }: { db: Db | Tx; now?: number }): Promise<VisitorWidgetStats> {
  const [totals] = await db
    .select({
      visits: sql<string>`coalesce(sum(${visitDaily.visits}), 0)`,
      pageViews: sql<string>`coalesce(sum(${visitDaily.pageViews}), 0)`,
    })
    .from(visitDaily);
  const [today] = await db
    .select({ visits: visitDaily.visits, pageViews: visitDaily.pageViews })
    .from(visitDaily)
    .where(eq(visitDaily.day, vietnamDay(now)));
  const [online] = await db
    .select({ n: count() })
    .from(visitorPresence)
    .where(gt(visitorPresence.lastSeen, new Date(now - ONLINE_WINDOW_MS)));
  const offset = await readCounterOffset(db);
  return {
    totalVisits: Number(totals?.visits ?? 0) + offset,
    todayVisits: Number(today?.visits ?? 0),
    online: Number(online?.n ?? 0),
    totalPageViews: Number(totals?.pageViews ?? 0),
    todayPageViews: Number(today?.pageViews ?? 0),
    readAt: new Date(now).toISOString(),
  };
}

const CACHE_MS = 2000;
let cached: { at: number; value: Promise<VisitorWidgetStats> } | null = null;

/**
 * The widget's numbers, shared by every request in this process for 2 s: however many visitors
 * poll, the database answers at most one read every 2 s, and the numbers stay a few seconds fresh.
 */
export function getVisitorWidgetStats(): Promise<VisitorWidgetStats> {
  const now = Date.now();
  if (cached && now - cached.at < CACHE_MS) return cached.value;
  const value = getDb().then((db) => readVisitorWidgetStats({ db, now }));
  cached = { at: now, value };
  // A failed read is not cached: the next request tries again.
  value.catch(() => {
    if (cached?.value === value) cached = null;
  });
  return value;
}
