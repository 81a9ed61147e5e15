import 'server-only';
import { and, count, desc, eq, lte, ne, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { articles, categories, media } from '../schema';

/** What public pages show of an article; never the internal fields. */
const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  publishedAt: articles.publishedAt,
  synthetic: articles.synthetic,
  categorySlug: categories.slug,
  categoryName: categories.name,
};

export type ArticleCard = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
  synthetic: boolean;
  categorySlug: string;
  categoryName: string;
};

// Scheduled articles (published_at in the future) stay hidden until their minute comes.
const isPublic = () => and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`));

function asCards(rows: Array<Omit<ArticleCard, 'publishedAt'> & { publishedAt: Date | null }>): ArticleCard[] {
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) }));
}

async function selectArticleBySlug(slug: string, onlyPublic: boolean) {
  const db = await getDb();
  const [row] = await db
    .select({
      ...cardColumns,
      bodyHtml: articles.bodyHtml,
      byline: articles.byline,
      categoryId: articles.categoryId,
      updatedAt: articles.updatedAt,
      status: articles.status,
      authorId: articles.authorId,
      // Null when the article has no cover (drizzle nulls an object whose left join found nothing).
      cover: { id: media.id, key: media.publicKey, alt: media.alt, width: media.width, height: media.height },
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(onlyPublic ? and(eq(articles.slug, slug), isPublic()) : eq(articles.slug, slug))
    .limit(1);
  return row ?? null;
}

export type ArticleDetail = NonNullable<Awaited<ReturnType<typeof selectArticleBySlug>>>;

/** What the public may read: published, and its publication time has come. */
export function getPublishedArticleBySlug({ slug }: { slug: string }): Promise<ArticleDetail | null> {
  return selectArticleBySlug(slug, true);
}

/** Any status: for the staff view of an article, after the caller checked who may see it. */
export function getArticleBySlugForStaff({ slug }: { slug: string }): Promise<ArticleDetail | null> {
  return selectArticleBySlug(slug, false);
}

export async function listLatestArticles({ limit }: { limit: number }): Promise<ArticleCard[]> {
  const db = await getDb();
  const rows = await db
    .select(cardColumns)
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(isPublic())
    // Newest first, nothing else: a hidden "featured" flag staff cannot set put the 2018 seed
    // article above this year's news.
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return asCards(rows);
}

export async function listRelatedArticles({
  categoryId,
  excludeId,
  limit,
}: {
  categoryId: number;
  excludeId: number;
  limit: number;
}): Promise<ArticleCard[]> {
  const db = await getDb();
  const rows = await db
    .select(cardColumns)
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(isPublic(), eq(articles.categoryId, categoryId), ne(articles.id, excludeId)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return asCards(rows);
}

export async function listCategoryArticles({
  categoryId,
  page,
  pageSize,
}: {
  categoryId: number;
  page: number;
  pageSize: number;
}): Promise<{ items: ArticleCard[]; total: number }> {
  const db = await getDb();
  const where = and(isPublic(), eq(articles.categoryId, categoryId));
  const [rows, totals] = await Promise.all([
    db
      .select(cardColumns)
      .from(articles)
      .innerJoin(categories, eq(categories.id, articles.categoryId))
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(articles).where(where),
  ]);
  return { items: asCards(rows), total: totals[0]?.n ?? 0 };
}

/** The newest `perCategory` public articles of every category, in one query. */
export async function listLatestArticlesPerCategory({ perCategory }: { perCategory: number }): Promise<ArticleCard[]> {
  const db = await getDb();
  const ranked = db
    .select({
      ...cardColumns,
      // Both tables have a slug column: a subquery needs distinct names.
      categorySlug: sql<string>`${categories.slug}`.as('category_slug'),
      categoryName: sql<string>`${categories.name}`.as('category_name'),
      rank: sql<number>`row_number() over (partition by ${articles.categoryId} order by ${articles.publishedAt} desc, ${articles.id} desc)`.as(
        'rank',
      ),
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(isPublic())
    .as('ranked');
  const rows = await db
    .select({
      id: ranked.id,
      slug: ranked.slug,
      title: ranked.title,
      summary: ranked.summary,
      publishedAt: ranked.publishedAt,
      synthetic: ranked.synthetic,
      categorySlug: ranked.categorySlug,
      categoryName: ranked.categoryName,
    })
    .from(ranked)
    .where(lte(ranked.rank, perCategory))
    .orderBy(desc(ranked.publishedAt));
  return asCards(rows);
}
