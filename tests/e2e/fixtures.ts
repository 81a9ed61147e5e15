import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const SEED_ARTICLE = {
  slug: 'hoi-nghi-so-ket-giao-uoc-thi-dua-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam-2018-cac-tinh-tay-nam-bo',
  title: 'HỘI NGHỊ SƠ KẾT GIAO ƯỚC THI ĐUA 6 THÁNG ĐẦU NĂM VÀ TRIỂN KHAI NHIỆM VỤ 6 THÁNG CUỐI NĂM 2018 CÁC TỈNH TÂY NAM BỘ',
  time: '07:37 07/08/2018',
  byline: 'Bích Thuỷ - Ban Thi đua khen thưởng',
  category: 'Thi đua Khen thưởng',
  categorySlug: 'thi-dua-khen-thuong',
};

export const PUBLIC_PAGES = [
  { name: 'Trang chủ', path: '/' },
  { name: 'Chuyên mục', path: `/chuyen-muc/${SEED_ARTICLE.categorySlug}` },
  { name: 'Bài viết', path: `/tin-tuc/${SEED_ARTICLE.slug}` },
];

/** The sidebar as a visitor meets it: its contact blocks, found by their headings. */
export class Sidebar {
  constructor(private readonly page: Page) {}

  get region() {
    return this.page.getByRole('complementary', { name: 'Thông tin liên hệ và thống kê' });
  }

  block(title: string) {
    return this.region.getByRole('region', { name: title });
  }
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** The first admin the e2e server creates (scripts/e2e-server.mjs). */
export const ADMIN = { email: 'quantri@example.vn', password: 'mat-khau-e2e-2024' };

export type Account = { email: string; password: string };
export type NewAccount = Account & {
  name: string;
  role: 'Phóng viên' | 'Biên tập viên' | 'Quản trị viên' | 'Người xem thống kê' | 'Cán bộ trả lời';
};

export async function logIn(page: Page, account: Account) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // The first login on a fresh server also renders /quan-tri for the first time, after a 128 MiB
  // scrypt hash: on a loaded 2-core machine that has taken more than the default 5 s.
  await expect(page).toHaveURL(/\/quan-tri$/, { timeout: 20_000 });
}

/** Adds an account at /quan-tri/tai-khoan; `admin` is a page logged in as an admin. */
export async function addAccount(admin: Page, account: NewAccount) {
  await admin.goto('/quan-tri/tai-khoan');
  const form = admin.getByRole('region', { name: 'Thêm tài khoản' });
  await form.getByLabel('Họ tên').fill(account.name);
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Vai trò', { exact: true }).selectOption({ label: account.role });
  await form.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(account.password);
  await form.getByRole('button', { name: 'Thêm tài khoản' }).click();
  await expect(form.getByText('Đã thêm tài khoản.')).toBeVisible();
}
