import 'server-only';
import { inArray } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { plainTextOf } from '../../../lib/search/results';
import { articles } from '../../schema';
import type { SearchSource } from './source';

/** "Tin tức": published articles whose time has come, by title, summary and body. */
export const articleSearch: SearchSource = {
  type: 'tin-tuc',
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
