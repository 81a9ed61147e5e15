import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, addAccount, logIn, type NewAccount, SEED_ARTICLE } from './fixtures';

const AUTHOR: NewAccount = { name: 'Phóng viên Thử', email: 'phongvien@example.vn', password: 'phong-vien-2024', role: 'Phóng viên' };
const articleUrl = `/tin-tuc/${SEED_ARTICLE.slug}`;

/** Edits the title in place and returns when "Lưu" was clicked. */
async function editTitle(page: Page, title: string): Promise<number> {
  await page.getByRole('button', { name: 'Chỉnh sửa' }).click();
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  await form.getByLabel('Tiêu đề').fill(title);
  const clicked = Date.now();
  await form.getByRole('button', { name: 'Lưu' }).click();
  // A successful save closes the editor and shows the saved article in its place.
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return clicked;
}

async function anonymousPage(browser: Browser) {
  const context = await browser.newContext();
  return { page: await context.newPage(), close: () => context.close() };
}

test('an admin edits the seed article in place and an anonymous visitor sees it within a second', async ({ page, browser }) => {
  await logIn(page, ADMIN);
  await page.goto(articleUrl);
  const newTitle = `${SEED_ARTICLE.title} (đã sửa)`;
  const anonymous = await anonymousPage(browser);
  try {
    // The anonymous visitor has the page cached before the change.
    await anonymous.page.goto(articleUrl);
    await expect(anonymous.page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.title);

    const clicked = await editTitle(page, newTitle);
    const saved = Date.now();
    await anonymous.page.goto(articleUrl);
    await expect(anonymous.page.getByRole('heading', { level: 1 })).toHaveText(newTitle, { timeout: 1000 });
    console.log(`[e2e] "Lưu" → trang ẩn danh có tiêu đề mới: ${Date.now() - clicked} ms (sau khi lưu xong: ${Date.now() - saved} ms)`);
  } finally {
    await editTitle(page, SEED_ARTICLE.title);
    await anonymous.page.goto(articleUrl);
    await expect(anonymous.page.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.title);
    await anonymous.close();
  }
});

test('an editor changes a published article’s address; the old one answers 301 with the new one', async ({ page, request }) => {
  await logIn(page, ADMIN);
  await page.getByLabel('Tiêu đề').fill('Bài thử đổi đường dẫn');
  await page.getByRole('button', { name: 'Viết bài mới' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/xem-truoc\/\d+/);
  const tools = page.getByRole('region', { name: 'Công cụ biên tập' });
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  // A new article opens in the editor; closed, the status buttons show.
  await form.getByRole('button', { name: 'Hủy' }).click();
  await tools.getByRole('button', { name: 'Xuất bản' }).click();
  // Putting an article live asks once, saying what will happen.
  const confirm = page.getByRole('alertdialog', { name: 'Xuất bản bài này?' });
  await expect(confirm).toContainText('cho mọi người đọc');
  await confirm.getByRole('button', { name: 'Xuất bản' }).click();
  await expect(tools.getByRole('status')).toHaveText('Đã xuất bản.');
  expect((await request.get('/tin-tuc/bai-thu-doi-duong-dan')).status()).toBe(200);

  await tools.getByRole('button', { name: 'Chỉnh sửa' }).click();
  await form.getByLabel('Đường dẫn').fill('bai-thu-dia-chi-moi');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(tools.getByRole('status')).toHaveText('Đã lưu.');

  // Answered by the proxy at once, query string kept; a visitor lands on the article.
  const old = await request.get('/tin-tuc/bai-thu-doi-duong-dan?nguon=bao-chi', { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  const location = new URL(old.headers()['location']!, 'http://localhost');
  expect(location.pathname + location.search).toBe('/tin-tuc/bai-thu-dia-chi-moi?nguon=bao-chi');
  const anonymous = await request.get('/tin-tuc/bai-thu-doi-duong-dan');
  expect(anonymous.url()).toMatch(/\/tin-tuc\/bai-thu-dia-chi-moi$/);
  expect(await anonymous.text()).toContain('Bài thử đổi đường dẫn');

  // Withdrawn, the article is gone from both addresses.
  await tools.getByRole('button', { name: 'Gỡ bài' }).click();
  const withdraw = page.getByRole('alertdialog', { name: 'Gỡ bài này?' });
  // "Hủy" changes nothing; the second time it is confirmed.
  await withdraw.getByRole('button', { name: 'Hủy' }).click();
  await expect(withdraw).toBeHidden();
  expect((await request.get('/tin-tuc/bai-thu-dia-chi-moi')).status()).toBe(200);
  await tools.getByRole('button', { name: 'Gỡ bài' }).click();
  await withdraw.getByRole('button', { name: 'Gỡ bài' }).click();
  await expect(tools.getByRole('status')).toHaveText('Đã gỡ bài.');
  expect((await request.get('/tin-tuc/bai-thu-doi-duong-dan', { maxRedirects: 0 })).status()).toBe(404);
  expect((await request.get('/tin-tuc/bai-thu-dia-chi-moi')).status()).toBe(404);
});

test('an author writes a draft and submits it, but cannot publish or edit others’ articles', async ({ page, browser }) => {
  await logIn(page, ADMIN);
  await addAccount(page, AUTHOR);

  const context = await browser.newContext();
  const author = await context.newPage();
  try {
    await logIn(author, AUTHOR);
    await author.getByLabel('Tiêu đề').fill('Bài nháp của phóng viên');
    await author.getByRole('button', { name: 'Viết bài mới' }).click();
    await expect(author).toHaveURL(/\/quan-tri\/xem-truoc\/\d+/);
    const form = author.getByRole('form', { name: 'Chỉnh sửa bài viết' });
    await form.getByLabel('Tóm tắt').fill('Tóm tắt của bài nháp.');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(author.getByRole('status').filter({ hasText: 'Đã lưu.' }).first()).toBeVisible();

    const tools = author.getByRole('region', { name: 'Công cụ biên tập' });
    await expect(tools.getByRole('button', { name: 'Gửi duyệt' })).toBeVisible();
    await expect(tools.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);
    await tools.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(tools.getByText('Chờ duyệt')).toBeVisible();
    await expect(tools.getByRole('button', { name: 'Xuất bản' })).toHaveCount(0);

    // The public gets a 404 for the draft.
    const response = await page.request.get('/tin-tuc/bai-nhap-cua-phong-vien', { headers: { cookie: '' } });
    expect(response.status()).toBe(404);

    // On someone else's published article the author gets no editing tools.
    await author.goto(articleUrl);
    await expect(author.getByRole('heading', { level: 1 })).toHaveText(SEED_ARTICLE.title);
    await expect(author.getByRole('button', { name: 'Chỉnh sửa' })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('the sixth login within 15 minutes is refused even with the right password', async ({ browser }) => {
  // A client address of its own, so the lock on this client does not touch the other tests.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.77' } });
  const page = await context.newPage();
  const loginError = page.getByRole('alert').filter({ hasText: /\S/ });
  const answered = (p: Page) => p.waitForResponse((response) => response.url().includes('/api/auth/callback/credentials'));
  try {
    await page.goto('/dang-nhap');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Email').fill(AUTHOR.email);
      await page.getByLabel('Mật khẩu').fill(`sai-mat-khau-${attempt}`);
      await Promise.all([answered(page), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
      await expect(loginError).toHaveText('Email hoặc mật khẩu không đúng.');
    }
    await page.getByLabel('Mật khẩu').fill(AUTHOR.password);
    await Promise.all([answered(page), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
    await expect(loginError).toHaveText(/sai quá nhiều lần/);
    await expect(page).toHaveURL(/\/dang-nhap/);
  } finally {
    await context.close();
  }
});
