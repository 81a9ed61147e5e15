import { expect, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, logIn } from './fixtures';

test('an admin adds a procedure and publishes it; a visitor finds it without diacritics, filtered by field and level, and reads it', async ({
  page,
  browser,
}) => {
  const code = `1.${String(Date.now() % 1_000_000).padStart(6, '0')}`;
  const name = `Thủ tục công nhận ban vận động thành lập hội ${code}`;
  await logIn(page, ADMIN);
  await page.goto('/quan-tri/thu-tuc');
  await page.getByRole('link', { name: 'Thêm thủ tục' }).click();
  const form = page.getByRole('form', { name: 'Thêm thủ tục' });
  await form.getByLabel('Mã thủ tục').fill(code);
  await form.getByLabel('Tên thủ tục').fill(name);
  await form.getByLabel('Lĩnh vực').selectOption({ label: 'Tổ chức bộ máy - Biên chế' });
  await form.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp tỉnh' });
  await form.getByLabel('Thời hạn giải quyết').fill('30 ngày làm việc');
  await form.getByLabel('Trình tự thực hiện').fill('Bước 1: Nộp hồ sơ tại Trung tâm Phục vụ hành chính công\nBước 2: Nhận kết quả');
  await form.getByRole('button', { name: 'Thêm thủ tục' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/thu-tuc\/\d+$/);
  await page.getByRole('button', { name: 'Xuất bản thủ tục' }).click();
  await expect(page.getByText('Đã xuất bản thủ tục.')).toBeVisible();

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  try {
    await visitor.goto('/');
    await visitor.getByRole('link', { name: 'Tra cứu thủ tục hành chính' }).click();
    await expect(visitor).toHaveURL(/\/thu-tuc-hanh-chinh$/);
    await visitor.getByLabel('Từ khóa').fill('cong nhan ban van dong');
    await visitor.getByLabel('Lĩnh vực').selectOption({ label: 'Tổ chức bộ máy - Biên chế' });
    await visitor.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp tỉnh' });
    await visitor.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expect(visitor.getByText(/Tìm thấy \d+ thủ tục/)).toBeVisible();
    await expectNoAxeViolations(visitor);
    await visitor.getByRole('link', { name }).click();
    await expect(visitor.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(visitor.getByText('Bước 2: Nhận kết quả')).toBeVisible();
    // No address set for the public-service portal: no button.
    await expect(visitor.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' })).toHaveCount(0);
    await expectNoAxeViolations(visitor);
    await visitor.setViewportSize({ width: 360, height: 740 });
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(
      0,
    );
    for (const query of ['cap=xyz', 'linh-vuc=abc', `tu-khoa=${'%'.repeat(300)}`])
      expect((await visitor.request.get(`/thu-tuc-hanh-chinh?${query}`)).status()).toBe(200);
    expect((await visitor.request.get('/thu-tuc-hanh-chinh?trang=99999')).status()).toBe(404);
  } finally {
    await visitorContext.close();
  }
});

test('an admin imports documents from a CSV: a wrong line writes nothing and is reported, then the corrected file is imported', async ({
  page,
}) => {
  const run = String(Date.now() % 1_000_000);
  const header =
    'Số/Ký hiệu,Loại văn bản,Cơ quan ban hành,Lĩnh vực,Người ký,Chức vụ người ký,Ngày ban hành,Ngày có hiệu lực,Ngày hết hiệu lực,Trích yếu,Trạng thái';
  const good = `${run}/KH-SNV,Kế hoạch,Sở Nội vụ tỉnh An Giang,,,,05/01/2026,,,Kế hoạch nhập từ tệp ${run},Xuất bản`;
  const csv = (lines: string[]) => ({
    name: 'van-ban.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`),
  });
  await logIn(page, ADMIN);
  await page.goto('/quan-tri/van-ban');
  const form = page.getByRole('form', { name: 'Nhập văn bản từ CSV' });
  await form.getByLabel('Tệp CSV').setInputFiles(csv([good, `${run}/TB-SNV,Sắc lệnh,Sở Nội vụ tỉnh An Giang,,,,05/01/2026,,,Sai loại,`]));
  await form.getByRole('button', { name: 'Nhập' }).click();
  await expect(page.getByText('Dòng 3: Loại văn bản “Sắc lệnh” không có trong danh mục.')).toBeVisible();
  await expect(page.getByText('Chưa nhập văn bản nào: 1 dòng có lỗi.', { exact: false })).toBeVisible();

  await form.getByLabel('Tệp CSV').setInputFiles(csv([good]));
  await form.getByRole('button', { name: 'Nhập' }).click();
  await expect(page.getByText('Đã nhập 1 văn bản (1 xuất bản, 0 bản nháp).')).toBeVisible();
  await page.goto(`/van-ban?tu-khoa=${run}%2Fkh-snv`);
  await expect(page.getByText('Tìm thấy 1 văn bản')).toBeVisible();
  await page.goto('/quan-tri/van-ban/danh-muc');
  await expect(page.getByRole('heading', { name: 'Danh mục văn bản' })).toBeVisible();
  await expectNoAxeViolations(page);
});
