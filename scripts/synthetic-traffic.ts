// Synthetic traffic written straight into the aggregate tables (not through the recorder), for
// `npm run seed:traffic` and `npm run bench:stats`. Deterministic for a given seed, and consistent
// the way the recorder's data is: each day's page views equal the sum of its pages' views, its
// hours sum to the day, and each dimension's visits sum to the day's visits.
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { articles, categories, pageViewDaily, visitDaily, visitDimensionDaily, visitHourly } from '../db/schema';
import { DIRECT_REFERRER, OTHER_PATH } from '../lib/visits/rules';
import { HOUR_MS, VIETNAM_UTC_OFFSET_MS, vietnamDay } from '@/lib/time';
import { addDays, dayToMs } from '../lib/stats/range';
import { routes } from '../lib/routes';
import { syntheticArticle } from './synthetic-article';

export type SyntheticTrafficOptions = {
  db: Db;
  years: number;
  /** Average page views per day. */
  pageViewsPerDay?: number;
  /** Published articles to have; synthetic ones are added when fewer exist. */
  articleCount?: number;
  now?: number;
  seed?: number;
  log?: (message: string) => void;
};

/** mulberry32: small, fast and good enough for synthetic numbers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(lambda: number, rand: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k += 1;
    p *= rand();
  }
  return k;
}

/** Splits `total` into integers proportional to `weights` that add up to exactly `total`. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let i = 0; rest > 0; i = (i + 1) % order.length, rest--) parts[order[i]![1]]! += 1;
  return parts;
}

const HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.4, 0.8, 2, 4, 7, 9, 9, 8, 6, 6, 8, 9, 8, 6, 4, 4, 4, 3.5, 2.5, 1.5];
const DIMENSIONS = {
  referrer: {
    [DIRECT_REFERRER]: 40,
    'google.com': 30,
    'facebook.com': 12,
    'zalo.me': 6,
    'angiang.gov.vn': 4,
    'bing.com': 2,
    'coccoc.com': 2,
    'moha.gov.vn': 1.5,
    'baoangiang.com.vn': 1.5,
    'youtube.com': 0.5,
    Khác: 0.5,
  },
  device: { mobile: 58, desktop: 38, tablet: 4 },
  browser: { Chrome: 52, 'Mobile Safari': 18, Edge: 8, 'Samsung Browser': 6, 'Cốc Cốc': 7, Firefox: 3, Safari: 3, Khác: 3 },
  os: { Android: 45, Windows: 33, iOS: 16, 'Mac OS': 3, Linux: 1, Khác: 2 },
} as const;

/** A text[]-style array literal: the whole batch travels as one parameter per column. */
function arrayLiteral(values: (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

async function ensureArticles(db: Db, count: number, firstDay: string, now: number): Promise<void> {
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.status, 'published'));
  if (n >= count) return;
  const cats = await db.select({ id: categories.id, name: categories.name }).from(categories).orderBy(asc(categories.id));
  const [{ start } = { start: 0 }] = await db.select({ start: sql<number>`coalesce(max(${articles.id}), 0)::int` }).from(articles);
  const missing = count - n;
  const span = now - dayToMs(firstDay);
  for (let offset = 0; offset < missing; offset += 500) {
    const rows = Array.from({ length: Math.min(500, missing - offset) }, (_, i) => {
      const k = start + offset + i + 1;
      const category = cats[k % cats.length]!;
      // Spread over the whole period, oldest first, so traffic can follow publication.
      const publishedAt = new Date(dayToMs(firstDay) + Math.floor(((offset + i) / missing) * span));
      return syntheticArticle({ slug: `du-lieu-thu-nghiem-luot-xem-bai-so-${k}`, n: k, category, publishedAt, source: 'seed:traffic' });
    });
    await db.insert(articles).values(rows);
  }
}

/** Writes `years` of traffic ending today (today up to the current hour), additively. */
export async function seedSyntheticTraffic(
  options: SyntheticTrafficOptions,
): Promise<{ days: number; pageViews: number; pageRows: number }> {
  const { db, years } = options;
  const perDay = options.pageViewsPerDay ?? 50_000;
  const now = options.now ?? Date.now();
  const rand = random(options.seed ?? 20240807);
  const log = options.log ?? (() => {});
  const today = vietnamDay(now);
  const days = Math.round(years * 365);
  const firstDay = addDays(today, -(days - 1));

  await ensureArticles(db, options.articleCount ?? 2000, firstDay, now);
  const published = await db
    .select({ id: articles.id, slug: articles.slug, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date(now))))
    .orderBy(asc(articles.publishedAt));
  const cats = await db.select({ slug: categories.slug }).from(categories);
  const popularity = published.map(() => 0.2 + rand() ** 3 * 5);
  const publishedDay = published.map((a) => Math.floor(((a.publishedAt?.getTime() ?? 0) + VIETNAM_UTC_OFFSET_MS) / 86_400_000));
  const currentHour = Math.floor((now + VIETNAM_UTC_OFFSET_MS - dayToMs(today)) / HOUR_MS);

  type Batch = { daily: (string | number)[][]; hourly: (string | number)[][]; pages: (string | number | null)[][]; dims: string[][] };
  let batch: Batch = { daily: [], hourly: [], pages: [], dims: [] };
  let totalViews = 0;
  let pageRows = 0;

  const flush = async () => {
    const column = <T>(rows: T[][], i: number) => arrayLiteral(rows.map((r) => r[i] as string | number | null));
    await db.transaction(async (tx) => {
      if (batch.pages.length) {
        await tx.execute(sql`insert into ${pageViewDaily} (day, path, article_id, views)
          select * from unnest(${column(batch.pages, 0)}::date[], ${column(batch.pages, 1)}::text[], ${column(batch.pages, 2)}::int[], ${column(batch.pages, 3)}::bigint[])
          on conflict (day, path) do update set views = ${pageViewDaily}.views + excluded.views`);
      }
      if (batch.daily.length) {
        await tx.execute(sql`insert into ${visitDaily} (day, page_views, visits, visitors, new_visitors)
          select * from unnest(${column(batch.daily, 0)}::date[], ${column(batch.daily, 1)}::bigint[], ${column(batch.daily, 2)}::bigint[], ${column(batch.daily, 3)}::bigint[], ${column(batch.daily, 4)}::bigint[])
          on conflict (day) do update set page_views = ${visitDaily}.page_views + excluded.page_views, visits = ${visitDaily}.visits + excluded.visits,
            visitors = ${visitDaily}.visitors + excluded.visitors, new_visitors = ${visitDaily}.new_visitors + excluded.new_visitors`);
      }
      if (batch.hourly.length) {
        await tx.execute(sql`insert into ${visitHourly} (hour, page_views, visits)
          select * from unnest(${column(batch.hourly, 0)}::timestamptz[], ${column(batch.hourly, 1)}::bigint[], ${column(batch.hourly, 2)}::bigint[])
          on conflict (hour) do update set page_views = ${visitHourly}.page_views + excluded.page_views, visits = ${visitHourly}.visits + excluded.visits`);
      }
      if (batch.dims.length) {
        await tx.execute(sql`insert into ${visitDimensionDaily} (day, dimension, value, visits)
          select * from unnest(${column(batch.dims, 0)}::date[], ${column(batch.dims, 1)}::visit_dimension[], ${column(batch.dims, 2)}::text[], ${column(batch.dims, 3)}::bigint[])
          on conflict (day, dimension, value) do update set visits = ${visitDimensionDaily}.visits + excluded.visits`);
      }
    });
    batch = { daily: [], hourly: [], pages: [], dims: [] };
  };

  for (let d = 0; d < days; d++) {
    const day = addDays(firstDay, d);
    const dayIndex = Math.floor(dayToMs(day) / 86_400_000);
    const weekday = new Date(dayToMs(day)).getUTCDay();
    const isToday = day === today;
    const hourWeights = HOUR_WEIGHTS.map((w, h) => (isToday && h > currentHour ? 0 : w));
    const dayShare = hourWeights.reduce((a, b) => a + b, 0) / HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
    const growth = 0.7 + 0.3 * (d / days);
    const target = perDay * growth * (weekday === 0 || weekday === 6 ? 0.6 : 1.15) * (0.9 + 0.2 * rand()) * dayShare;

    const views = new Map<string, { articleId: number | null; views: number }>();
    const addPath = (path: string, n: number, articleId: number | null = null) => {
      if (n > 0) views.set(path, { articleId, views: (views.get(path)?.views ?? 0) + n });
    };
    addPath(routes.home, poisson(target * 0.2, rand));
    cats.forEach((c, i) => {
      addPath(routes.category(c.slug), poisson((target * 0.1 * (i + 1)) / ((cats.length * (cats.length + 1)) / 2), rand));
    });
    addPath(routes.search, poisson(target * 0.01, rand));
    addPath(OTHER_PATH, poisson(target * 0.02, rand));
    // Articles: mostly read in the days after publication, some far more popular than others.
    const weights: number[] = [];
    let weightSum = 0;
    for (let i = 0; i < published.length; i++) {
      const age = dayIndex - publishedDay[i]!;
      const w = age < 0 ? 0 : popularity[i]! * (1 / (1 + age / 4) ** 1.6 + 0.004);
      weights.push(w);
      weightSum += w;
    }
    const articleViews = target * 0.67;
    for (let i = 0; i < published.length; i++) {
      if (weights[i] === 0) continue;
      const article = published[i]!;
      addPath(routes.article(article.slug), poisson((articleViews * weights[i]!) / weightSum, rand), article.id);
    }

    const pageViews = [...views.values()].reduce((a, b) => a + b.views, 0);
    if (pageViews === 0) continue;
    const visits = Math.max(1, Math.round(pageViews / (2.4 + 0.4 * rand())));
    const visitors = Math.max(1, Math.round(visits / (1.2 + 0.1 * rand())));
    const newVisitors = Math.round(visitors * (0.3 + 0.1 * rand()));
    batch.daily.push([day, pageViews, visits, visitors, newVisitors]);
    const hourViews = split(pageViews, hourWeights);
    const hourVisits = split(visits, hourWeights);
    const dayStart = dayToMs(day) - VIETNAM_UTC_OFFSET_MS;
    hourWeights.forEach((w, h) => {
      if (w > 0) batch.hourly.push([new Date(dayStart + h * HOUR_MS).toISOString(), hourViews[h]!, hourVisits[h]!]);
    });
    for (const [path, row] of views) batch.pages.push([day, path, row.articleId, row.views]);
    for (const [dimension, shares] of Object.entries(DIMENSIONS)) {
      const names = Object.keys(shares);
      const counts = split(
        visits,
        Object.values(shares).map((s) => s * (0.8 + 0.4 * rand())),
      );
      names.forEach((name, i) => {
        if (counts[i]! > 0) batch.dims.push([day, dimension, name, String(counts[i])]);
      });
    }
    totalViews += pageViews;
    pageRows += views.size;
    if (batch.pages.length >= 20_000 || d === days - 1) {
      await flush();
      log(`  ${day}: ${d + 1}/${days} ngày, ${pageRows.toLocaleString('vi-VN')} dòng trang`);
    }
  }
  if (batch.daily.length) await flush();
  return { days, pageViews: totalViews, pageRows };
}
