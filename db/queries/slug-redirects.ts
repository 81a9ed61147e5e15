import { and, eq, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { articles, articleSlugRedirects } from '../schema';

// No 'server-only' here: the proxy's bundle loads this module (server/slug-redirects.ts).

/** Old slugs of published articles, with the article's current slug. */
async function selectRedirects(where?: SQL) {
  const db = await getDb();
  return db
    .select({ oldSlug: articleSlugRedirects.oldSlug, slug: articles.slug })
    .from(articleSlugRedirects)
    .innerJoin(articles, eq(articles.id, articleSlugRedirects.articleId))
    .where(and(eq(articles.status, 'published'), where));
}

/** Every old slug of a published article, mapped to its current slug. */
export async function listArticleSlugRedirects(): Promise<Map<string, string>> {
  return new Map((await selectRedirects()).map((row) => [row.oldSlug, row.slug]));
}

/** The current slug of the published article that once lived at `slug`. */
export async function getRedirectedArticleSlug({ slug }: { slug: string }): Promise<string | null> {
  const [row] = await selectRedirects(eq(articleSlugRedirects.oldSlug, slug));
  return row?.slug ?? null;
}
