import { randomBytes } from 'node:crypto';
import { and, eq, gte, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db, type DbHandle } from '../../db';
import { rowsOf } from '../../db/rows';
import { readVisitorWidgetStats } from '../../db/queries/visits';
import { articles, pageViewDaily, visitDaily, visitDimensionDaily, visitHourly, visitorPresence } from '../../db/schema';
import { flushVisitsForShutdown } from '@/server/visits';
import { createVisitRecorder, type PageViewHit, type VisitRecorderOptions } from '@/server/visits/recorder';
import { OTHER_PATH } from '../../lib/visits/rules';
import { vietnamDay } from '@/lib/time';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

const MIN = 60_000;
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const postgresAvailable = await requirePostgresOrSkip();

function visitorIds(n: number): string[] {
  return Array.from({ length: n }, () => randomBytes(16).toString('base64url'));
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A recorder whose clock the test moves; tests flush by hand. */
function testRecorder(db: Db | (() => Promise<Db>), clock: { now: number }, options: Partial<VisitRecorderOptions> = {}) {
  return createVisitRecorder({
    getDb: typeof db === 'function' ? db : async () => db,
    now: () => clock.now,
    autoFlush: false,
    log: () => {},
    ...options,
  });
}

function hit(visitorId: string, at: number, extra: Partial<PageViewHit> = {}): PageViewHit {
  return { visitorId, isNew: false, at, path: '/', referrer: null, userAgent: CHROME, host: 'localhost:3000', ...extra };
}

async function dayRow(db: Db, day: string) {
  const [row] = await db.select().from(visitDaily).where(eq(visitDaily.day, day));
  return row ?? { day, pageViews: 0, visits: 0, visitors: 0, newVisitors: 0 };
}

/** 100 visitors, 10 page views each, in random order, recorded while flushes run. */
async function recordConcurrently(
  recorders: ReturnType<typeof testRecorder>[],
  ids: string[],
  base: number,
  path: string,
  seen = new Set<string>(),
): Promise<void> {
  const hits = shuffle(ids.flatMap((id) => Array.from({ length: 10 }, (_, i) => ({ id, i }))));
  const flushes: Promise<boolean>[] = [];
  await Promise.all(
    hits.map(async ({ id, i }, n) => {
      await new Promise((resolve) => setTimeout(resolve, n % 7));
      const recorder = recorders[n % recorders.length]!;
      recorder.record(hit(id, base + i * 1000 + (n % 13), { isNew: !seen.has(id), path }));
      seen.add(id);
      if (n % 150 === 0) flushes.push(recorder.flush());
    }),
  );
  await Promise.all(flushes);
  for (const recorder of recorders) expect(await recorder.flush()).toBe(true);
}

for (const kind of databaseKinds) {
  describe.skipIf(kind.name === 'PostgreSQL' && !postgresAvailable)(`visit recorder on ${kind.name}`, () => {
    let database: TestDatabase;
    let articleSlug: string;
    let articleId: number;

    beforeAll(async () => {
      database = await kind.create();
      const [article] = await database.db.select({ id: articles.id, slug: articles.slug }).from(articles).limit(1);
      articleSlug = article!.slug;
      articleId = article!.id;
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('1,000 concurrent page views from 100 visitors are 1,000 views, 100 visits, 100 visitors', async () => {
      const clock = { now: Date.now() };
      const recorder = testRecorder(database.db, clock);
      const ids = visitorIds(100);
      const base = clock.now - 20_000;
      const before = await readVisitorWidgetStats({ db: database.db, now: clock.now });
      const day = vietnamDay(base);
      const dayBefore = await dayRow(database.db, day);

      await recordConcurrently([recorder], ids, base, `/tin-tuc/${articleSlug}`);

      const after = await dayRow(database.db, day);
      expect(after.pageViews - dayBefore.pageViews).toBe(1000);
      expect(after.visits - dayBefore.visits).toBe(100);
      expect(after.visitors - dayBefore.visitors).toBe(100);
      expect(after.newVisitors - dayBefore.newVisitors).toBe(100);
      const stats = await readVisitorWidgetStats({ db: database.db, now: clock.now });
      expect(stats.totalPageViews - before.totalPageViews).toBe(1000);
      expect(stats.todayVisits - before.todayVisits).toBe(100);
      expect(stats.online - before.online).toBe(100);

      const [page] = await database.db
        .select()
        .from(pageViewDaily)
        .where(and(eq(pageViewDaily.day, day), eq(pageViewDaily.path, `/tin-tuc/${articleSlug}`)));
      expect(page).toMatchObject({ views: 1000, articleId });
      const [hourly] = await database.db
        .select({ pageViews: sql<string>`sum(${visitHourly.pageViews})`, visits: sql<string>`sum(${visitHourly.visits})` })
        .from(visitHourly)
        .where(gte(visitHourly.hour, new Date(base - 3_600_000)));
      expect(Number(hourly!.pageViews)).toBeGreaterThanOrEqual(1000);
      const dims = await database.db
        .select()
        .from(visitDimensionDaily)
        .where(
          and(eq(visitDimensionDaily.day, day), eq(visitDimensionDaily.dimension, 'browser'), eq(visitDimensionDaily.value, 'Chrome')),
        );
      expect(dims[0]?.visits).toBeGreaterThanOrEqual(100);
    });

    it('decides visit starts across flushes: 30 minutes continue a visit, more start one', async () => {
      const clock = { now: Date.parse('2031-03-10T09:00:00+07:00') };
      const recorder = testRecorder(database.db, clock);
      const [a, b] = visitorIds(2) as [string, string];
      const day = vietnamDay(clock.now);

      recorder.record(hit(a, clock.now, { isNew: true }));
      recorder.record(hit(b, clock.now, { isNew: true }));
      await recorder.flush();
      clock.now += 30 * MIN;
      recorder.record(hit(a, clock.now));
      recorder.record(hit(b, clock.now + 1));
      await recorder.flush();

      const row = await dayRow(database.db, day);
      expect(row).toMatchObject({ pageViews: 4, visits: 3, visitors: 2, newVisitors: 2 });
    });

    it('counts a returning visitor again after midnight Asia/Ho_Chi_Minh, not before', async () => {
      const clock = { now: Date.parse('2031-04-01T23:50:00+07:00') };
      const recorder = testRecorder(database.db, clock);
      const [id] = visitorIds(1) as [string];
      recorder.record(hit(id, clock.now, { isNew: true }));
      recorder.record(hit(id, Date.parse('2031-04-01T23:59:59+07:00')));
      await recorder.flush();
      clock.now = Date.parse('2031-04-02T00:00:00+07:00');
      recorder.record(hit(id, clock.now));
      await recorder.flush();

      expect(await dayRow(database.db, '2031-04-01')).toMatchObject({ pageViews: 2, visits: 1, visitors: 1, newVisitors: 1 });
      // Same visit (10 minutes apart), but a visitor of the new day too.
      expect(await dayRow(database.db, '2031-04-02')).toMatchObject({ pageViews: 1, visits: 0, visitors: 1, newVisitors: 0 });
    });

    it('holds back last_seen for up to a minute, and Đang online and visits across processes stay exact', async () => {
      const start = Date.parse('2032-06-06T10:00:00+07:00');
      const clock = { now: start };
      const [a, b] = [testRecorder(database.db, clock), testRecorder(database.db, clock)];
      const [id] = visitorIds(1) as [string];
      const stored = async () => {
        const [row] = await database.db.select().from(visitorPresence).where(eq(visitorPresence.visitorId, id));
        return row?.lastSeen.getTime();
      };
      const online = async (at: number) => (await readVisitorWidgetStats({ db: database.db, now: at })).online;

      a.record(hit(id, start, { isNew: true }));
      await a.flush();
      expect(await stored()).toBe(start);
      // A second view 10 s later: process `a` knows the visit goes on and holds the row back.
      clock.now = start + 10_000;
      a.record(hit(id, clock.now));
      await a.flush();
      expect(await stored()).toBe(start);
      expect(a.pending().presence).toBe(1);
      expect(await online(clock.now)).toBe(1);
      // A minute after the value it wrote, a flush with no new views writes it.
      clock.now = start + 59_000;
      await a.flush();
      expect(await stored()).toBe(start);
      clock.now = start + 60_000;
      await a.flush();
      expect(await stored()).toBe(start + 10_000);
      expect(a.pending().presence).toBe(0);
      // So "online" ends exactly 5 minutes after the last view...
      expect(await online(start + 10_000 + 5 * MIN - 1)).toBe(1);
      expect(await online(start + 10_000 + 5 * MIN + 1)).toBe(0);
      // ...and process `b` sees 29 min 55 s of silence, not 30 min 5 s: the visit goes on.
      clock.now = start + 10_000 + 29 * MIN + 55_000;
      b.record(hit(id, clock.now));
      await b.flush();
      expect(await dayRow(database.db, '2032-06-06')).toMatchObject({ pageViews: 3, visits: 1, visitors: 1, newVisitors: 1 });
      // At shutdown nothing is held back.
      clock.now += 1000;
      b.record(hit(id, clock.now));
      await b.flush();
      expect(b.pending().presence).toBe(1);
      await b.flush({ final: true });
      expect(b.pending().presence).toBe(0);
      expect(await stored()).toBe(clock.now);
    });

    it('keeps a batch while the database fails and writes it once it is back', async () => {
      const clock = { now: Date.parse('2031-05-05T08:00:00+07:00') };
      let down = true;
      const broken = {
        transaction: async () => {
          throw new Error('connection refused');
        },
      } as unknown as Db;
      const recorder = testRecorder(async () => {
        if (down) {
          // Half the failures at connect time, half inside the transaction.
          if (Math.random() < 0.5) throw new Error('ECONNREFUSED');
          return broken;
        }
        return database.db;
      }, clock);
      const ids = visitorIds(20);
      for (let round = 0; round < 5; round++) {
        for (const id of ids)
          recorder.record(hit(id, clock.now, { isNew: round === 0, path: round % 2 ? '/' : `/tin-tuc/${articleSlug}` }));
        expect(await recorder.flush()).toBe(false);
        // 40 minutes between rounds: every round is a new visit.
        clock.now += 40 * MIN;
      }
      expect(recorder.pending()).toEqual({ visitors: 20, pageViews: 100, presence: 0 });
      down = false;
      expect(await recorder.flush()).toBe(true);
      expect(recorder.pending()).toEqual({ visitors: 0, pageViews: 0, presence: 0 });

      expect(await dayRow(database.db, '2031-05-05')).toMatchObject({ pageViews: 100, visits: 100, visitors: 20, newVisitors: 20 });
      const pages = await database.db.select().from(pageViewDaily).where(eq(pageViewDaily.day, '2031-05-05'));
      expect(Object.fromEntries(pages.map((p) => [p.path, p.views]))).toEqual({ '/': 40, [`/tin-tuc/${articleSlug}`]: 60 });
    });

    it('counts a batch once when the connection drops during its commit, whether or not it committed', async () => {
      const clock = { now: Date.parse('2031-05-06T08:00:00+07:00') };
      type Mode = 'committed' | 'rolledBack' | 'refused' | 'ok';
      let mode: Mode = 'ok';
      // The client hears nothing back from COMMIT: the database may or may not have committed.
      const cut = new Proxy(database.db, {
        get(target, key, receiver) {
          if (key !== 'transaction') return Reflect.get(target, key, receiver);
          return async (write: Parameters<Db['transaction']>[0]) => {
            if (mode === 'committed') await target.transaction(write);
            else
              await target
                .transaction(async (tx) => {
                  await write(tx);
                  throw new Error('rolled back');
                })
                .catch(() => {});
            throw new Error('Connection terminated unexpectedly');
          };
        },
      });
      const recorder = testRecorder(async () => {
        if (mode === 'refused') throw new Error('ECONNREFUSED');
        return mode === 'ok' ? database.db : cut;
      }, clock);
      const ids = visitorIds(10);
      const modes: Mode[] = ['committed', 'committed', 'rolledBack', 'refused', 'committed', 'ok'];
      for (const [round, roundMode] of modes.entries()) {
        for (const id of ids) recorder.record(hit(id, clock.now, { isNew: round === 0, path: `/tin-tuc/${articleSlug}` }));
        mode = roundMode;
        expect(await recorder.flush()).toBe(roundMode === 'ok');
        // 40 minutes between rounds: every round is a new visit.
        clock.now += 40 * MIN;
      }
      expect(recorder.pending()).toEqual({ visitors: 0, pageViews: 0, presence: 0 });
      expect(await dayRow(database.db, '2031-05-06')).toMatchObject({ pageViews: 60, visits: 60, visitors: 10, newVisitors: 10 });
      const pages = await database.db.select().from(pageViewDaily).where(eq(pageViewDaily.day, '2031-05-06'));
      expect(Object.fromEntries(pages.map((p) => [p.path, p.views]))).toEqual({ [`/tin-tuc/${articleSlug}`]: 60 });
    });

    it('stays bounded: unknown paths fold into one row, overflowing visitors still count when new', async () => {
      const clock = { now: Date.parse('2031-06-06T10:00:00+07:00') };
      const warnings: string[] = [];
      const recorder = testRecorder(database.db, clock, { maxVisitors: 50, maxPathKeys: 20, log: (m) => warnings.push(m) });
      const ids = visitorIds(80);
      const odd = ['/%C3%28', '/wp-login', '/tin-tuc/khong-co-bai-nay', '/chuyen-muc/khong-co/trang/2', `/${'x'.repeat(4000)}`, '/a%00b'];
      ids.forEach((id, i) => {
        recorder.record(
          hit(id, clock.now + i, { isNew: true, path: odd[i % odd.length]!, referrer: `https://example.org/${'r'.repeat(10_240)}` }),
        );
        recorder.record(hit(id, clock.now + 100 + i, { path: `/random-${i}` }));
      });
      expect(recorder.pending().visitors).toBe(50);
      expect(warnings).toHaveLength(1);
      expect(await recorder.flush()).toBe(true);

      expect(await dayRow(database.db, '2031-06-06')).toMatchObject({ pageViews: 160, visits: 80, visitors: 80, newVisitors: 80 });
      const pages = await database.db.select().from(pageViewDaily).where(eq(pageViewDaily.day, '2031-06-06'));
      expect(pages.map((p) => [p.path, p.views])).toEqual([[OTHER_PATH, 160]]);
      const [referrer] = await database.db
        .select()
        .from(visitDimensionDaily)
        .where(and(eq(visitDimensionDaily.day, '2031-06-06'), eq(visitDimensionDaily.dimension, 'referrer')));
      expect(referrer).toMatchObject({ value: 'example.org', visits: 50 });
    });

    it('caps distinct values per dimension and day', async () => {
      const clock = { now: Date.parse('2031-07-07T10:00:00+07:00') };
      const recorder = testRecorder(database.db, clock, { maxDimensionValues: 5 });
      visitorIds(30).forEach((id, i) => {
        recorder.record(hit(id, clock.now, { isNew: true, referrer: `https://site-${i}.example/` }));
      });
      await recorder.flush();
      const rows = await database.db
        .select({ value: visitDimensionDaily.value, visits: visitDimensionDaily.visits })
        .from(visitDimensionDaily)
        .where(and(eq(visitDimensionDaily.day, '2031-07-07'), eq(visitDimensionDaily.dimension, 'referrer')));
      expect(rows).toHaveLength(6);
      expect(rows.find((r) => r.value === 'Khác')?.visits).toBe(25);
    });

    it('parses device, browser, OS and referrer once per visit', async () => {
      const clock = { now: Date.parse('2031-08-08T10:00:00+07:00') };
      const recorder = testRecorder(database.db, clock);
      const [a, b] = visitorIds(2) as [string, string];
      recorder.record(hit(a, clock.now, { isNew: true, userAgent: IPHONE, referrer: 'https://www.google.com.vn/search?q=x' }));
      recorder.record(hit(a, clock.now + 1000, { userAgent: IPHONE, referrer: 'http://localhost:3000/' }));
      recorder.record(hit(b, clock.now, { isNew: true, referrer: 'http://localhost:3000/tin-tuc/x' }));
      await recorder.flush();
      const rows = await database.db
        .select({ dimension: visitDimensionDaily.dimension, value: visitDimensionDaily.value, visits: visitDimensionDaily.visits })
        .from(visitDimensionDaily)
        .where(eq(visitDimensionDaily.day, '2031-08-08'));
      const byKey = Object.fromEntries(rows.map((r) => [`${r.dimension}:${r.value}`, r.visits]));
      expect(byKey).toEqual({
        'referrer:google.com.vn': 1,
        'referrer:(trực tiếp)': 1,
        'device:mobile': 1,
        'device:desktop': 1,
        'browser:Mobile Safari': 1,
        'browser:Chrome': 1,
        'os:iOS': 1,
        'os:Windows': 1,
      });
    });

    it('prunes visitors not seen for 25 hours', async () => {
      const clock = { now: Date.parse('2031-09-09T10:00:00+07:00') };
      const recorder = testRecorder(database.db, clock);
      const [old, fresh] = visitorIds(2) as [string, string];
      recorder.record(hit(old, clock.now - 26 * 60 * MIN, { isNew: true }));
      recorder.record(hit(fresh, clock.now, { isNew: true }));
      await recorder.flush();
      const rows = await database.db
        .select({ id: visitorPresence.visitorId })
        .from(visitorPresence)
        .where(sql`${visitorPresence.visitorId} in (${old}, ${fresh})`);
      expect(rows.map((r) => r.id)).toEqual([fresh]);
    });

    it('vacuums the tables the counter rewrites (what autovacuum does, for the embedded database)', async () => {
      const { vacuumChurningTables } = await import('@/db/queries/maintenance');
      const clock = { now: Date.parse('2031-09-10T10:00:00+07:00') };
      const recorder = testRecorder(database.db, clock);
      for (const id of visitorIds(20)) recorder.record(hit(id, clock.now - 26 * 60 * MIN, { isNew: true }));
      await recorder.flush();
      clock.now += MIN;
      recorder.record(hit(visitorIds(1)[0]!, clock.now, { isNew: true }));
      await recorder.flush();
      await vacuumChurningTables({ db: database.db });
      const stats = await rowsOf<{ relname: string; vacuumed: boolean; analyzed: boolean }>(
        database.db.execute(sql`select relname, last_vacuum is not null as vacuumed, last_analyze is not null as analyzed
          from pg_stat_user_tables where relname in ('visitor_presence', 'visit_daily', 'search_entries', 'articles')`),
      );
      expect(Object.fromEntries(stats.map((row) => [row.relname, [row.vacuumed, row.analyzed]]))).toEqual({
        visitor_presence: [true, true],
        visit_daily: [true, true],
        search_entries: [true, true],
        articles: [false, true],
      });
    });

    it('the shutdown flush writes everything pending', async () => {
      const clock = { now: Date.parse('2031-10-10T10:00:00+07:00') };
      const recorder = testRecorder(database.db, clock);
      const key = Symbol.for('portal.visits');
      const store = globalThis as Record<symbol, unknown>;
      const previous = store[key];
      store[key] = recorder;
      try {
        const ids = visitorIds(30);
        for (let i = 0; i < 300; i++) recorder.record(hit(ids[i % 30]!, clock.now + i, { isNew: i < 30 }));
        expect(await flushVisitsForShutdown({ timeoutMs: 5000 })).toBe(true);
      } finally {
        store[key] = previous;
      }
      expect(await dayRow(database.db, '2031-10-10')).toMatchObject({ pageViews: 300, visits: 30, visitors: 30, newVisitors: 30 });
    });
  });
}

describe.skipIf(!postgresAvailable)('two processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let second: DbHandle;

  beforeAll(async () => {
    database = await databaseKinds[1].create();
    second = await openDatabase({ url: database.url! });
  });
  afterAll(async () => {
    await second?.close();
    await database?.drop();
  });

  it('give exact totals when both record the same visitors and flush at the same time', async () => {
    const clock = { now: Date.parse('2031-11-11T10:00:00+07:00') };
    const recorders = [testRecorder(database.db, clock), testRecorder(second.db, clock)];
    const ids = visitorIds(100);
    const seen = new Set<string>();
    for (let round = 0; round < 3; round++) {
      await recordConcurrently(recorders, ids, clock.now, '/', seen);
      clock.now += 31 * MIN;
    }
    // 3 rounds of 1,000 views, each round after 31 minutes of silence.
    expect(await dayRow(database.db, '2031-11-11')).toMatchObject({ pageViews: 3000, visits: 300, visitors: 100, newVisitors: 100 });
  });
});
