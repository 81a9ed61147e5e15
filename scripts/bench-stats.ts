/**
 * `npm run bench:stats`: how fast every statistics dashboard query answers with years of traffic.
 *
 * For each database kind (an in-memory PGlite, and a temporary PostgreSQL database when the server
 * at TEST_POSTGRES_URL answers), seeds synthetic traffic (scripts/synthetic-traffic.ts), then runs
 * each query --runs times after one warm-up and prints p50 and p95 in ms against the 100 ms goal.
 * Exit code 1 when any p95 is over the goal.
 *
 * Options: --years=3  --per-day=50000  --runs=30  --only=pglite|postgres
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { desc } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '../db';
import { articles } from '../db/schema';
import {
  ensurePageViewCheckpoints,
  getArticleViews,
  getStatsOverview,
  getTrafficSeries,
  listDailyTotals,
  listDimensionBreakdown,
  listTopArticles,
  listTopPages,
} from '../db/queries/stats';
import { addDays, parseStatsRange, type StatsRange } from '../lib/stats/range';
import { seedSyntheticTraffic } from './synthetic-traffic';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '3' },
    'per-day': { type: 'string', default: '50000' },
    runs: { type: 'string', default: '30' },
    only: { type: 'string' },
  },
});
const years = Number(values.years);
const perDay = Number(values['per-day']);
const runs = Number(values.runs);
const GOAL_MS = 100;
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function range(params: Record<string, string>, now: number): StatsRange {
  const result = parseStatsRange(params, now);
  if (!result.ok) throw new Error(result.error);
  return result.range;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, run: () => Promise<unknown>): Promise<{ name: string; p50: number; p95: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function benchKind(kind: 'pglite' | 'postgres'): Promise<boolean> {
  let handle: DbHandle;
  let drop = async () => {};
  if (kind === 'postgres') {
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 3 });
    try {
      await admin`select 1`;
    } catch {
      console.warn(`PostgreSQL không trả lời tại ${ADMIN_URL}: bỏ qua.`);
      await admin.end({ timeout: 1 });
      return true;
    }
    const name = `portal_bench_${randomBytes(5).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    handle = await openDatabase({ url: url.toString() });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    };
  } else {
    handle = await openDatabase({});
  }

  try {
    const { db } = handle;
    const now = Date.now();
    let started = Date.now();
    const seeded = await seedSyntheticTraffic({ db, years, pageViewsPerDay: perDay, now });
    const seedSeconds = (Date.now() - started) / 1000;
    started = Date.now();
    const months = await ensurePageViewCheckpoints({ db, now });
    console.log(
      `\n${kind}: ${seeded.days} ngày, ${seeded.pageViews.toLocaleString('vi-VN')} lượt xem, ` +
        `${seeded.pageRows.toLocaleString('vi-VN')} dòng page_view_daily; tạo dữ liệu ${seedSeconds.toFixed(1)} s, ` +
        `dựng ${months} mốc cộng dồn ${((Date.now() - started) / 1000).toFixed(1)} s (một lần)`,
    );

    const today = range({ khoang: 'hom-nay' }, now);
    const week = range({ khoang: '7-ngay' }, now);
    const month = range({ khoang: '30-ngay' }, now);
    const year = range({ khoang: '12-thang' }, now);
    const todayDay = week.to;
    const fiveYears = range({ tu: addDays(todayDay, -5 * 365), den: todayDay }, now);
    // Both ends a week from any checkpoint: the most daily rows a range can need.
    const awkward = range({ tu: `${addDays(todayDay, -400).slice(0, 7)}-09`, den: `${addDays(todayDay, -100).slice(0, 7)}-23` }, now);
    const latest = await db.select({ id: articles.id }).from(articles).orderBy(desc(articles.updatedAt)).limit(100);
    const ids = latest.map((row) => row.id);

    const queries: [string, () => Promise<unknown>][] = [
      ['getStatsOverview', () => getStatsOverview({ db, now })],
      ['ensurePageViewCheckpoints (không có gì mới)', () => ensurePageViewCheckpoints({ db, now })],
      ['getTrafficSeries hôm nay (giờ)', () => getTrafficSeries({ db, range: today, now })],
      ['getTrafficSeries 30 ngày', () => getTrafficSeries({ db, range: month, now })],
      ['getTrafficSeries 12 tháng', () => getTrafficSeries({ db, range: year, now })],
      ['getTrafficSeries 5 năm', () => getTrafficSeries({ db, range: fiveYears, now })],
      ['listTopArticles 7 ngày', () => listTopArticles({ db, range: week, now })],
      ['listTopArticles 30 ngày', () => listTopArticles({ db, range: month, now })],
      ['listTopArticles 12 tháng', () => listTopArticles({ db, range: year, now })],
      ['listTopArticles 5 năm', () => listTopArticles({ db, range: fiveYears, now })],
      ['listTopArticles tùy chọn, xa mốc nhất', () => listTopArticles({ db, range: awkward, now })],
      ['listTopPages 30 ngày', () => listTopPages({ db, range: month, now })],
      ['listTopPages 12 tháng', () => listTopPages({ db, range: year, now })],
      ['listTopPages 5 năm', () => listTopPages({ db, range: fiveYears, now })],
      ['listDimensionBreakdown referrer 12 tháng', () => listDimensionBreakdown({ db, range: year, dimension: 'referrer' })],
      ['listDimensionBreakdown browser 5 năm', () => listDimensionBreakdown({ db, range: fiveYears, dimension: 'browser' })],
      ['listDailyTotals (CSV) 5 năm', () => listDailyTotals({ db, range: fiveYears })],
      ['getArticleViews 100 bài', () => getArticleViews({ db, articleIds: ids, now })],
    ];
    let ok = true;
    console.log(`${'truy vấn'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
    for (const [name, run] of queries) {
      const result = await measure(name, run);
      const pass = result.p95 < GOAL_MS;
      ok &&= pass;
      console.log(`${name.padEnd(44)} ${result.p50.toFixed(1).padStart(8)} ${result.p95.toFixed(1).padStart(8)} ${pass ? '✓' : '✗'}`);
    }
    return ok;
  } finally {
    await handle.close();
    await drop();
  }
}

const kinds = (['pglite', 'postgres'] as const).filter((kind) => !values.only || values.only === kind);
let allOk = true;
for (const kind of kinds) allOk = (await benchKind(kind)) && allOk;
console.log(allOk ? `\nMọi truy vấn: p95 < ${GOAL_MS} ms ✓` : `\nCó truy vấn p95 ≥ ${GOAL_MS} ms ✗`);
process.exitCode = allOk ? 0 : 1;
