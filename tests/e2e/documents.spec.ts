import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sampleExecutable, samplePdf } from '../helpers/document-files';
import { ADMIN, addAccount, expectNoAxeViolations, logIn } from './fixtures';

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an editor adds a document with a PDF and publishes it; a visitor finds it by its number typed without diacritics and downloads the same bytes', async ({
  page,
  browser,
}) => {
  const run = Date.now().toString(36);
  const editor = {
    name: 'Biên tập Văn bản',
    email: `bientap-vb-${run}@example.vn`,
    password: 'mat-khau-bien-tap-123',
    role: 'Biên tập viên' as const,
  };
  const serial = String(Date.now() % 100_000);
  const number = `${serial}/QĐ-SNV`;
  const summary = `Quyết định về việc công nhận danh hiệu thi đua năm 2025 (${run})`;
  const pdf = samplePdf(`Quyet dinh ${serial}`);

  await logIn(page, ADMIN);
  await addAccount(page, editor);
  await page.context().clearCookies();
  await logIn(page, editor);

  await page.goto('/quan-tri/van-ban');
  await page.getByRole('link', { name: 'Thêm văn bản' }).click();
  const form = page.getByRole('form', { name: 'Thêm văn bản' });
  await form.getByLabel('Số/Ký hiệu', { exact: true }).fill(number);
  await form.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
  await form.getByLabel('Cơ quan ban hành').selectOption({ label: 'Sở Nội vụ tỉnh An Giang' });
  await form.getByLabel('Lĩnh vực').selectOption({ label: 'Thi đua, khen thưởng' });
  await form.getByLabel('Người ký', { exact: true }).fill('Ngô Hồng Yến');
  await form.getByLabel('Chức vụ người ký').fill('Giám đốc Sở');
  await form.getByLabel('Ngày ban hành', { exact: true }).fill('2026-01-15');
  await form.getByLabel('Trích yếu', { exact: true }).fill(summary);
  await form.getByRole('button', { name: 'Thêm văn bản' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/van-ban\/\d+$/);

  // An executable renamed .pdf is refused, in Vietnamese.
  const files = page.getByRole('form', { name: 'Đính kèm tệp' });
  await files.getByLabel('Tệp đính kèm').setInputFiles({ name: 'quyet-dinh.pdf', mimeType: 'application/pdf', buffer: sampleExecutable() });
  await files.getByRole('button', { name: 'Tải lên' }).click();
  await expect(files.getByText('Tệp này là một chương trình chạy được', { exact: false })).toBeVisible();

  await files.getByLabel('Tệp đính kèm').setInputFiles({ name: `Quyết định ${serial}.pdf`, mimeType: 'application/pdf', buffer: pdf });
  await files.getByRole('button', { name: 'Tải lên' }).click();
  await expect(files.getByText('Đã đính kèm tệp.')).toBeVisible();
  await expect(page.getByRole('link', { name: `Quyết định ${serial}.pdf` })).toBeVisible();

  await page.getByRole('button', { name: 'Xuất bản văn bản' }).click();
  await expect(page.getByText('Đã xuất bản văn bản.')).toBeVisible();
  await expect(page.getByText('Đã xuất bản', { exact: true })).toBeVisible();

  const visitorContext = await browser.newContext({ acceptDownloads: true });
  const visitor = await visitorContext.newPage();
  try {
    await visitor.goto('/');
    await visitor.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Văn bản' }).last().click();
    await expect(visitor).toHaveURL(/\/van-ban$/);
    // The unfiltered list is cached (ISR) and was revalidated by the publication.
    await expect(visitor.getByRole('link', { name: number })).toBeVisible();
    await visitor.request.get('/van-ban');
    expect((await visitor.request.get('/van-ban')).headers()['x-nextjs-cache']).toBe('HIT');
    expect((await visitor.request.get('/van-ban?tu-khoa=abc')).headers()['x-nextjs-cache']).toBeUndefined();
    // The number typed without diacritics and in lower case.
    await visitor.getByLabel('Từ khóa').fill(`${serial}/qd-snv`);
    await visitor.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(visitor.getByText('Tìm thấy 1 văn bản')).toBeVisible();
    await expect(visitor).toHaveURL(/tu-khoa=/);
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('link', { name: number }).click();

    await expect(visitor.getByRole('heading', { level: 1, name: `Quyết định ${number}` })).toBeVisible();
    await expect(visitor.getByText('Ngô Hồng Yến – Giám đốc Sở')).toBeVisible();
    await expect(visitor.getByText('Còn hiệu lực')).toBeVisible();
    await expectNoAxeViolations(visitor);

    const downloadPromise = visitor.waitForEvent('download');
    await visitor.getByRole('link', { name: `Tải về Quyết định ${serial}.pdf` }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`Quyết định ${serial}.pdf`);
    expect(fs.readFileSync((await download.path())!).equals(pdf)).toBe(true);

    // A phone: cards, no horizontal scroll, on the list and the page.
    await visitor.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(visitor);
    await visitor.goto(`/van-ban?tu-khoa=${encodeURIComponent(serial)}`);
    await expect(visitor.getByRole('heading', { level: 2, name: `Quyết định ${number}` })).toBeVisible();
    await expectNoHorizontalScroll(visitor);

    // Odd input: a list or a 404, never a 500.
    for (const query of ['nam=abc', 'nam=99999', `tu-khoa=${'a'.repeat(5000)}`, "tu-khoa=%25_'%5C", 'loai=999999', 'hieu-luc=khong-ro']) {
      const response = await visitor.request.get(`/van-ban?${query}`);
      expect(response.status(), query).toBe(200);
    }
    expect((await visitor.request.get('/van-ban?trang=99999')).status()).toBe(404);
    expect((await visitor.request.get('/van-ban/Khong_Hop_Le')).status()).toBe(404);
    expect((await visitor.request.get('/van-ban/khong-co-van-ban-nay')).status()).toBe(404);
    expect((await visitor.request.get('/tep-van-ban/999999')).status()).toBe(404);
  } finally {
    await visitorContext.close();
  }
});

test('a search with no result says so clearly and offers to clear the filters', async ({ page }) => {
  await page.goto('/van-ban?tu-khoa=khong-co-van-ban-nao-nhu-the-nay');
  await expect(page.getByText('Không tìm thấy văn bản nào phù hợp.')).toBeVisible();
  await page.getByRole('link', { name: 'Xóa bộ lọc' }).click();
  await expect(page).toHaveURL(/\/van-ban$/);
  await expectNoAxeViolations(page);
});
