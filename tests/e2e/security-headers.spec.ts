import { expect, test, type Page } from '@playwright/test';
import { ADMIN, logIn, SEED_ARTICLE } from './fixtures';

// Issue #15, item 12: the Content-Security-Policy in a real browser. Public pages (ISR, the same
// bytes for everyone) carry a static policy; staff pages a per-request nonce policy, under which
// the whole editor must still work. Any violation, reported by the browser, fails the test.

const articleUrl = `/tin-tuc/${SEED_ARTICLE.slug}`;

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const store = window as unknown as { __csp: string[] };
    store.__csp = [];
    document.addEventListener('securitypolicyviolation', (event) => store.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

test('public pages: a static policy that the pages keep to', async ({ page }) => {
  const violations = await watchViolations(page);
  for (const path of ['/', articleUrl, `/chuyen-muc/${SEED_ARTICLE.categorySlug}`]) {
    const response = await page.goto(path);
    const policy = response!.headers()['content-security-policy'] ?? '';
    expect(policy, path).toContain("default-src 'self'");
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).not.toContain('nonce-');
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    expect(await violations(), path).toEqual([]);
  }
});

test('staff pages: a nonce policy, and the editor works under it', async ({ page }) => {
  const violations = await watchViolations(page);
  await logIn(page, ADMIN);
  const response = await page.goto(articleUrl);
  const policy = response!.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  await page.getByRole('button', { name: 'Chỉnh sửa' }).click();
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  const body = form.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  await page.keyboard.press('End');
  await form.getByRole('button', { name: 'Đậm' }).click();
  await page.keyboard.type(' Chữ đậm thử CSP');
  await expect(body.locator('strong', { hasText: 'Chữ đậm thử CSP' })).toBeVisible();
  await form.getByRole('button', { name: 'Danh sách', exact: true }).click();
  await expect(body.locator('ul li')).toHaveCount(1);
  // "Hủy" asks before dropping the changes (the editor's own dialog, under the same policy).
  await form.getByRole('button', { name: 'Hủy' }).click();
  await page.getByRole('alertdialog', { name: 'Rời trang khi chưa lưu?' }).getByRole('button', { name: 'Bỏ thay đổi' }).click();
  await expect(form).toBeHidden();

  // The statistics dashboard draws its chart (chart.js) under the same policy.
  await page.goto('/quan-tri/thong-ke');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/quan-tri/tai-khoan/mat-khau');
  await expect(page.getByRole('form', { name: 'Đổi mật khẩu' })).toBeVisible();
  expect(await violations()).toEqual([]);
});
