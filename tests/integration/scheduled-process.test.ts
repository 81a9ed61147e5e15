// Scheduled publishing inside a real production server (`npm start`): an article whose time comes
// while nobody visits is on the cached pages at the first request after that time. Without the
// scheduler, those ISR pages (revalidate = 300 s) would keep serving the copy rendered before.
// Needs `next build` first and PostgreSQL (the test writes while the server runs; PGlite allows one process).
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { articles, categories } from '../../db/schema';
import { hasProductionBuild, startAppServer } from '../helpers/app-server';
import { createPostgresDatabase, requirePostgresOrSkip } from '../helpers/databases';

const built = hasProductionBuild();
if (!built) {
  if (process.env.CI) throw new Error('scheduled-process tests need `next build` first (npm test does it).');
  console.warn('[tests] No production build (.next/BUILD_ID): the scheduled-publishing server test is skipped. Run `npx next build`.');
}
const postgresAvailable = built && (await requirePostgresOrSkip());

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

// curl's user agent is a bot's: these requests are not counted as page views.
const read = async (url: string) => (await fetch(url, { headers: { 'user-agent': 'curl/8.5.0' } })).text();

describe.skipIf(!postgresAvailable)('scheduled publishing in a running server', () => {
  it('shows the article on the cached home, category and article pages at its time, with no visitor to trigger it', async () => {
    const database = await createPostgresDatabase();
    cleanups.push(database.drop);
    const server = await startAppServer({ DATABASE_URL: database.url!, AUTH_SECRET: 'test-secret-for-scheduled-process' });
    cleanups.push(async () => server.kill());

    const [category] = await database.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'thi-dua-khen-thuong'));
    const title = 'Bài hẹn giờ trong máy chủ thật';
    const slug = 'bai-hen-gio-trong-may-chu-that';
    // The scheduler started 3 s after the server; the article is due a few seconds from now.
    const due = Date.now() + 6000;
    await database.db.insert(articles).values({ slug, title, categoryId: category!.id, status: 'published', publishedAt: new Date(due) });

    // Before its time the pages are rendered and cached without it; the article itself is a 404.
    const pages = ['/', '/chuyen-muc/thi-dua-khen-thuong'];
    for (const page of pages) expect(await read(`${server.url}${page}`)).not.toContain(title);
    expect((await fetch(`${server.url}/tin-tuc/${slug}`, { headers: { 'user-agent': 'curl/8.5.0' } })).status).toBe(404);

    // Reading a cached page never re-renders it (its ISR lifetime is 5 minutes): only the scheduler
    // can make the article appear. It wakes at the article's time, or at the latest on its 30 s
    // tick when it last looked before the article existed (a slow start on a busy machine).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    for (const page of pages) {
      await expect.poll(() => read(`${server.url}${page}`), { timeout: 45_000, interval: 500, message: page }).toContain(title);
    }
    const article = await fetch(`${server.url}/tin-tuc/${slug}`, { headers: { 'user-agent': 'curl/8.5.0' } });
    expect(article.status).toBe(200);
    expect(await article.text()).toContain(title);
  }, 120_000);
});
