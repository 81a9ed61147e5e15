// The visit counter inside a real production server (`npm start`): a shutdown under load and a
// database that goes away for 30 s under load lose no page view. Needs `next build` first (npm
// test builds before it runs vitest); without a build these tests are skipped with a message.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db';
import { visitDaily } from '../../db/schema';
import { createCuttableForwarder, hasProductionBuild, runLoad, startAppServer } from '../helpers/app-server';
import { createPostgresDatabase, POSTGRES_ADMIN_URL, requirePostgresOrSkip } from '../helpers/databases';

const SEED_ARTICLE =
  '/tin-tuc/hoi-nghi-so-ket-giao-uoc-thi-dua-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam-2018-cac-tinh-tay-nam-bo';
const PAGES = ['/', SEED_ARTICLE, '/chuyen-muc/thi-dua-khen-thuong', '/chuyen-muc/cai-cach-hanh-chinh'];

const built = hasProductionBuild();
if (!built) {
  if (process.env.CI) throw new Error('visits-process tests need `next build` first (npm test does it).');
  console.warn('[tests] No production build (.next/BUILD_ID): the server-process visit tests are skipped. Run `npx next build`.');
}
const postgresAvailable = built && (await requirePostgresOrSkip());

async function countedPageViews(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<string>`coalesce(sum(${visitDaily.pageViews}), 0)` }).from(visitDaily);
  return Number(row?.n ?? 0);
}

async function warmUp(url: string) {
  // Renders and caches the pages. curl's user agent is a bot's: these requests are not counted.
  for (const page of PAGES) expect((await fetch(`${url}${page}`, { headers: { 'user-agent': 'curl/8.5.0' } })).status).toBe(200);
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

describe.skipIf(!built)('SIGTERM under load', () => {
  const cases = [
    { name: 'PGlite', postgres: false },
    { name: 'PostgreSQL', postgres: true },
  ];
  for (const { name, postgres } of cases) {
    it.skipIf(postgres && !postgresAvailable)(`writes every page view it served before exiting (${name})`, async () => {
      let env: Record<string, string>;
      let reopen: () => Promise<{ db: Db; close: () => Promise<void> }>;
      if (postgres) {
        const database = await createPostgresDatabase();
        cleanups.push(database.drop);
        env = { DATABASE_URL: database.url! };
        reopen = async () => ({ db: database.db, close: async () => {} });
      } else {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-sigterm-'));
        cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
        env = { DATA_DIR: dir };
        reopen = () => openDatabase({ dir });
      }
      const server = await startAppServer({ ...env, AUTH_SECRET: 'test-secret-for-visits-process' });
      cleanups.push(async () => server.kill());
      await warmUp(server.url);

      let stop = false;
      const load = runLoad({ baseUrl: server.url, concurrency: 8, paths: PAGES, until: () => stop });
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      server.process.kill('SIGTERM');
      const exitCode = await server.exited;
      stop = true;
      const result = await load;

      expect(exitCode, server.output()).toBe(0);
      expect(result.ok).toBeGreaterThan(50);
      expect(result.other).toBe(0);
      const handle = await reopen();
      try {
        const counted = await countedPageViews(handle.db);
        // Every page served with 200 was counted; a request cut off mid-way by the exit may have
        // been counted too (its view was recorded before the page was sent), nothing more.
        expect(counted).toBeGreaterThanOrEqual(result.ok);
        expect(counted).toBeLessThanOrEqual(result.ok + result.networkErrors);
      } finally {
        await handle.close();
      }
    });
  }
});

describe.skipIf(!postgresAvailable)('PostgreSQL unreachable for 30 s under load', () => {
  it('keeps serving pages and writes every page view once the database is back', async () => {
    const database = await createPostgresDatabase();
    cleanups.push(database.drop);
    const admin = new URL(POSTGRES_ADMIN_URL);
    const forwarder = await createCuttableForwarder({ host: admin.hostname, port: Number(admin.port || 5432) });
    cleanups.push(forwarder.close);
    const viaForwarder = new URL(database.url!);
    viaForwarder.port = String(forwarder.port);
    viaForwarder.hostname = '127.0.0.1';

    const server = await startAppServer({ DATABASE_URL: viaForwarder.toString(), AUTH_SECRET: 'test-secret-for-visits-process' });
    cleanups.push(async () => server.kill());
    await warmUp(server.url);

    let stop = false;
    const load = runLoad({ baseUrl: server.url, concurrency: 6, paths: PAGES, until: () => stop });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await forwarder.cut();
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    await forwarder.restore();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    stop = true;
    const result = await load;

    expect(result.networkErrors + result.unavailable + result.other, server.output()).toBe(0);
    expect(result.ok).toBeGreaterThan(100);
    await expect.poll(() => countedPageViews(database.db), { timeout: 30_000, interval: 1_000 }).toBe(result.ok);

    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 120_000);
});
