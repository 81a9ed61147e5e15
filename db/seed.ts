import { sql } from 'drizzle-orm';
import { slugify } from '../lib/slug';
import type { Db } from './index';
import { articles, categories, contactBlocks, contactEntries, documentCatalog, siteSettings } from './schema';
import { seedArticle } from './seed-article';
import { defaultSiteInfo, SETTING_KEYS } from './settings-defaults';

export const seedCategories = [
  'Tin tức - Sự kiện',
  'Thi đua Khen thưởng',
  'Cải cách hành chính',
  'Tổ chức bộ máy - Biên chế',
  'Công chức, viên chức',
  'Chính quyền địa phương',
  'Tôn giáo',
  'Văn thư - Lưu trữ',
  'Công tác thanh niên',
  'Thanh tra',
  'Văn bản - Thông báo',
] as const;

export const seedContactBlocks = [
  {
    title: 'Số điện thoại tiếp nhận phản ánh kiến nghị về TTHC',
    entries: [
      { name: 'Ông Trương Long Hồ (Phó Giám Đốc Sở)', phones: ['0983.570.009'], email: 'tlho@angiang.gov.vn' },
      { name: 'Phòng Tổng hợp - UBND tỉnh', phones: ['02963.957.006'], email: 'thutuchanhchinh@angiang.gov.vn' },
      { name: 'Tổ kiểm tra công vụ', phones: ['02963.957.049', '0378.247.247'], email: 'kiemtracongvu@angiang.gov.vn' },
    ],
  },
  {
    title: 'Đường dây nóng ngành Nội vụ An Giang',
    entries: [
      { name: 'Ông Ngô Hồng Yến (Giám Đốc Sở)', phones: ['0913.658.627'], email: null },
      { name: 'Bà Ngô Thị Ngọc Hạnh (Chánh Văn phòng Sở)', phones: ['0968.078.529'], email: null },
      { name: 'Thanh tra Sở', phones: ['02963.981.818'], email: null },
    ],
  },
] as const;

/**
 * The lists a document is described with. Real names only (the forms of Vietnamese legal
 * documents, the bodies that issue them to a provincial department, the department's fields);
 * never a document: the list of documents starts empty.
 */
export const seedDocumentCatalog = [
  {
    kind: 'type',
    names: ['Luật', 'Nghị định', 'Nghị quyết', 'Thông tư', 'Quyết định', 'Chỉ thị', 'Công văn', 'Kế hoạch', 'Thông báo', 'Báo cáo', 'Hướng dẫn'],
  },
  {
    kind: 'issuer',
    names: ['Quốc hội', 'Chính phủ', 'Thủ tướng Chính phủ', 'Bộ Nội vụ', 'HĐND tỉnh An Giang', 'UBND tỉnh An Giang', 'Sở Nội vụ tỉnh An Giang'],
  },
  {
    kind: 'field',
    names: [
      'Tổ chức bộ máy - Biên chế',
      'Công chức, viên chức',
      'Chính quyền địa phương',
      'Cải cách hành chính',
      'Thi đua, khen thưởng',
      'Tôn giáo',
      'Văn thư, lưu trữ',
      'Công tác thanh niên',
      'Thanh tra',
    ],
  },
] as const;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Loads the default content into an empty database, once: the department, its categories, the
 * sidebar contact blocks and the one real article from the old site. Never invents news.
 */
export async function seedDatabase(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await tx.select({ n: sql<number>`count(*)::int` }).from(categories);
    if ((existing[0]?.n ?? 0) > 0) return;

    const inserted = await tx
      .insert(categories)
      .values(seedCategories.map((name, position) => ({ name, slug: slugify(name), position })))
      .returning({ id: categories.id, name: categories.name });
    const categoryId = inserted.find((c) => c.name === seedArticle.categoryName)?.id;
    if (!categoryId) throw new Error(`Seed category missing: ${seedArticle.categoryName}`);

    await tx.insert(articles).values({
      slug: slugify(seedArticle.title),
      title: seedArticle.title,
      summary: seedArticle.summary,
      bodyHtml: seedArticle.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
      categoryId,
      byline: seedArticle.byline,
      status: 'published',
      publishedAt: new Date(seedArticle.publishedAt),
      updatedAt: new Date(seedArticle.publishedAt),
      createdAt: new Date(seedArticle.publishedAt),
    });

    for (const [position, block] of seedContactBlocks.entries()) {
      const [row] = await tx.insert(contactBlocks).values({ title: block.title, position }).returning({ id: contactBlocks.id });
      await tx.insert(contactEntries).values(
        block.entries.map((entry, index) => ({
          blockId: row!.id,
          position: index,
          name: entry.name,
          phones: [...entry.phones],
          email: entry.email,
        })),
      );
    }

    await tx.insert(siteSettings).values([
      { key: SETTING_KEYS.site, value: defaultSiteInfo },
      { key: SETTING_KEYS.visitCounterOffset, value: Number(process.env.VISIT_COUNTER_OFFSET ?? 0) || 0 },
    ]);
  });
  await seedDocumentCatalogOnce(db);
}

/** Separate from the first seed so a portal that already has content gets the lists on upgrade. */
async function seedDocumentCatalogOnce(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await tx.select({ n: sql<number>`count(*)::int` }).from(documentCatalog);
    if ((existing[0]?.n ?? 0) > 0) return;
    await tx
      .insert(documentCatalog)
      .values(seedDocumentCatalog.flatMap(({ kind, names }) => names.map((name, position) => ({ kind, name, position }))))
      .onConflictDoNothing();
  });
}
