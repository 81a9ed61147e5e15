import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, provideDatabase } from '@/db';
import {
  getPublishedArticleBySlug,
  listCategoryArticles,
  listLatestArticles,
  listLatestArticlesPerCategory,
  listRelatedArticles,
} from '@/db/queries/articles';
import { getCategoryBySlug, listMenuCategories } from '@/db/queries/categories';
import { listContactBlocks } from '@/db/queries/contacts';
import { getSiteInfo } from '@/db/queries/settings';
import { articles, categories } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { databaseKinds, requirePostgresOrSkip, type TestDatabase } from '../helpers/databases';

const SEED_SLUG = 'hoi-nghi-so-ket-giao-uoc-thi-dua-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam-2018-cac-tinh-tay-nam-bo';

for (const kind of databaseKinds) {
  describe(`content on ${kind.name}`, () => {
    let database: TestDatabase | undefined;

    beforeAll(async () => {
      if (kind.name === 'PostgreSQL' && !(await requirePostgresOrSkip())) return;
      database = await kind.create();
      provideDatabase(database);
    });
    afterAll(async () => {
      await database?.drop();
    });

    it('holds the seed article exactly as the old site showed it', async ({ skip }) => {
      if (!database) return skip();
      const article = await getPublishedArticleBySlug({ slug: SEED_SLUG });
      expect(article).not.toBeNull();
      expect(article!.title).toBe(
        'HỘI NGHỊ SƠ KẾT GIAO ƯỚC THI ĐUA 6 THÁNG ĐẦU NĂM VÀ TRIỂN KHAI NHIỆM VỤ 6 THÁNG CUỐI NĂM 2018 CÁC TỈNH TÂY NAM BỘ',
      );
      expect(article!.categoryName).toBe('Thi đua Khen thưởng');
      expect(article!.publishedAt!.toISOString()).toBe('2018-08-07T00:37:00.000Z');
      expect(article!.byline).toBe('Bích Thuỷ - Ban Thi đua khen thưởng');
      expect(article!.summary).toMatch(/^Sáng ngày 25\/7\/2018, Cụm thi đua các tỉnh Tây Nam Bộ/);
      expect(article!.bodyHtml).not.toContain('\u00a0');
      expect(article!.bodyHtml.match(/<p>/g)).toHaveLength(4);
      expect(article!.bodyHtml).toContain('thu ngân sách hơn 52.623 tỉ đồng');
      expect(article!.bodyHtml).toContain('phù hợp với tình hình thực tế của mỗi địa phương./.');
      expect(article!.synthetic).toBe(false);
    });

    it('keeps every word of the seed page', async ({ skip }) => {
      if (!database) return skip();
      const source = await import('node:fs').then((fs) =>
        fs.readFileSync(path.resolve(import.meta.dirname, '../../db/seed-article.ts'), 'utf8'),
      );
      const article = await getPublishedArticleBySlug({ slug: SEED_SLUG });
      const words = (text: string) =>
        text
          .replace(/<[^>]+>/g, ' ')
          .split(/\s+/)
          .filter(Boolean);
      const stored = words(`${article!.summary} ${article!.bodyHtml}`).join(' ');
      const paragraphs = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as {
        summary: string;
        paragraphs: string[];
      };
      expect(stored).toBe(words([paragraphs.summary, ...paragraphs.paragraphs].join(' ')).join(' '));
    });

    it('has the two sidebar blocks with every name, number and email', async ({ skip }) => {
      if (!database) return skip();
      const blocks = await listContactBlocks();
      expect(blocks.map((b) => b.title)).toEqual([
        'Số điện thoại tiếp nhận phản ánh kiến nghị về TTHC',
        'Đường dây nóng ngành Nội vụ An Giang',
      ]);
      expect(blocks[0]!.entries).toEqual([
        expect.objectContaining({ name: 'Ông Trương Long Hồ (Phó Giám Đốc Sở)', phones: ['0983.570.009'], email: 'tlho@angiang.gov.vn' }),
        expect.objectContaining({ name: 'Phòng Tổng hợp - UBND tỉnh', phones: ['02963.957.006'], email: 'thutuchanhchinh@angiang.gov.vn' }),
        expect.objectContaining({
          name: 'Tổ kiểm tra công vụ',
          phones: ['02963.957.049', '0378.247.247'],
          email: 'kiemtracongvu@angiang.gov.vn',
        }),
      ]);
      expect(blocks[1]!.entries).toEqual([
        expect.objectContaining({ name: 'Ông Ngô Hồng Yến (Giám Đốc Sở)', phones: ['0913.658.627'], email: null }),
        expect.objectContaining({ name: 'Bà Ngô Thị Ngọc Hạnh (Chánh Văn phòng Sở)', phones: ['0968.078.529'], email: null }),
        expect.objectContaining({ name: 'Thanh tra Sở', phones: ['02963.981.818'], email: null }),
      ]);
    });

    it('names the department and a category list fit for it', async ({ skip }) => {
      if (!database) return skip();
      expect((await getSiteInfo()).name).toBe('Sở Nội vụ tỉnh An Giang');
      const names = (await listMenuCategories()).map((c) => c.name);
      for (const expected of [
        'Tin tức - Sự kiện',
        'Thi đua Khen thưởng',
        'Cải cách hành chính',
        'Tôn giáo',
        'Văn thư - Lưu trữ',
        'Công tác thanh niên',
      ]) {
        expect(names).toContain(expected);
      }
      expect(await getCategoryBySlug({ slug: 'cai-cach-hanh-chinh' })).toMatchObject({ name: 'Cải cách hành chính' });
      expect(await getCategoryBySlug({ slug: 'khong-co' })).toBeNull();
    });

    it('seeds once: a second start adds nothing', async ({ skip }) => {
      if (!database) return skip();
      await seedDatabase(database.db);
      const [a] = await database.db.select({ n: count() }).from(articles);
      const [c] = await database.db.select({ n: count() }).from(categories);
      expect(a!.n).toBe(1);
      expect(c!.n).toBe(11);
    });

    it('lists public articles by category, page by page, and hides drafts and scheduled ones', async ({ skip }) => {
      if (!database) return skip();
      const category = await getCategoryBySlug({ slug: 'cai-cach-hanh-chinh' });
      const base = { categoryId: category!.id, summary: 'Tóm tắt', bodyHtml: '<p>Nội dung</p>', synthetic: true };
      const published = Array.from({ length: 12 }, (_, i) => ({
        ...base,
        slug: `bai-thu-${i}`,
        title: `Bài thử ${i}`,
        status: 'published' as const,
        publishedAt: new Date(Date.UTC(2025, 0, i + 1)),
      }));
      await database.db
        .insert(articles)
        .values([
          ...published,
          { ...base, slug: 'ban-nhap', title: 'Bản nháp', status: 'draft' },
          { ...base, slug: 'hen-gio', title: 'Hẹn giờ', status: 'published', publishedAt: new Date(Date.now() + 86_400_000) },
        ]);

      const page1 = await listCategoryArticles({ categoryId: category!.id, page: 1, pageSize: 10 });
      expect(page1.total).toBe(12);
      expect(page1.items.map((a) => a.slug)).toEqual(Array.from({ length: 10 }, (_, i) => `bai-thu-${11 - i}`));
      const page2 = await listCategoryArticles({ categoryId: category!.id, page: 2, pageSize: 10 });
      expect(page2.items.map((a) => a.slug)).toEqual(['bai-thu-1', 'bai-thu-0']);

      expect(await getPublishedArticleBySlug({ slug: 'ban-nhap' })).toBeNull();
      expect(await getPublishedArticleBySlug({ slug: 'hen-gio' })).toBeNull();

      // "Tin mới nhất" is newest first: the 2018 seed article no longer leads (issue #18).
      const latest = await listLatestArticles({ limit: 3 });
      expect(latest.map((a) => a.slug)).toEqual(['bai-thu-11', 'bai-thu-10', 'bai-thu-9']);

      const perCategory = await listLatestArticlesPerCategory({ perCategory: 4 });
      expect(perCategory.filter((a) => a.categorySlug === 'cai-cach-hanh-chinh')).toHaveLength(4);
      expect(perCategory.filter((a) => a.categorySlug === 'thi-dua-khen-thuong').map((a) => a.slug)).toEqual([SEED_SLUG]);

      const related = await listRelatedArticles({ categoryId: category!.id, excludeId: page1.items[0]!.id, limit: 5 });
      expect(related.map((a) => a.slug)).toEqual(['bai-thu-10', 'bai-thu-9', 'bai-thu-8', 'bai-thu-7', 'bai-thu-6']);

      await database.db.delete(articles).where(eq(articles.categoryId, category!.id));
    });
  });
}

describe('the PGlite data folder', () => {
  it('refuses a second process with a clear message instead of losing writes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-lock-'));
    const first = await openDatabase({ dir });
    try {
      const script = `
        import('${path.resolve(import.meta.dirname, '../../db/index.ts')}')
          .then((m) => m.openDatabase({ dir: ${JSON.stringify(dir)} }))
          .then(() => { console.log('OPENED'); process.exit(0); })
          .catch((e) => { console.log(e.message); process.exit(3); });`;
      const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
      const second = spawnSync(tsx, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
      expect(second.status).toBe(3);
      expect(second.stdout).toContain('đang được tiến trình');
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
