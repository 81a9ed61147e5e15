// Synthetic articles for development and benchmarks, clearly marked: synthetic = true, a title
// starting "[Dữ liệu thử nghiệm]", and a badge on every page that shows them.
//   npm run seed:demo -- --articles 5000      add 5,000 synthetic articles
//   npm run seed:demo -- --remove             delete every synthetic article
// Uses DATABASE_URL when set, else the PGlite folder (stop the server first: it holds the lock).
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { dataDir, openDatabase } from '../db';
import { articles, categories } from '../db/schema';
import { syntheticArticle } from './synthetic-article';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '1000' }, remove: { type: 'boolean', default: false } },
});

const count = Number(values.articles);
if (!values.remove && (!Number.isInteger(count) || count < 1 || count > 1_000_000)) {
  console.error('--articles phải là số nguyên từ 1 đến 1.000.000');
  process.exit(2);
}

const handle = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dir: dataDir() });
const { db } = handle;

try {
  if (values.remove) {
    const removed = await db.delete(articles).where(eq(articles.synthetic, true)).returning({ id: articles.id });
    console.log(`Đã xóa ${removed.length} bài viết thử nghiệm.`);
  } else {
    const cats = await db.select({ id: categories.id, name: categories.name }).from(categories);
    const [{ start } = { start: 0 }] = await db.select({ start: sql<number>`coalesce(max(${articles.id}), 0)::int` }).from(articles);
    const threeYears = 3 * 365 * 86_400_000;
    const now = Date.now();
    const batchSize = 500;
    await db.transaction(async (tx) => {
      for (let offset = 0; offset < count; offset += batchSize) {
        const rows = Array.from({ length: Math.min(batchSize, count - offset) }, (_, i) => {
          const n = start + offset + i + 1;
          const category = cats[n % cats.length]!;
          const publishedAt = new Date(now - Math.floor(((offset + i) / count) * threeYears) - 60_000);
          return syntheticArticle({ slug: `du-lieu-thu-nghiem-bai-viet-so-${n}`, n, category, publishedAt, source: 'seed:demo' });
        });
        await tx.insert(articles).values(rows);
      }
    });
    console.log(`Đã thêm ${count} bài viết thử nghiệm (đánh dấu "Dữ liệu thử nghiệm").`);
  }
} finally {
  await handle.close();
}
