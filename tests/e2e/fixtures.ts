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
