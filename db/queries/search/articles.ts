import 'server-only';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { plainTextOf } from '../../../lib/search/results';
import { foldedWordsSql } from '../../../lib/search-text';
import { articles } from '../../schema';
import { exactAll, hitsOf, matchesAll, type SearchSource } from './source';

/** "Tin tức": published articles whose time has come, by title, summary and body. */
export const articleSearch: SearchSource = {
  type: 'tin-tuc',
  async find({ db, query, limit }) {
    const exact = exactAll(sql`${articles.title} || ' ' || ${articles.summary}`, query);
    const inTitle = matchesAll(sql.raw(foldedWordsSql('"articles"."title"')), query);
    const rows = await db
      .select({
        id: articles.id,
        exact: sql<boolean>`${exact}`.as('exact'),
        inTitle: sql<boolean>`${inTitle}`.as('in_title'),
        date: articles.publishedAt,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(articles)
      .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`), matchesAll(sql`${articles.searchText}`, query)))
      .orderBy(desc(sql`exact`), desc(sql`in_title`), desc(articles.publishedAt), desc(articles.id))
      .limit(limit);
    return hitsOf(rows);
  },
  async load({ db, ids }) {
    const rows = await db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        summary: articles.summary,
        bodyHtml: articles.bodyHtml,
        date: articles.publishedAt,
        synthetic: articles.synthetic,
      })
      .from(articles)
      .where(inArray(articles.id, ids));
    return rows.map((row) => ({
      type: 'tin-tuc' as const,
      id: row.id,
      title: row.title,
      href: routes.article(row.slug),
      date: row.date,
      text: `${row.summary} ${plainTextOf(row.bodyHtml)}`,
      synthetic: row.synthetic,
    }));
  },
};
