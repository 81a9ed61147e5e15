import { randomBytes } from 'node:crypto';
import { and, between, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/auth';
import { provideDatabase, type Db } from '@/db';
import { articles, pageViewDaily, users } from '@/db/schema';
import { readVisitorWidgetStats } from '@/db/queries/visits';
import {
  ensurePageViewCheckpoints,
  getArticleViews,
  getStatsOverview,
  getTrafficSeries,
  listDailyTotals,
  listTopArticles,
  listTopPages,
} from '@/db/queries/stats';
import { createVisitRecorder, type PageViewHit } from '@/server/visits/recorder';
import { addDays, parseStatsRange, type DayRange, type StatsRange } from '@/lib/stats/range';
import { seedSyntheticTraffic } from '../../scripts/synthetic-traffic';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/auth', () => ({ auth: async () => session.user }));

const overviewRoute = await import('@/app/api/quan-tri/thong-ke/tong-quan/route');
const rangeRoute = await import('@/app/api/quan-tri/thong-ke/khoang/route');
const csvRoute = await import('@/app/api/quan-tri/thong-ke/csv/route');

const postgresAvailable = await requirePostgresOrSkip();
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

function rangeAt(params: Record<string, string>, now: number): StatsRange {
  const result = parseStatsRange(params, now);
  if (!result.ok) throw new Error(result.error);
  return result.range;
}

function recorderAt(db: Db, clock: { now: number }) {
  return createVisitRecorder({ getDb: async () => db, now: () => clock.now, autoFlush: false, log: () => {} });
}

function hit(visitorId: string, at: number, path: string): PageViewHit {
  return { visitorId, isNew: true, at, path, referrer: 'https://www.google.com/', userAgent: CHROME, host: 'portal.test' };
}

/** Views per article and per path straight from page_view_daily: what the checkpoints must equal. */
async function naiveTop(db: Db, range: DayRange) {
  const byArticle = await db
    .select({ id: pageViewDaily.articleId, views: sql<number>`sum(${pageViewDaily.views})`.mapWith(Number) })
    .from(pageViewDaily)
    .where(and(between(pageViewDaily.day, range.from, range.to), isNotNull(pageViewDaily.articleId)))
    .groupBy(pageViewDaily.articleId);
  const byPath = await db
    .select({ path: pageViewDaily.path, views: sql<number>`sum(${pageViewDaily.views})`.mapWith(Number) })
    .from(pageViewDaily)
    .where(between(pageViewDaily.day, range.from, range.to))
    .groupBy(pageViewDaily.path);
  return { byArticle: new Map(byArticle.map((r) => [r.id!, r.views])), byPath: new Map(byPath.map((r) => [r.path, r.views])) };
}

for (const kind of databaseKinds) {
  describe.skipIf(kind.name === 'PostgreSQL' && !postgresAvailable)(`statistics dashboard on ${kind.name}`, () => {
    let database: TestDatabase;
    let db: Db;
    let article: { id: number; slug: string };
    const people = {} as Record<'admin' | 'editor' | 'author' | 'viewer', SessionUser>;

    beforeAll(async () => {
      database = await kind.create();
      db = database.db;
      provideDatabase(database);
      [article] = (await db
        .select({ id: articles.id, slug: articles.slug })
        .from(articles)
        .where(eq(articles.status, 'published'))
        .limit(1)) as [{ id: number; slug: string }];
      const roles = { admin: 'admin', editor: 'editor', author: 'author', viewer: 'stats_viewer' } as const;
      for (const [key, role] of Object.entries(roles)) {
        const [row] = await db
          .insert(users)
          .values({ email: `${key}-${randomBytes(3).toString('hex')}@example.vn`, name: key, role, passwordHash: 'not-used' })
          .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
        people[key as keyof typeof roles] = row!;
      }
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('puts page views on either side of midnight Asia/Ho_Chi_Minh on their own days and hours', async () => {
      const lastSecond = Date.parse('2031-05-10T23:59:59.999+07:00');
      const midnight = Date.parse('2031-05-11T00:00:00+07:00');
      expect(rangeAt({ khoang: 'hom-nay' }, lastSecond)).toMatchObject({ from: '2031-05-10', to: '2031-05-10' });
      expect(rangeAt({ khoang: 'hom-nay' }, midnight)).toMatchObject({
        from: '2031-05-11',
        previous: { from: '2031-05-10', to: '2031-05-10' },
      });

      const clock = { now: lastSecond };
      const recorder = recorderAt(db, clock);
      recorder.record(hit('khuya', lastSecond, '/'));
      recorder.record(hit('khuya', lastSecond, '/'));
      recorder.record(hit('sang', midnight, '/'));
      clock.now = midnight;
      expect(await recorder.flush()).toBe(true);

      const days = await listDailyTotals({ db, range: { from: '2031-05-10', to: '2031-05-11' } });
      expect(days.map((d) => [d.day, d.pageViews, d.visits])).toEqual([
        ['2031-05-10', 2, 1],
        ['2031-05-11', 1, 1],
      ]);
      const now = midnight + 30 * 60_000;
      const hourly = await getTrafficSeries({ db, range: rangeAt({ khoang: 'hom-nay' }, now), now });
      expect(hourly.points).toHaveLength(24);
      expect(hourly.points[0]!.current).toMatchObject({ pageViews: 1, visits: 1 });
      expect(hourly.points[23]!.previous).toMatchObject({ pageViews: 2, visits: 1 });
      expect(hourly.points[1]!.current).toBeNull();
      const overview = await getStatsOverview({ db, now });
      expect(overview.periods.today).toMatchObject({ pageViews: 1, visits: 1, visitors: 1 });
      expect(overview.periods.yesterday).toMatchObject({ pageViews: 2, visits: 1, visitors: 1 });
    });

    it('shows the public widget’s numbers and exactly the page views sent through the recorder', async () => {
      const now = Date.parse('2031-06-18T10:00:00+07:00'); // a Wednesday
      const before = await getStatsOverview({ db, now });
      const clock = { now: now - 120_000 };
      const recorder = recorderAt(db, clock);
      const path = `/tin-tuc/${article.slug}`;
      for (let visitor = 0; visitor < 7; visitor++) {
        for (let view = 0; view < 3; view++) recorder.record(hit(`khach-${visitor}`, clock.now + view * 1000, path));
      }
      clock.now = now - 60_000;
      expect(await recorder.flush()).toBe(true);

      const overview = await getStatsOverview({ db, now });
      const widget = await readVisitorWidgetStats({ db, now });
      expect(overview.online).toBe(widget.online);
      expect(overview.periods.today.pageViews).toBe(widget.todayPageViews);
      expect(overview.periods.today.visits).toBe(widget.todayVisits);
      expect(overview.periods.all.visits).toBe(widget.totalVisits);
      expect(overview.periods.all.pageViews).toBe(widget.totalPageViews);

      expect(overview.periods.today.pageViews - before.periods.today.pageViews).toBe(21);
      expect(overview.periods.today.visits - before.periods.today.visits).toBe(7);
      expect(overview.periods.today.visitors - before.periods.today.visitors).toBe(7);
      expect(overview.periods.week.pageViews - before.periods.week.pageViews).toBe(21);
      expect(overview.periods.month.pageViews - before.periods.month.pageViews).toBe(21);
      expect(overview.online - before.online).toBe(7);

      const today = rangeAt({ khoang: 'hom-nay' }, now);
      expect(await listTopArticles({ db, range: today, now })).toEqual([
        { id: article.id, title: expect.any(String), slug: article.slug, views: 21 },
      ]);
      expect(await listTopPages({ db, range: today, now })).toEqual([{ path, views: 21 }]);
      const views = await getArticleViews({ db, articleIds: [article.id], now });
      expect(views.get(article.id)).toBeGreaterThanOrEqual(21);
    });

    it('reads any range from the running totals exactly as from the daily rows, also after a late write', async () => {
      const now = Date.parse('2032-03-20T15:00:00+07:00');
      await seedSyntheticTraffic({ db, years: 0.5, pageViewsPerDay: 400, articleCount: 40, now, seed: 7 });
      const ranges: DayRange[] = [
        rangeAt({ khoang: '7-ngay' }, now),
        rangeAt({ khoang: '30-ngay' }, now),
        rangeAt({ khoang: '12-thang' }, now),
        { from: '2031-10-09', to: '2032-02-23' },
        { from: '2032-01-01', to: '2032-01-31' },
        { from: '2032-03-19', to: '2032-03-20' },
      ];
      const check = async () => {
        for (const range of ranges) {
          const naive = await naiveTop(db, range);
          const top = await listTopArticles({ db, range, limit: 1000, now });
          for (const row of top) expect(row.views, `${range.from}…${range.to} #${row.id}`).toBe(naive.byArticle.get(row.id));
          expect(top.length).toBe([...naive.byArticle.values()].filter((v) => v > 0).length);
          const pages = await listTopPages({ db, range, limit: 1000, now });
          expect(new Map(pages.map((p) => [p.path, p.views]))).toEqual(new Map([...naive.byPath].filter(([, v]) => v > 0)));
        }
      };
      await check();

      // A batch held back through an outage lands on a day inside old checkpoints.
      const clock = { now: Date.parse('2031-12-03T09:00:00+07:00') };
      const recorder = recorderAt(db, clock);
      for (let i = 0; i < 50; i++) recorder.record(hit('tre', clock.now + i * 1000, `/tin-tuc/${article.slug}`));
      clock.now = now;
      expect(await recorder.flush()).toBe(true);
      expect(await ensurePageViewCheckpoints({ db, now })).toBeGreaterThan(0);
      await check();
    });

    it('refuses bad ranges with a Vietnamese message and status 400, never a 500', async () => {
      session.user = people.viewer;
      const cases: [string, RegExp][] = [
        ['khoang=abc', /Khoảng thời gian không hợp lệ/],
        ['khoang=1', /Khoảng thời gian không hợp lệ/],
        ['tu=2024-02-30&den=2024-03-01', /Ngày không hợp lệ/],
        ['tu=abc&den=2024-03-01', /Ngày không hợp lệ/],
        ['tu=2024-05-01&den=2024-04-01', /Ngày kết thúc phải bằng hoặc sau ngày bắt đầu/],
        ['tu=1970-01-01&den=2024-01-01', /dài nhất là 5 năm/],
        ['tu=2024-01-01', /cả ngày bắt đầu và ngày kết thúc/],
        ['tu=2999-01-01&den=2999-01-02', /không được sau hôm nay/],
      ];
      for (const [query, message] of cases) {
        for (const route of [rangeRoute, csvRoute]) {
          const response = await route.GET(new Request(`http://portal.test/api/quan-tri/thong-ke/x?${query}`));
          expect(response.status, query).toBe(400);
          expect(((await response.json()) as { error: string }).error).toMatch(message);
        }
      }
      // An end after today is clamped to today.
      const clamped = await rangeRoute.GET(new Request(`http://portal.test/x?tu=2024-01-01&den=2999-12-31`));
      expect(clamped.status).toBe(200);
    });

    it('exports the range as CSV: UTF-8 with BOM, Vietnamese headers, one row per day', async () => {
      session.user = people.admin;
      const today = rangeAt({ khoang: '7-ngay' }, Date.now());
      const response = await csvRoute.GET(new Request(`http://portal.test/api/quan-tri/thong-ke/csv?khoang=7-ngay`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="thong-ke-${today.from}_${today.to}.csv"`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const all = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
      // The days, then (after an empty line) the ratings by month: tests/integration/feedback.test.ts reads those.
      const lines = all.slice(0, all.indexOf(''));
      expect(lines[0]).toBe('Ngày,Lượt xem,Lượt truy cập,Khách truy cập (theo ngày),Khách mới');
      expect(lines).toHaveLength(8);
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(Array.from({ length: 7 }, (_, i) => addDays(today.from, i)));
      for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}(,\d+){4}$/);
      expect(all[lines.length + 1]).toBe('Đánh giá cổng thông tin');
    });

    it('lets only admins and statistics viewers read any statistics route', async () => {
      const routes = [
        ['tong-quan', () => overviewRoute.GET()],
        ['khoang', () => rangeRoute.GET(new Request('http://portal.test/api/quan-tri/thong-ke/khoang?khoang=30-ngay'))],
        ['csv', () => csvRoute.GET(new Request('http://portal.test/api/quan-tri/thong-ke/csv?khoang=12-thang'))],
      ] as const;
      const expected: [SessionUser | null, number, RegExp | null][] = [
        [null, 401, /cần đăng nhập/],
        [people.author, 403, /không có quyền/],
        [people.editor, 403, /không có quyền/],
        [people.admin, 200, null],
        [people.viewer, 200, null],
      ];
      for (const [user, status, message] of expected) {
        session.user = user;
        for (const [name, call] of routes) {
          const response = await call();
          expect(response.status, `${name} as ${user?.role ?? 'visitor'}`).toBe(status);
          expect(response.headers.get('cache-control')).toBe('no-store');
          if (message) expect(((await response.json()) as { error: string }).error).toMatch(message);
        }
      }
    });
  });
}
