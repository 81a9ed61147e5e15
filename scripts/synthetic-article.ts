import type { NewArticle } from '../db/schema';

/**
 * One synthetic article, unmistakably marked: synthetic = true, a title starting
 * "[Dữ liệu thử nghiệm]", and a body saying it is not official information. `source` names the
 * command that made it (seed:demo, seed:traffic).
 */
export function syntheticArticle({
  slug,
  n,
  category,
  publishedAt,
  source,
}: {
  slug: string;
  n: number;
  category: { id: number; name: string };
  publishedAt: Date;
  source: string;
}): NewArticle {
  return {
    slug,
    title: `[Dữ liệu thử nghiệm] Bài viết mẫu số ${n} - ${category.name}`,
    summary: `Bài viết mẫu số ${n} do lệnh ${source} tạo ra để phát triển và đo hiệu năng; không phải tin thật.`,
    bodyHtml: `<p>Bài viết mẫu số ${n}. Nội dung này là dữ liệu thử nghiệm, không phải thông tin chính thức của Sở Nội vụ tỉnh An Giang.</p>`,
    categoryId: category.id,
    byline: 'Dữ liệu thử nghiệm',
    status: 'published',
    synthetic: true,
    publishedAt,
    createdAt: publishedAt,
    updatedAt: publishedAt,
  };
}
