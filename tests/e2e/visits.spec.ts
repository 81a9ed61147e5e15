import { expect, test, type APIRequestContext } from '@playwright/test';
import { SEED_ARTICLE } from './fixtures';

type WidgetStats = { totalVisits: number; todayVisits: number; online: number; totalPageViews: number; todayPageViews: number };

async function readStats(request: APIRequestContext): Promise<WidgetStats> {
  const response = await request.get('/api/thong-ke-truy-cap');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  return (await response.json()) as WidgetStats;
}

/** Counts are written every ~2 s: wait until they stop moving so earlier tests' views are in. */
async function settledStats(request: APIRequestContext): Promise<WidgetStats> {
  let previous = await readStats(request);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const current = await readStats(request);
    if (current.totalPageViews === previous.totalPageViews) return current;
    previous = current;
  }
}

test('home, an article, back, a category: exactly four page views, and the widget shows them', async ({ page, request }) => {
  const before = await settledStats(request);

  await page.goto('/');
  await page.getByRole('link', { name: SEED_ARTICLE.title }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.title);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole('main').getByRole('link', { name: SEED_ARTICLE.category }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.category);

  await expect.poll(async () => (await readStats(request)).totalPageViews - before.totalPageViews, { timeout: 10_000 }).toBe(4);
  // Nothing else arrives later (no prefetch, no background request counted).
  const after = await settledStats(request);
  expect(after.totalPageViews - before.totalPageViews).toBe(4);
  expect(after.todayPageViews - before.todayPageViews).toBe(4);
  expect(after.online).toBeGreaterThanOrEqual(1);

  // The widget on the open page refreshes by itself (every 10 s at most) to the new numbers.
  const widget = page.getByRole('region', { name: 'Thống kê truy cập' });
  const format = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
  await expect(widget.getByText('Lượt truy cập')).toBeVisible();
  await expect(widget.locator('dd').nth(1)).toHaveText(format(after.todayVisits), { timeout: 15_000 });
  await expect(widget.locator('dd').nth(0)).toHaveText(format(after.totalVisits));
  await expect(widget.locator('dd').nth(2)).toHaveText(format(after.online));
});

test('a bot, a HEAD request and a router prefetch add no page view', async ({ request, playwright }) => {
  const before = await settledStats(request);
  const browserAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const bot = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
  expect((await bot.get(`/tin-tuc/${SEED_ARTICLE.slug}`)).status()).toBe(200);
  await bot.dispose();
  const visitor = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, userAgent: browserAgent });
  expect((await visitor.head('/')).status()).toBe(200);
  expect((await visitor.get('/', { headers: { rsc: '1', 'next-router-prefetch': '1' } })).status()).toBe(200);
  expect((await visitor.get('/', { headers: { 'sec-purpose': 'prefetch' } })).status()).toBe(200);
  // ... while a real page view from the same visitor counts once.
  expect((await visitor.get('/')).status()).toBe(200);
  await visitor.dispose();
  const after = await settledStats(request);
  expect(after.totalPageViews - before.totalPageViews).toBe(1);
});
