import 'server-only';
import { and, asc, count, desc, eq, isNotNull, lte, max, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { articles, categories, documentCatalog, documents, procedures, questions } from '../schema';

/** Feeds, the XML site map and "Sơ đồ cổng": what they list of the public content. */

export type FeedArticle = {
  slug: string;
  title: string;
  summary: string;
  byline: string;
  publishedAt: Date;
  categoryName: string;
};

const isPublicArticle = () => and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`));

/** The newest public articles, of one category when a slug is given; null when no such category exists. */
export async function listFeedArticles({ categorySlug, limit }: { categorySlug?: string; limit: number }): Promise<FeedArticle[] | null> {
  const db = await getDb();
  if (categorySlug !== undefined) {
    const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, categorySlug)).limit(1);
    if (!category) return null;
  }
  const rows = await db
    .select({
      slug: articles.slug,
      title: articles.title,
      summary: articles.summary,
      byline: articles.byline,
      publishedAt: articles.publishedAt,
      categoryName: categories.name,
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(categorySlug === undefined ? isPublicArticle() : and(isPublicArticle(), eq(categories.slug, categorySlug)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) }));
}

export type FeedDocument = { slug: string; number: string; summary: string; typeName: string; publishedAt: Date };

/** The documents most recently put on the portal. */
export async function listFeedDocuments({ limit }: { limit: number }): Promise<FeedDocument[]> {
  const db = await getDb();
  const rows = await db
    .select({
      slug: documents.slug,
      number: documents.number,
      summary: documents.summary,
      typeName: documentCatalog.name,
      publishedAt: documents.publishedAt,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .innerJoin(documentCatalog, eq(documentCatalog.id, documents.typeId))
    .where(eq(documents.status, 'published'))
    .orderBy(desc(documents.publishedAt), desc(documents.id))
    .limit(limit);
  return rows.map(({ createdAt, ...row }) => ({ ...row, publishedAt: row.publishedAt ?? createdAt }));
}

/** A question and its answer on /hoi-dap: published, at its own address. */
function isPublicQuestion() {
  return and(isNotNull(questions.publishedAt), isNotNull(questions.slug));
}

export type SitemapKind = 'articles' | 'documents' | 'procedures' | 'questions';
export type SitemapRow = { slug: string; lastmod: Date };

/** How many public addresses of each kind with rows the site map lists. */
export async function countSitemapRows(): Promise<Record<SitemapKind, number>> {
  const db = await getDb();
  const [[a], [d], [p], [q]] = await Promise.all([
    db.select({ n: count() }).from(articles).where(isPublicArticle()),
    db.select({ n: count() }).from(documents).where(eq(documents.status, 'published')),
    db.select({ n: count() }).from(procedures).where(eq(procedures.status, 'published')),
    db.select({ n: count() }).from(questions).where(isPublicQuestion()),
  ]);
  return { articles: a?.n ?? 0, documents: d?.n ?? 0, procedures: p?.n ?? 0, questions: q?.n ?? 0 };
}

/** One slice of a kind's public addresses with their last change, in a stable order (by id). */
export async function listSitemapRows({
  kind,
  offset,
  limit,
}: {
  kind: SitemapKind;
  offset: number;
  limit: number;
}): Promise<SitemapRow[]> {
  const db = await getDb();
  if (kind === 'articles') {
    return db
      .select({ slug: articles.slug, lastmod: articles.updatedAt })
      .from(articles)
      .where(isPublicArticle())
      .orderBy(asc(articles.id))
      .offset(offset)
      .limit(limit);
  }
  if (kind === 'questions') {
    const rows = await db
      .select({ slug: questions.slug, lastmod: questions.updatedAt })
      .from(questions)
      .where(isPublicQuestion())
      .orderBy(asc(questions.id))
      .offset(offset)
      .limit(limit);
    return rows.map((row) => ({ slug: row.slug ?? '', lastmod: row.lastmod }));
  }
  const table = kind === 'documents' ? documents : procedures;
  return db
    .select({ slug: table.slug, lastmod: table.updatedAt })
    .from(table)
    .where(eq(table.status, 'published'))
    .orderBy(asc(table.id))
    .offset(offset)
    .limit(limit);
}

export type SitemapCategory = { slug: string; name: string; inMenu: boolean; lastmod: Date | null };

/** Every category with the time of its newest public article. */
export async function listSitemapCategories(): Promise<SitemapCategory[]> {
  const db = await getDb();
  const latest = db
    .select({ categoryId: articles.categoryId, at: max(articles.publishedAt).as('at') })
    .from(articles)
    .where(isPublicArticle())
    .groupBy(articles.categoryId)
    .as('latest');
  const rows = await db
    .select({ slug: categories.slug, name: categories.name, inMenu: categories.inMenu, lastmod: latest.at })
    .from(categories)
    .leftJoin(latest, eq(latest.categoryId, categories.id))
    .orderBy(asc(categories.position), asc(categories.id));
  return rows.map((row) => ({ ...row, lastmod: row.lastmod ? new Date(row.lastmod) : null }));
}
