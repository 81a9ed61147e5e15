import 'server-only';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { plainTextOf } from '../../../lib/search/results';
import { foldedWordsSql } from '../../../lib/search-text';
import { articles } from '../../schema';
import { CANDIDATES, exactAll, hitsOf, matchesAll, matchesVector, type SearchSource } from './source';

/** "Tin tức": published articles whose time has come, by title, summary and body. */
export const articleSearch: SearchSource = {
  type: 'tin-tuc',
  async find({ db, query, limit }) {
    const candidates = db
      .select({ id: articles.id, title: articles.title, summary: articles.summary, date: articles.publishedAt })
      .from(articles)
      .where(
        and(eq(articles.status, 'published'), lte(articles.publishedAt, sql`now()`), matchesVector(sql`${articles.searchVector}`, query)),
      )
      // As articles_published_idx orders them (nulls last): when matches are many, the newest are
      // read from that index and the scan stops after CANDIDATES of them.
      .orderBy(sql`${articles.publishedAt} desc nulls last`)
      .limit(CANDIDATES)
      .as('candidates');
    const rows = await db
      .select({
        id: candidates.id,
        exact: sql<boolean>`${exactAll(sql`${candidates.title} || ' ' || ${candidates.summary}`, query)}`.as('exact'),
        inTitle: sql<boolean>`${matchesAll(sql.raw(foldedWordsSql('"candidates"."title"')), query)}`.as('in_title'),
        date: candidates.date,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(candidates)
      .orderBy(desc(sql`exact`), desc(sql`in_title`), desc(candidates.date), desc(candidates.id))
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
