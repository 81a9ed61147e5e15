import { expect, test } from '@playwright/test';
import { measureFirstLoadJs } from '../../scripts/first-load-js';
import { expectNoAxeViolations, PUBLIC_PAGES, SEED_ARTICLE, Sidebar } from './fixtures';

/**
 * Gzip bytes of the scripts the seed article page loaded before staff editing existed (commit
 * 7761e41, measured with scripts/first-load-js.ts): editing in place must cost visitors nothing.
 */
const BEFORE_EDITING_BYTES = 136_085;
/**
 * The one client component visitors gained since (issue 14): the "In bài viết" button, as small as a
 * client component can be (components/print/print-button.tsx; measured +188 B on the article page).
 */
const PRINT_BUTTON_BYTES = 200;
/**
 * The visitor widget groups digits itself (lib/format-number.ts) instead of building an
 * Intl.NumberFormat, which took ~47 ms of a phone's main thread at Lighthouse's 4× slowdown: a few
 * bytes of code for that time (measured +43 B gzip for the widget's chunk).
 */
const NUMBER_FORMAT_BYTES = 64;
const FIRST_LOAD_JS_BUDGET = BEFORE_EDITING_BYTES + PRINT_BUTTON_BYTES + NUMBER_FORMAT_BYTES;

test('a visitor goes from the home page to the seed article and reads it', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Sở Nội vụ tỉnh An Giang/);
  await page.getByRole('link', { name: SEED_ARTICLE.title }).first().click();

  await expect(page).toHaveURL(new RegExp(`/tin-tuc/${SEED_ARTICLE.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.title);
  const article = page.getByRole('article').first();
  await expect(article.locator('time').first()).toHaveText(SEED_ARTICLE.time);
  await expect(article.getByText(SEED_ARTICLE.byline)).toBeVisible();
  await expect(article.getByText('thu ngân sách hơn 52.623 tỉ đồng')).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: 'Đường dẫn' });
  await expect(breadcrumb.getByRole('link', { name: SEED_ARTICLE.category })).toHaveAttribute(
    'href',
    `/chuyen-muc/${SEED_ARTICLE.categorySlug}`,
  );

  const sidebar = new Sidebar(page);
  const tthc = sidebar.block('Số điện thoại tiếp nhận phản ánh kiến nghị về TTHC');
  await expect(tthc.getByText('Ông Trương Long Hồ (Phó Giám Đốc Sở)')).toBeVisible();
  await expect(tthc.getByRole('link', { name: '0983.570.009' })).toHaveAttribute('href', 'tel:0983570009');
  await expect(tthc.getByRole('link', { name: 'tlho@angiang.gov.vn' })).toHaveAttribute('href', 'mailto:tlho@angiang.gov.vn');
  await expect(tthc.getByRole('link', { name: '02963.957.049' })).toHaveAttribute('href', 'tel:02963957049');
  await expect(tthc.getByRole('link', { name: '0378.247.247' })).toHaveAttribute('href', 'tel:0378247247');
  const hotline = sidebar.block('Đường dây nóng ngành Nội vụ An Giang');
  await expect(hotline.getByText('Ông Ngô Hồng Yến (Giám Đốc Sở)')).toBeVisible();
  await expect(hotline.getByRole('link', { name: '0913.658.627' })).toHaveAttribute('href', 'tel:0913658627');
  await expect(hotline.getByRole('link', { name: '02963.981.818' })).toBeVisible();
});

test('every public page has a Vietnamese title, description and Open Graph data', async ({ page }) => {
  for (const { path } of PUBLIC_PAGES) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /\S/);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', /\S/);
  }
  await page.goto(`/tin-tuc/${SEED_ARTICLE.slug}`);
  await expect(page).toHaveTitle(`${SEED_ARTICLE.title} | Sở Nội vụ tỉnh An Giang`);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
});

test('pages are served from the ISR cache after the first request', async ({ request }) => {
  for (const { path } of PUBLIC_PAGES) {
    await request.get(path);
    const second = await request.get(path);
    expect(second.status()).toBe(200);
    expect(second.headers()['x-nextjs-cache'], path).toBe('HIT');
    // The payload carries the small boundaries of app/not-found.tsx and its siblings, not Next's
    // English defaults (twice, ~4.5 kB of every page).
    expect(await second.text(), path).not.toMatch(/could not be (found|accessed)|not authorized to access/);
  }
});

test('the category page lists the article and pages beyond the last are 404', async ({ page, request }) => {
  await page.goto(`/chuyen-muc/${SEED_ARTICLE.categorySlug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.category);
  await expect(page.getByRole('link', { name: SEED_ARTICLE.title })).toBeVisible();

  expect((await request.get(`/chuyen-muc/${SEED_ARTICLE.categorySlug}/trang/99`)).status()).toBe(404);
  expect((await request.get(`/chuyen-muc/${SEED_ARTICLE.categorySlug}/trang/abc`)).status()).toBe(404);
  const first = await request.get(`/chuyen-muc/${SEED_ARTICLE.categorySlug}/trang/1`, { maxRedirects: 0 });
  expect(first.status()).toBe(308);
  expect(first.headers()['location']).toBe(`/chuyen-muc/${SEED_ARTICLE.categorySlug}`);
});

test('bad addresses get the Vietnamese 404 page, never a 500', async ({ page, request }) => {
  const bad = [
    '/tin-tuc/khong-co-bai-nay',
    '/tin-tuc/%E2%80%AE%F0%9F%98%80abc',
    '/tin-tuc/%C3%28',
    `/tin-tuc/${'a'.repeat(3000)}`,
    '/chuyen-muc/khong-co',
    '/chuyen-muc/thi-dua-khen-thuong/trang/-1',
    '/chuyen-muc/thi-dua-khen-thuong/trang/1e9',
    '/chuyen-muc/thi-dua-khen-thuong/trang/99999999999999999999',
    '/khong/ton/tai',
    '/trang-chu/khac',
  ];
  for (const path of bad) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([307, 308, 404], path).toContain(response.status());
    // A redirect leads to the home page or to the 404 page, never to an error.
    if (response.status() !== 404) expect([200, 404]).toContain((await request.get(path)).status());
  }
  const response = await page.goto('/tin-tuc/khong-co-bai-nay');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Về Trang chủ' })).toBeVisible();
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('no page scrolls sideways and the menu opens', async ({ page }) => {
    for (const { path } of PUBLIC_PAGES) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    const menu = page.getByRole('navigation', { name: 'Menu chính' });
    await menu.getByText('Chuyên mục').click();
    await menu.getByRole('link', { name: 'Cải cách hành chính' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cải cách hành chính');
  });
});

for (const { name, path } of PUBLIC_PAGES) {
  test(`axe finds no WCAG 2.1 AA violation: ${name}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test('axe finds no WCAG 2.1 AA violation on the phone layout with the menu open', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Menu chính' }).getByText('Chuyên mục').click();
  await expectNoAxeViolations(page);
});

test('public pages load no more JavaScript than before editing in place, and none of the editor', async ({ baseURL }) => {
  for (const { path } of PUBLIC_PAGES) {
    const editorScripts: string[] = [];
    const measured = await measureFirstLoadJs(new URL(path, baseURL).href, (src, text) => {
      if (text.includes('ProseMirror')) editorScripts.push(src);
    });
    expect(measured.gzipBytes, path).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
    expect(editorScripts, path).toEqual([]);
  }
});
