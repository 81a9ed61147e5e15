// Synthetic traffic for the statistics dashboard, written straight into the aggregate tables:
//   npm run seed:traffic -- --years 3                 about 50,000 page views a day over ~2,000 articles
//   npm run seed:traffic -- --years 1 --per-day 5000
// Adds to what is there (run it once on a fresh database). Synthetic articles are created when
// fewer than --articles are published; `npm run seed:demo -- --remove` deletes them.
// Uses DATABASE_URL when set, else the PGlite folder (stop the server first: it holds the lock).
import { parseArgs } from 'node:util';
import { dataDir, openDatabase } from '../db';
import { ensurePageViewCheckpoints } from '../db/queries/stats';
import { seedSyntheticTraffic } from './synthetic-traffic';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '3' },
    'per-day': { type: 'string', default: '50000' },
    articles: { type: 'string', default: '2000' },
  },
});
const years = Number(values.years);
const perDay = Number(values['per-day']);
const articleCount = Number(values.articles);
if (
  !(years > 0 && years <= 10) ||
  !(perDay >= 1 && perDay <= 1_000_000) ||
  !Number.isInteger(articleCount) ||
  articleCount < 1 ||
  articleCount > 100_000
) {
  console.error('--years từ 0 đến 10, --per-day từ 1 đến 1.000.000, --articles từ 1 đến 100.000');
  process.exit(2);
}

const handle = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dir: dataDir() });
try {
  const started = Date.now();
  console.log(`Đang tạo ${years} năm lượt xem thử nghiệm (${handle.driver})…`);
  const result = await seedSyntheticTraffic({ db: handle.db, years, pageViewsPerDay: perDay, articleCount, log: console.log });
  const months = await ensurePageViewCheckpoints({ db: handle.db });
  console.log(
    `Xong: ${result.days} ngày, ${result.pageViews.toLocaleString('vi-VN')} lượt xem, ${result.pageRows.toLocaleString('vi-VN')} dòng theo trang, ` +
      `${months} mốc cộng dồn, trong ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
} finally {
  await handle.close();
}
