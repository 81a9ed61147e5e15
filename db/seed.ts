import { sql } from 'drizzle-orm';
import { slugify } from '../lib/slug';
import type { Db } from './index';
import { articles, categories, contactBlocks, contactEntries, documentCatalog, orgUnits, people, siteSettings } from './schema';
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

/**
 * The directory as the old site's page states it, and nothing more: the units and people its
 * sidebar names (Ban Giám đốc for the Giám đốc and Phó Giám đốc, Văn phòng Sở for its Chánh Văn
 * phòng, and Ban Thi đua - Khen thưởng from the seed article's byline), with their numbers and
 * emails. English names are left empty (the English pages then show the Vietnamese ones).
 */
export const seedUnits = [
  { key: 'leadership', name: 'Ban Giám đốc', phones: [], email: null },
  { key: 'office', name: 'Văn phòng Sở', phones: [], email: null },
  { key: 'inspectorate', name: 'Thanh tra Sở', phones: ['02963.981.818'], email: null },
  { key: 'inspectionTeam', name: 'Tổ kiểm tra công vụ', phones: ['02963.957.049', '0378.247.247'], email: 'kiemtracongvu@angiang.gov.vn' },
  { key: 'emulation', name: 'Ban Thi đua - Khen thưởng', phones: [], email: null },
] as const;

export const seedPeople = [
  {
    key: 'director',
    unit: 'leadership',
    honorific: 'Ông',
    fullName: 'Ngô Hồng Yến',
    title: 'Giám đốc Sở',
    phones: ['0913.658.627'],
    email: null,
    leader: true,
  },
  {
    key: 'deputy',
    unit: 'leadership',
    honorific: 'Ông',
    fullName: 'Trương Long Hồ',
    title: 'Phó Giám đốc Sở',
    phones: ['0983.570.009'],
    email: 'tlho@angiang.gov.vn',
    leader: true,
  },
  {
    key: 'officeChief',
    unit: 'office',
    honorific: 'Bà',
    fullName: 'Ngô Thị Ngọc Hạnh',
    title: 'Chánh Văn phòng Sở',
    phones: ['0968.078.529'],
    email: null,
    leader: false,
  },
] as const;

type SeedKey = (typeof seedUnits)[number]['key'] | (typeof seedPeople)[number]['key'];

/**
 * The sidebar as the old site shows it. Entries of the directory keep the old wording as their
 * label ("Giám Đốc Sở" as the old page wrote it) so the sidebar renders exactly as before; their
 * numbers and emails come from the directory.
 */
export const seedContactBlocks: readonly {
  title: string;
  entries: readonly ({ label: string; source: SeedKey } | { name: string; phones: readonly string[]; email: string | null })[];
}[] = [
  {
    title: 'Số điện thoại tiếp nhận phản ánh kiến nghị về TTHC',
    entries: [
      { label: 'Ông Trương Long Hồ (Phó Giám Đốc Sở)', source: 'deputy' },
      { name: 'Phòng Tổng hợp - UBND tỉnh', phones: ['02963.957.006'], email: 'thutuchanhchinh@angiang.gov.vn' },
      { label: '', source: 'inspectionTeam' },
    ],
  },
  {
    title: 'Đường dây nóng ngành Nội vụ An Giang',
    entries: [
      { label: 'Ông Ngô Hồng Yến (Giám Đốc Sở)', source: 'director' },
      { label: 'Bà Ngô Thị Ngọc Hạnh (Chánh Văn phòng Sở)', source: 'officeChief' },
      { label: '', source: 'inspectorate' },
    ],
  },
];

/**
 * The lists a document is described with. Real names only (the forms of Vietnamese legal
 * documents, the bodies that issue them to a provincial department, the department's fields);
 * never a document: the list of documents starts empty.
 */
export const seedDocumentCatalog = [
  {
    kind: 'type',
    names: [
      'Luật',
      'Nghị định',
      'Nghị quyết',
      'Thông tư',
      'Quyết định',
      'Chỉ thị',
      'Công văn',
      'Kế hoạch',
      'Thông báo',
      'Báo cáo',
      'Hướng dẫn',
    ],
  },
  {
    kind: 'issuer',
    names: [
      'Quốc hội',
      'Chính phủ',
      'Thủ tướng Chính phủ',
      'Bộ Nội vụ',
      'HĐND tỉnh An Giang',
      'UBND tỉnh An Giang',
      'Sở Nội vụ tỉnh An Giang',
    ],
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
 * sidebar contact blocks, the directory they draw from and the one real article from the old site. Never invents news.
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

    const unitIds = new Map<string, number>();
    for (const [position, unit] of seedUnits.entries()) {
      const [row] = await tx
        .insert(orgUnits)
        .values({ name: unit.name, position, phones: [...unit.phones], email: unit.email })
        .returning({ id: orgUnits.id });
      unitIds.set(unit.key, row!.id);
    }
    const personIds = new Map<string, number>();
    for (const [position, person] of seedPeople.entries()) {
      const { key, unit, phones, ...values } = person;
      const [row] = await tx
        .insert(people)
        .values({ ...values, phones: [...phones], unitId: unitIds.get(unit)!, position })
        .returning({ id: people.id });
      personIds.set(key, row!.id);
    }

    for (const [position, block] of seedContactBlocks.entries()) {
      const [row] = await tx.insert(contactBlocks).values({ title: block.title, position }).returning({ id: contactBlocks.id });
      await tx.insert(contactEntries).values(
        block.entries.map((entry, index) =>
          'source' in entry
            ? {
                blockId: row!.id,
                position: index,
                name: entry.label,
                personId: personIds.get(entry.source) ?? null,
                unitId: unitIds.get(entry.source) ?? null,
              }
            : { blockId: row!.id, position: index, name: entry.name, phones: [...entry.phones], email: entry.email },
        ),
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
