import 'server-only';
import { desc, inArray, sql } from 'drizzle-orm';
import { routes } from '../../../lib/routes';
import { wordsOfFoldedSql } from '../../../lib/search-text';
import { procedures } from '../../schema';
import { exactAll, hitsOf, matchesAll, type SearchSource } from './source';

/** The expression of procedures_search_idx (drizzle/0009_search_indexes.sql). */
const words = sql.raw(wordsOfFoldedSql('"procedures"."search_text"'));

/** "Thủ tục": published administrative procedures, by Mã thủ tục and name. */
export const procedureSearch: SearchSource = {
  type: 'thu-tuc',
  async find({ db, query, limit }) {
    const exact = exactAll(sql`${procedures.code} || ' ' || ${procedures.name}`, query);
    const rows = await db
      .select({
        id: procedures.id,
        exact: sql<boolean>`${exact}`.as('exact'),
        inTitle: sql<boolean>`true`.as('in_title'),
        date: procedures.publishedAt,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(procedures)
      .where(sql`${procedures.status} = 'published' and ${matchesAll(words, query)}`)
      .orderBy(desc(sql`exact`), desc(procedures.publishedAt), desc(procedures.id))
      .limit(limit);
    return hitsOf(rows);
  },
  async load({ db, ids }) {
    const rows = await db
      .select({
        id: procedures.id,
        slug: procedures.slug,
        code: procedures.code,
        name: procedures.name,
        date: procedures.publishedAt,
        synthetic: procedures.synthetic,
      })
      .from(procedures)
      .where(inArray(procedures.id, ids));
    return rows.map((row) => ({
      type: 'thu-tuc' as const,
      id: row.id,
      title: row.name,
      href: routes.procedure(row.slug),
      date: row.date,
      text: `Mã thủ tục: ${row.code}`,
      synthetic: row.synthetic,
    }));
  },
};
