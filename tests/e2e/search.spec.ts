import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, SEED_ARTICLE } from './fixtures';

const articlePath = `/tin-tuc/${SEED_ARTICLE.slug}`;

/** The addresses an XML text lists (RSS <link>, sitemap <loc>), or null when it does not parse. */
async function xmlAddresses(page: Page, xml: string): Promise<string[] | null> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.querySelectorAll('item > link, url > loc, sitemap > loc, channel > link')].map((node) => node.textContent ?? '');
  }, xml);
}

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('"dong khoi" typed in the header box finds the seed article, which opens', async ({ page }) => {
    await page.goto('/');
    const menu = page.getByRole('navigation', { name: 'Menu chính' });
    await menu.getByText('Chuyên mục').click();
    await menu.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dong khoi');
    await menu.getByRole('button', { name: 'Tìm' }).click();
    await expect(page).toHaveURL(/\/tim-kiem\?q=dong\+khoi$/);
    await expect(page.getByRole('status')).toContainText('kết quả cho “dong khoi”');
    const result = page.getByRole('link', { name: SEED_ARTICLE.title });
    // The snippet shows where the words were found, marked.
    await expect(page.locator('mark', { hasText: 'Đồng' }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await result.click();
    await expect(page).toHaveURL(articlePath);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(SEED_ARTICLE.title);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header box is a plain form, and results filter by type', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('ĐỒNG KHỞI');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(page.getByRole('link', { name: SEED_ARTICLE.title })).toBeVisible();
    const types = page.getByRole('navigation', { name: 'Loại nội dung' });
    await expect(types.getByRole('link', { name: 'Tin tức (1)' })).toBeVisible();
    await types.getByRole('link', { name: 'Văn bản (0)' }).click();
    await expect(page).toHaveURL(/loai=van-ban/);
    await expect(page.getByRole('status')).toContainText('Không tìm thấy kết quả nào');
  });
});

test('search pages are rendered per request and never fail on odd input', async ({ request }) => {
  for (const q of ['%_\'\\&|!:*😀"', "' or 1=1 --", 'a'.repeat(5000), '"', '&&&&', 'dong khoi']) {
    const response = await request.get(`/tim-kiem?q=${encodeURIComponent(q)}`);
    expect(response.status(), q).toBe(200);
    expect(response.headers()['x-nextjs-cache'], q).toBeUndefined();
    expect(response.headers()['cache-control'], q).not.toContain('s-maxage');
  }
  expect((await request.get('/tim-kiem?q=dong&trang=abc')).status()).toBe(404);
  expect((await request.get('/tim-kiem?q=dong&trang=9')).status()).toBe(404);
  expect((await request.get('/tim-kiem?q=dong&loai=khong-co')).status()).toBe(200);
});

test('feeds, the site map and robots.txt parse and list the seed article', async ({ page, request, baseURL }) => {
  await page.goto('/');
  const seedUrl = new URL(articlePath, baseURL).href;
  for (const path of ['/rss.xml', `/chuyen-muc/${SEED_ARTICLE.categorySlug}/rss.xml`, '/sitemap.xml']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(/xml/);
    const addresses = await xmlAddresses(page, await response.text());
    expect(addresses, path).toContain(seedUrl);
  }
  const documents = await request.get('/van-ban/rss.xml');
  expect(documents.status()).toBe(200);
  expect(await xmlAddresses(page, await documents.text())).not.toBeNull();
  expect((await request.get('/chuyen-muc/khong-co-chuyen-muc-nay/rss.xml')).status()).toBe(404);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain(`Sitemap: ${new URL('/sitemap.xml', baseURL).href}`);
  expect(robots).toContain('Disallow: /quan-tri');
  // Every page names the feeds in its <head>; a category names its own.
  await page.goto(`/chuyen-muc/${SEED_ARTICLE.categorySlug}`);
  const feeds = await page
    .locator('head link[rel="alternate"][type="application/rss+xml"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(feeds).toEqual(expect.arrayContaining(['/rss.xml', '/van-ban/rss.xml', `/chuyen-muc/${SEED_ARTICLE.categorySlug}/rss.xml`]));
});

test('articles carry NewsArticle and BreadcrumbList, the home page GovernmentOrganization, without made-up facts', async ({ page }) => {
  const jsonLd = () =>
    page.locator('script[type="application/ld+json"]').evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '')));
  await page.goto(articlePath);
  const data = await jsonLd();
  const article = data.find((entry) => entry['@type'] === 'NewsArticle');
  expect(article).toMatchObject({
    headline: SEED_ARTICLE.title.slice(0, 110),
    datePublished: '2018-08-07T07:37:00+07:00',
    author: { '@type': 'Person', name: SEED_ARTICLE.byline },
    publisher: { '@type': 'GovernmentOrganization', name: 'Sở Nội vụ tỉnh An Giang' },
  });
  expect(article.dateModified).toMatch(/\+07:00$/);
  expect(article.publisher.address).toBeUndefined();
  const breadcrumb = data.find((entry) => entry['@type'] === 'BreadcrumbList');
  expect(breadcrumb.itemListElement.map((item: { name: string }) => item.name)).toEqual([
    'Trang chủ',
    SEED_ARTICLE.category,
    SEED_ARTICLE.title,
  ]);
  await page.goto('/');
  expect((await jsonLd()).map((entry) => entry['@type'])).toContain('GovernmentOrganization');
});

test('articles print with their title, date and source, without navigation', async ({ page }) => {
  await page.goto(articlePath);
  await expect(page.getByRole('button', { name: 'In bài viết' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Menu chính' })).toBeHidden();
  await expect(page.getByRole('contentinfo')).toBeHidden();
  await expect(page.getByText(/^Nguồn: .*\/tin-tuc\//)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(SEED_ARTICLE.time).first()).toBeVisible();
});

test('no public page asks for a missing file, and the manifest names icons that exist', async ({ page, request }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') missing.push(message.text());
  });
  for (const path of [
    '/',
    `/chuyen-muc/${SEED_ARTICLE.categorySlug}`,
    articlePath,
    '/tim-kiem?q=thi+dua',
    '/so-do-cong',
    '/van-ban',
    '/gioi-thieu',
    '/lien-he',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(missing).toEqual([]);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.icons.length).toBeGreaterThan(0);
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  for (const path of ['/favicon.ico', '/apple-icon.png']) expect((await request.get(path)).status(), path).toBe(200);
});

test('Sơ đồ cổng is linked from the footer and lists every section', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Sơ đồ cổng' }).click();
  await expect(page).toHaveURL('/so-do-cong');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sơ đồ cổng');
  const main = page.getByRole('main');
  for (const name of ['Giới thiệu', 'Văn bản', 'Thủ tục hành chính', 'Liên hệ', SEED_ARTICLE.category]) {
    await expect(main.getByRole('link', { name, exact: true })).toBeVisible();
  }
});

for (const path of ['/tim-kiem?q=dong+khoi', '/tim-kiem', '/so-do-cong']) {
  test(`axe finds no WCAG 2.1 AA violation: ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}
