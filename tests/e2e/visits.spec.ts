import { devices, expect, test, type APIRequestContext } from '@playwright/test';
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
  // "Đang online" moves on its own as earlier tests' visitors leave the window: the widget agrees
  // with the server's number of the moment.
  await expect
    .poll(async () => (await widget.locator('dd').nth(2).textContent()) === format((await readStats(request)).online), { timeout: 15_000 })
    .toBe(true);
});

test('a bot, a HEAD request and a router prefetch add no page view', async ({ request, playwright }) => {
  const before = await settledStats(request);
  const browserAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const bot = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  });
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

test('a page restored from the back/forward cache is counted exactly once', async ({ request, playwright, browserName }, testInfo) => {
  test.skip(browserName !== 'chromium', 'Chromium only');
  // Playwright turns the back/forward cache off by default; this browser keeps it, as a visitor's does.
  const launch = testInfo.project.use.launchOptions ?? {};
  const browser = await playwright.chromium.launch({ ...launch, ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  try {
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, userAgent: devices['Desktop Chrome'].userAgent });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.addEventListener('pageshow', (event) => {
        if (event.persisted) document.documentElement.dataset.restored = String(Number(document.documentElement.dataset.restored ?? 0) + 1);
      });
    });
    const before = await settledStats(request);
    // Full loads (not the router's client-side navigations): the category, then the article.
    await page.goto(`/chuyen-muc/${SEED_ARTICLE.categorySlug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.category);
    // The server rendered the numbers into the page: no placeholder, even before any script runs.
    await expect(page.getByRole('region', { name: 'Thống kê truy cập' }).locator('dd').first()).toHaveText(/^\d[\d.]*$/);
    await page.goto(`/tin-tuc/${SEED_ARTICLE.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.title);
    // A page restored from the back/forward cache fires no load event: wait for the commit only.
    await page.goBack({ waitUntil: 'commit' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.category);
    // The category came back from the back/forward cache, not from the server...
    await expect(page.locator('html')).toHaveAttribute('data-restored', '1');
    // ...and is counted once: category, article, category again.
    await expect.poll(async () => (await readStats(request)).totalPageViews - before.totalPageViews, { timeout: 10_000 }).toBe(3);
    const after = await settledStats(request);
    expect(after.totalPageViews - before.totalPageViews).toBe(3);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('without JavaScript the widget shows numbers, not a placeholder', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/tin-tuc/${SEED_ARTICLE.slug}`);
  const values = page.getByRole('region', { name: 'Thống kê truy cập' }).locator('dd');
  await expect(values).toHaveCount(3);
  for (const text of await values.allTextContents()) expect(text).toMatch(/^\d[\d.]*$/);
  await context.close();
});
