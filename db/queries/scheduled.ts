import 'server-only';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../index';
import { articles, categories } from '../schema';

/**
 * Published articles whose publication time fell in (after, until]: they became public in that
 * window and the cached pages that show them must be rendered again.
 */
export async function listArticlesDueBetween({ db, after, until }: { db: Db; after: Date; until: Date }): Promise<{ slug: string; categorySlug: string }[]> {
  return db
    .select({ slug: articles.slug, categorySlug: categories.slug })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .where(and(eq(articles.status, 'published'), gt(articles.publishedAt, after), lte(articles.publishedAt, until)));
}

/** The next publication time after `after`, if an article is scheduled. */
export async function getNextScheduledTime({ db, after }: { db: Db; after: Date }): Promise<Date | null> {
  const [row] = await db
    .select({ at: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.status, 'published'), gt(articles.publishedAt, after)))
    .orderBy(asc(articles.publishedAt))
    .limit(1);
  return row?.at ?? null;
}
