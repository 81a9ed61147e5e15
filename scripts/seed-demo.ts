// Synthetic articles for development and benchmarks, clearly marked: synthetic = true, a title
// starting "[Dữ liệu thử nghiệm]", and a badge on every page that shows them.
//   npm run seed:demo -- --articles 5000      add 5,000 synthetic articles
//   npm run seed:demo -- --documents 50000    add 50,000 synthetic documents (Văn bản)
//   npm run seed:demo -- --procedures 5000    add 5,000 synthetic procedures (Thủ tục hành chính)
//   npm run seed:demo -- --remove             delete every synthetic article, document and procedure
// Uses DATABASE_URL when set, else the PGlite folder (stop the server first: it holds the lock).
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { dataDir, openDatabase } from '../db';
import { articles, categories, documents, procedures } from '../db/schema';
import { insertSyntheticDocuments, insertSyntheticProcedures } from './synthetic-documents';
import { syntheticArticle } from './synthetic-article';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    documents: { type: 'string' },
    procedures: { type: 'string' },
    remove: { type: 'boolean', default: false },
  },
});

// With neither option, 1,000 articles as before.
const count =
  values.articles === undefined && values.documents === undefined && values.procedures === undefined ? 1000 : Number(values.articles ?? 0);
const documentCount = Number(values.documents ?? 0);
const procedureCount = Number(values.procedures ?? 0);
for (const [name, value] of [
  ['--articles', count],
  ['--documents', documentCount],
  ['--procedures', procedureCount],
] as const) {
  if (!values.remove && (!Number.isInteger(value) || value < 0 || value > 1_000_000)) {
    console.error(`${name} phải là số nguyên từ 0 đến 1.000.000`);
    process.exit(2);
  }
}

const handle = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dir: dataDir() });
const { db } = handle;

try {
  if (values.remove) {
    const removed = await db.delete(articles).where(eq(articles.synthetic, true)).returning({ id: articles.id });
    console.log(`Đã xóa ${removed.length} bài viết thử nghiệm.`);
    const removedDocuments = await db.delete(documents).where(eq(documents.synthetic, true)).returning({ id: documents.id });
    console.log(`Đã xóa ${removedDocuments.length} văn bản thử nghiệm.`);
    const removedProcedures = await db.delete(procedures).where(eq(procedures.synthetic, true)).returning({ id: procedures.id });
    console.log(`Đã xóa ${removedProcedures.length} thủ tục thử nghiệm.`);
  } else {
    if (documentCount > 0) {
      await insertSyntheticDocuments({ db, count: documentCount, source: 'seed:demo' });
      console.log(`Đã thêm ${documentCount} văn bản thử nghiệm (đánh dấu "Dữ liệu thử nghiệm").`);
    }
    if (procedureCount > 0) {
      await insertSyntheticProcedures({ db, count: procedureCount, source: 'seed:demo' });
      console.log(`Đã thêm ${procedureCount} thủ tục thử nghiệm (đánh dấu "Dữ liệu thử nghiệm").`);
    }
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
    if (count > 0) console.log(`Đã thêm ${count} bài viết thử nghiệm (đánh dấu "Dữ liệu thử nghiệm").`);
  }
} finally {
  await handle.close();
}
