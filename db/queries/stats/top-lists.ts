import 'server-only';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { articles, pageViewCumulative, pageViewDaily } from '../../schema';
import type { DayRange } from '@/lib/stats/range';
import { freshCheckpoints, rangeParts, viewsByKey } from './checkpoints';
import { type Conn, connection } from './shared';

export type TopArticle = { id: number; title: string; slug: string; views: number };

/** The most viewed articles of the range, by title (an article's old and new addresses add up). */
export async function listTopArticles({
  db,
  range,
  limit = 10,
  now = Date.now(),
}: {
  db?: Conn;
  range: DayRange;
  limit?: number;
  now?: number;
}): Promise<TopArticle[]> {
  const conn = await connection(db);
  // A few spare rows: an article deleted since keeps its views in the running totals but has no title.
  const top = await viewsByKey<number>(conn, await rangeParts(conn, range, now), 'article', limit + 5);
  if (top.length === 0) return [];
  const rows = await conn
    .select({ id: articles.id, title: articles.title, slug: articles.slug })
    .from(articles)
    .where(
      inArray(
        articles.id,
        top.map((row) => row.key),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return top
    .flatMap((row) => {
      const article = byId.get(row.key);
      return article ? [{ ...article, views: row.views }] : [];
    })
    .slice(0, limit);
}

export type TopPage = { path: string; views: number };

/** The most viewed pages (paths) of the range; unknown addresses are one row, '(khác)'. */
export async function listTopPages({
  db,
  range,
  limit = 10,
  now = Date.now(),
}: {
  db?: Conn;
  range: DayRange;
  limit?: number;
  now?: number;
}): Promise<TopPage[]> {
  const conn = await connection(db);
  const top = await viewsByKey<string>(conn, await rangeParts(conn, range, now), 'path', limit);
  return top.map((row) => ({ path: row.key, views: row.views }));
}

/**
 * Page views of each article (every address it had), for the admin article list: over `range`
 * read exactly as the dashboard's top articles are, so both say the same for the same days; all
 * time without it.
 */
export async function getArticleViews({
  db,
  articleIds,
  range,
  now = Date.now(),
}: {
  db?: Conn;
  articleIds: number[];
  range?: DayRange;
  now?: number;
}): Promise<Map<number, number>> {
  const views = new Map<number, number>(articleIds.map((id) => [id, 0]));
  if (articleIds.length === 0) return views;
  const conn = await connection(db);
  if (range) {
    const ids = [...new Set(articleIds)];
    for (const row of await viewsByKey<number>(conn, await rangeParts(conn, range, now), 'article', ids.length, ids))
      views.set(row.key, row.views);
    return views;
  }
  const { checkpoints } = await freshCheckpoints(conn, now);
  const ids = [...new Set(articleIds)];
  const through = checkpoints.at(-1) ?? null;
  const [cumulative, recent] = await Promise.all([
    through
      ? conn
          .select({ id: pageViewCumulative.articleId, views: sql<number>`sum(${pageViewCumulative.views})`.mapWith(Number) })
          .from(pageViewCumulative)
          .where(and(inArray(pageViewCumulative.articleId, ids), eq(pageViewCumulative.through, through)))
          .groupBy(pageViewCumulative.articleId)
      : [],
    conn
      .select({
        id: sql<number>`${pageViewDaily.articleId}`.mapWith(Number),
        views: sql<number>`sum(${pageViewDaily.views})`.mapWith(Number),
      })
      .from(pageViewDaily)
      .where(and(inArray(pageViewDaily.articleId, ids), through ? gt(pageViewDaily.day, through) : undefined))
      .groupBy(pageViewDaily.articleId),
  ]);
  for (const row of [...cumulative, ...recent]) views.set(row.id, (views.get(row.id) ?? 0) + row.views);
  return views;
}
