import { expect, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, logIn } from './fixtures';

test('the new-account form keeps what was typed when the password is too short', async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto('/quan-tri/tai-khoan');
  const form = page.getByRole('region', { name: 'Thêm tài khoản' });
  await form.getByLabel('Họ tên').fill('Nguyễn Thị Biên Tập');
  await form.getByLabel('Email').fill('bientap-ngan@example.vn');
  await form.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Biên tập viên' });
  const password = form.getByLabel('Mật khẩu (ít nhất 10 ký tự)');
  await password.fill('123456789');
  await form.getByRole('button', { name: 'Thêm tài khoản' }).click();

  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('ít nhất 10 ký tự', { exact: false }).last()).toBeVisible();
  await expect(form.getByLabel('Họ tên')).toHaveValue('Nguyễn Thị Biên Tập');
  await expect(form.getByLabel('Email')).toHaveValue('bientap-ngan@example.vn');
  await expect(form.getByLabel('Vai trò', { exact: true })).toHaveValue('editor');
  await expect(password).toHaveValue('123456789');
  await expectNoAxeViolations(page);

  // The error answered the short password: it goes once the password is changed.
  await password.fill('mat-khau-du-dai-2024');
  await expect(password).toHaveAttribute('aria-invalid', 'false');
  await form.getByRole('button', { name: 'Thêm tài khoản' }).click();
  await expect(form.getByText('Đã thêm tài khoản.')).toBeVisible();
  await expect(form.getByLabel('Họ tên')).toHaveValue('');
  await expect(
    page.getByRole('region', { name: 'Danh sách tài khoản' }).getByText('bientap-ngan@example.vn · Biên tập viên'),
  ).toBeVisible();

  // The audit log says it as a sentence, linking to the account, and fits a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/quan-tri/nhat-ky');
  const newest = page
    .getByRole('list', { name: /Nhật ký hoạt động/ })
    .getByRole('listitem')
    .first();
  await expect(newest).toContainText(
    'Quản trị viên đã thêm tài khoản “Nguyễn Thị Biên Tập (bientap-ngan@example.vn)” với vai trò Biên tập viên.',
  );
  await expect(newest.getByRole('link', { name: '“Nguyễn Thị Biên Tập (bientap-ngan@example.vn)”' })).toHaveAttribute(
    'href',
    '/quan-tri/tai-khoan',
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
});

test('login: keeps the page asked for, answers an empty form in Vietnamese', async ({ page }) => {
  await page.goto('/quan-tri/thu-vien-anh');
  await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Fquan-tri%2Fthu-vien-anh$/);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Nhập email của bạn.')).toBeVisible();
  await expect(page.getByText('Nhập mật khẩu.')).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/thu-vien-anh$/);

  // The browser's own checks speak Vietnamese too, and the file button is ours.
  const upload = page.getByRole('form', { name: 'Tải ảnh lên' });
  await upload.getByRole('button', { name: 'Tải lên' }).click();
  const message = await upload.getByLabel('Tệp ảnh').evaluate((input: HTMLInputElement) => input.validationMessage);
  expect(message).toBe('Vui lòng chọn tệp.');
  await expect(upload.getByText('Chưa chọn tệp nào')).toBeVisible();
  await expect(page.getByText('Quản trị viên · Quản trị viên')).toHaveCount(0);
});

test('Lịch sử counts the versions it says there are, the seed article’s first one included', async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto('/quan-tri/bai-viet/1/lich-su');
  const current = Number(/phiên bản hiện tại (\d+)/.exec((await page.getByText(/phiên bản hiện tại \d+/).textContent()) ?? '')?.[1]);
  const versions = page.getByRole('region', { name: /Các phiên bản/ });
  await expect(versions.getByRole('heading')).toHaveText(`Các phiên bản (${current})`);
  await expect(versions.getByRole('listitem').last()).toContainText('Phiên bản 1');
});
