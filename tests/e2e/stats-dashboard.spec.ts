import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { ADMIN, addAccount, expectNoAxeViolations, logIn, type NewAccount } from './fixtures';

// Staff pages only: /quan-tri and /dang-nhap are never counted, so visits.spec.ts keeps its numbers.
const VIEWER: NewAccount = { name: 'Người xem Thử', email: 'nguoixem@example.vn', password: 'nguoi-xem-2024', role: 'Người xem thống kê' };

test('a statistics viewer reads the dashboard, switches the range and downloads the CSV', async ({ page, browser }) => {
  await logIn(page, ADMIN);
  await addAccount(page, VIEWER);

  const context = await browser.newContext({ acceptDownloads: true });
  const viewer = await context.newPage();
  try {
    await logIn(viewer, VIEWER);
    await viewer.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Thống kê truy cập' }).click();
    await expect(viewer).toHaveURL(/\/quan-tri\/thong-ke$/);
    await expect(viewer.getByRole('heading', { level: 1, name: 'Thống kê truy cập' })).toBeVisible();
    const overview = viewer.getByRole('region', { name: 'Tổng quan' });
    await expect(overview.getByText('Đang online')).toBeVisible();
    for (const row of ['Hôm nay', 'Hôm qua', 'Tháng này']) await expect(overview.getByRole('rowheader', { name: row })).toBeVisible();
    // The numbers refresh by themselves.
    await viewer.waitForResponse((r) => r.url().includes('/api/quan-tri/thong-ke/tong-quan') && r.status() === 200, { timeout: 12_000 });

    const picker = viewer.getByRole('navigation', { name: 'Chọn khoảng thời gian' });
    await expect(picker.getByRole('link', { name: '7 ngày' })).toHaveAttribute('aria-current', 'page');
    await picker.getByRole('link', { name: '30 ngày' }).click();
    await expect(viewer).toHaveURL(/khoang=30-ngay/);
    await expect(picker.getByRole('link', { name: '30 ngày' })).toHaveAttribute('aria-current', 'page');
    await expect(viewer.locator('canvas[role="img"]')).toBeVisible();
    await viewer.getByText('Bảng số liệu của biểu đồ').click();
    await expect(viewer.getByRole('table', { name: /Số liệu theo ngày/ }).getByRole('row')).toHaveCount(31);

    const [download] = await Promise.all([viewer.waitForEvent('download'), viewer.getByRole('link', { name: 'Xuất CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^thong-ke-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Ngày,Lượt xem,Lượt truy cập,Khách truy cập (theo ngày),Khách mới');
    // The daily rows (30 days and the header), then, after an empty line, the titled ratings by month.
    const blank = lines.indexOf('');
    expect(blank).toBe(31);
    expect(lines.slice(blank + 1, blank + 3)).toEqual([
      'Đánh giá cổng thông tin',
      'Tháng,Lượt đánh giá,Giao diện,Nội dung,Chất lượng thông tin,Hỗ trợ',
    ]);
    expect(lines.at(-1)).toMatch(/^Cả khoảng,\d+,/);

    // A bad custom range: a message, not an error page.
    await viewer.goto('/quan-tri/thong-ke?tu=2024-05-01&den=2024-04-01');
    await expect(viewer.getByRole('alert').filter({ hasText: 'Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.' })).toBeVisible();

    // Readable on a 360 px phone: nothing wider than the screen.
    await viewer.setViewportSize({ width: 360, height: 800 });
    await viewer.goto('/quan-tri/thong-ke?khoang=12-thang');
    await expect(viewer.locator('canvas[role="img"]')).toBeVisible();
    expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(viewer);
  } finally {
    await context.close();
  }

  // Without a session the data routes answer 401, and the page sends to the login.
  const anonymous = await browser.newContext();
  try {
    const response = await anonymous.request.get('/api/quan-tri/thong-ke/tong-quan');
    expect(response.status()).toBe(401);
    expect((await response.json()).error).toMatch(/cần đăng nhập/);
  } finally {
    await anonymous.close();
  }
});
